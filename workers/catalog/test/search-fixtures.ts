import { eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { brands, categories, products, productVariants } from "../../../db/catalog/schema";
import type { SearchIndexMessage } from "../../../queues/search-index.schema";
import { deliverBatch } from "../../../test/queue";
import { catalogDb } from "../catalog.service";
import worker from "../index";
import type { SearchResult, Suggestion } from "../search.schemas";
import { call, testEnv } from "./harness";

/** Factories for search tests. Every id and slug starts with the test's own prefix. */

const db = () => catalogDb(testEnv.CATALOG_DB);
const NOW = Date.UTC(2026, 0, 1);

/** A product to seed; only `key` and `name` are required. */
export interface ProductSpec {
  key: string;
  name: string;
  description?: string;
  /** Brand name; the brand is created once per prefix. */
  brand?: string;
  /** Category key in the prefix's tree (see `seedSearchCatalog`): default "headphones". */
  category?: "electronics" | "audio" | "headphones" | "speakers" | "kitchen" | "cookware";
  /** Shown price in minor units. */
  price?: number;
  rating?: number;
  ratingCount?: number;
  /** Units available of its one variant (0: out of stock). */
  available?: number;
  status?: "draft" | "active" | "archived";
  createdAt?: number;
}

/** Categories: Electronics > Audio > [Headphones, Speakers]; Kitchen > Cookware. */
const TREE: [key: string, name: string, parent: string | null][] = [
  ["electronics", "Electronics", null],
  ["audio", "Audio", "electronics"],
  ["headphones", "Headphones", "audio"],
  ["speakers", "Speakers", "audio"],
  ["kitchen", "Kitchen", null],
  ["cookware", "Cookware", "kitchen"],
];

/** The id and slug of a prefixed thing: `${prefix}-${key}`. */
export const slugOf = (prefix: string, key: string) => `${prefix}-${key}`;

function brandKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/**
 * Inserts the prefix's category tree, the brands the specs name and the products (each with one
 * variant), straight into the base tables as the catalog's writers would. Does not index them.
 * @returns the product ids, in spec order
 */
export async function seedSearchCatalog(prefix: string, specs: readonly ProductSpec[]): Promise<string[]> {
  await db()
    .insert(categories)
    .values(
      TREE.map(([key, name, parent], position) => ({
        id: slugOf(prefix, key),
        slug: slugOf(prefix, key),
        name,
        parentId: parent === null ? null : slugOf(prefix, parent),
        position,
        createdAt: NOW,
      })),
    )
    .onConflictDoNothing();
  const brandNames = [...new Set(specs.flatMap((s) => (s.brand ? [s.brand] : [])))];
  if (brandNames.length > 0) {
    await db()
      .insert(brands)
      .values(
        brandNames.map((name) => ({
          id: slugOf(prefix, brandKey(name)),
          slug: slugOf(prefix, brandKey(name)),
          name,
          createdAt: NOW,
        })),
      )
      .onConflictDoNothing();
  }
  for (const spec of specs) {
    const id = slugOf(prefix, spec.key);
    await db()
      .insert(products)
      .values({
        id,
        slug: id,
        name: spec.name,
        description: spec.description ?? "",
        brandId: spec.brand ? slugOf(prefix, brandKey(spec.brand)) : null,
        categoryId: slugOf(prefix, spec.category ?? "headphones"),
        status: spec.status ?? "active",
        sellerId: "seller-1",
        minPrice: spec.price ?? 1000,
        ratingAverage: spec.rating ?? 0,
        ratingCount: spec.ratingCount ?? 0,
        createdAt: spec.createdAt ?? NOW,
        updatedAt: NOW,
      });
    await db()
      .insert(productVariants)
      .values({
        sku: `${id}-sku`,
        productId: id,
        priceAmount: spec.price ?? 1000,
        available: spec.available ?? 10,
        lowStockThreshold: 2,
        createdAt: NOW,
      });
  }
  return specs.map((s) => slugOf(prefix, s.key));
}

/** Runs the worker's queue handler on these message bodies, as the queue would deliver them. */
export function deliverSearchIndex(bodies: readonly unknown[], env = testEnv) {
  return deliverBatch("shop-search-index", bodies, (batch) => worker.queue(batch, env));
}

/** Indexes products through the consumer (as a product write would) and checks all were acked. */
export async function indexProducts(
  productIds: readonly string[],
  action: SearchIndexMessage["action"] = "upsert",
): Promise<void> {
  const result = await deliverSearchIndex([{ action, productIds, at: Date.now() }]);
  expect(result.retryMessages).toEqual([]);
  expect(result.explicitAcks).toHaveLength(1);
}

/** Seeds and indexes products; returns their ids. */
export async function seedIndexed(prefix: string, specs: readonly ProductSpec[]): Promise<string[]> {
  const ids = await seedSearchCatalog(prefix, specs);
  await indexProducts(ids);
  return ids;
}

/** Changes a product in the base tables (a write the products routes would make). */
export async function updateProduct(
  id: string,
  values: Partial<typeof products.$inferInsert>,
): Promise<void> {
  await db().update(products).set(values).where(eq(products.id, id));
}

/** Deletes products outright (with their variants), as no route does but a cleanup might. */
export async function deleteProducts(ids: readonly string[]): Promise<void> {
  await db()
    .delete(productVariants)
    .where(inArray(productVariants.productId, [...ids]));
  await db()
    .delete(products)
    .where(inArray(products.id, [...ids]));
}

/** `GET /api/search` with these query parameters. */
export async function search(params: Record<string, string | number>): Promise<Response> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return call(`/api/search?${qs}`);
}

/** `GET /api/search` expecting 200; the body. */
export async function searchOk(params: Record<string, string | number>): Promise<SearchResult> {
  const res = await search(params);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json<SearchResult>();
}

/** Slugs of the result's items that belong to `prefix`, in result order. */
export function slugsOf(result: SearchResult, prefix: string): string[] {
  return result.items.map((i) => i.slug).filter((s) => s.startsWith(`${prefix}-`));
}

/** `GET /api/search/suggest?q=` expecting 200; the suggestions. */
export async function suggestOk(q: string): Promise<Suggestion[]> {
  const res = await call(`/api/search/suggest?${new URLSearchParams({ q })}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json<{ suggestions: Suggestion[] }>()).suggestions;
}
