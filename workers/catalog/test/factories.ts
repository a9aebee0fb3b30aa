import { sql } from "drizzle-orm";
import { vi } from "vitest";
import { categories, products, productVariants } from "../../../db/catalog/schema";
import type { SearchIndexMessage } from "../../../queues/search-index.schema";
import { callAs, type JsonResponse } from "../../../test/http";
import type { Caller } from "../../shared/caller";
import { readCacheVersion } from "../cache-version";
import { catalogDb } from "../catalog.service";
import { runBatch } from "../catalog-batch";
import { recomputeMinPrice } from "../catalog-writes";
import type { ProductStatus } from "../products.schemas";
import { self, testEnv } from "./harness";

/**
 * Factories for catalog tests. Storage is shared by the tests of one file, so every factory
 * makes unique slugs, ids and SKUs: no test depends on what another test wrote.
 */

export const db = () => catalogDb(testEnv.CATALOG_DB);

/** A unique lowercase token, e.g. for slugs. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** A unique SKU. */
export function sku(prefix = "SKU"): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase();
}

export const admin: Caller = { userId: "admin-1", role: "admin" };
export const customer: Caller = { userId: "customer-1", role: "customer" };

/** A new seller (each with its own id). */
export function seller(): Caller {
  return { userId: unique("seller"), role: "seller" };
}

/**
 * A request to the catalog worker as the gateway sends it: `as` becomes the verified caller
 * headers; no `as` is an anonymous request.
 */
export function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  return callAs<T>((request) => self.default.fetch(request), method, path, options);
}

/** Inserts a category; returns its id and slug. */
export async function makeCategory(
  options: { name?: string; slug?: string; parentId?: string | null; position?: number } = {},
): Promise<{ id: string; slug: string }> {
  const slug = options.slug ?? unique("cat");
  const id = `cat-${slug}`;
  await db()
    .insert(categories)
    .values({
      id,
      slug,
      name: options.name ?? slug,
      parentId: options.parentId ?? null,
      position: options.position ?? 0,
      createdAt: Date.now(),
    });
  return { id, slug };
}

export interface VariantSeed {
  sku?: string;
  price?: number;
  currency?: string;
  available?: number;
  lowStockThreshold?: number;
  status?: "active" | "archived";
  options?: Record<string, string>;
}

export interface ProductSeed {
  categoryId: string;
  sellerId?: string;
  name?: string;
  slug?: string;
  brandId?: string | null;
  status?: ProductStatus;
  featured?: boolean;
  rating?: number;
  ratingCount?: number;
  createdAt?: number;
  description?: string;
  variants?: VariantSeed[];
}

/**
 * Inserts a product with its variants (one active 1000-cent USD variant with 10 available by
 * default) and sets its `min_price` projection like a real write does.
 */
export async function makeProduct(seed: ProductSeed): Promise<{ id: string; slug: string; skus: string[] }> {
  const slug = seed.slug ?? unique("product");
  const id = `prod-${slug}`;
  const createdAt = seed.createdAt ?? Date.now();
  const variants = (seed.variants ?? [{}]).map((v, position) => ({
    sku: v.sku ?? sku(),
    productId: id,
    options: v.options ?? {},
    priceAmount: v.price ?? 1000,
    currency: v.currency ?? "USD",
    status: v.status ?? ("active" as const),
    position,
    available: v.available ?? 10,
    lowStockThreshold: v.lowStockThreshold ?? 5,
    createdAt,
    updatedAt: createdAt,
  }));
  await runBatch(db(), [
    db()
      .insert(products)
      .values({
        id,
        slug,
        name: seed.name ?? slug,
        description: seed.description ?? "",
        brandId: seed.brandId ?? null,
        categoryId: seed.categoryId,
        status: seed.status ?? "active",
        featured: seed.featured ? 1 : 0,
        sellerId: seed.sellerId ?? "seller-factory",
        ratingAverage: seed.rating ?? 0,
        ratingCount: seed.ratingCount ?? 0,
        createdAt,
        updatedAt: createdAt,
      }),
    ...variants.map((v) => db().insert(productVariants).values(v)),
    recomputeMinPrice(sql`id = ${id}`),
  ]);
  return { id, slug, skus: variants.map((v) => v.sku) };
}

/** Inserts a brand; returns its id and slug. */
export async function makeBrand(name = unique("Brand")): Promise<{ id: string; slug: string }> {
  const slug = name.toLowerCase();
  const id = `brand-${slug}`;
  await db().run(sql`INSERT INTO brands (id, slug, name, created_at) VALUES (${id}, ${slug}, ${name}, 0)`);
  return { id, slug };
}

/** The catalog's cache version now. */
export function cacheVersion(): Promise<number> {
  return readCacheVersion(db());
}

/**
 * Records every message the worker sends to the search-index queue. The spy passes each call
 * through, so the real queue (and its consumer) still get the messages.
 */
export function watchSearchIndex(): { messages: () => SearchIndexMessage[]; stop: () => void } {
  const sendBatch = vi.spyOn(testEnv.SEARCH_INDEX, "sendBatch");
  const send = vi.spyOn(testEnv.SEARCH_INDEX, "send");
  return {
    messages: () => [
      ...sendBatch.mock.calls.flatMap(([batch]) => [...batch].map((m) => m.body as SearchIndexMessage)),
      ...send.mock.calls.map(([body]) => body as SearchIndexMessage),
    ],
    stop: () => {
      sendBatch.mockRestore();
      send.mockRestore();
    },
  };
}

/** A product row straight from the database (for assertions on projections and status). */
export async function productRow(id: string) {
  const [row] = await db().select().from(products).where(sql`id = ${id}`);
  return row;
}

/** A valid create body in a fresh category. */
export async function newProductBody(extra: Record<string, unknown> = {}) {
  const category = await makeCategory();
  return {
    name: `Trail Runner ${unique("x")}`,
    category: category.slug,
    status: "active",
    variants: [
      { sku: sku(), options: { size: "42" }, price: { amount: 8900, currency: "usd" } },
      { sku: sku(), options: { size: "43" }, price: { amount: 7900, currency: "USD" } },
    ],
    ...extra,
  };
}
