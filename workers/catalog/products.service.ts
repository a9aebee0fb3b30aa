import { type SQL, sql } from "drizzle-orm";
import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import { breadcrumbSql, type CatalogDb } from "./catalog.service";
import { readBatch } from "./catalog-batch";
import {
  imageUrl,
  type ProductListRow,
  productListItemColumns,
  stockStatusOf,
  toProductListItem,
} from "./product-list-item";
import { type ProductQuery, productFilterSql, productOrderSql } from "./product-query";
import type {
  CategoryCrumb,
  ProductDetail,
  ProductPage,
  ProductStatus,
  ProductVariantView,
  VariantStatus,
} from "./products.schemas";

/** Product reads: the listing, the featured strip and the product page. */

/** Live stock per SKU; the inventory worker's `InventoryService` over RPC in production. */
export interface StockReader {
  getStock(sku: string): Promise<{ available: number; lowStockThreshold: number }>;
}

/**
 * How long the product page waits for live stock before showing the projection instead: a slow
 * inventory must not make the page slow.
 */
const LIVE_STOCK_TIMEOUT_MS = 1_500;

/** The listing's query without search: `q` and `relevance` are answered by search. */
export type ListQuery = Omit<ProductQuery, "q" | "sort"> & {
  sort?: Exclude<ProductQuery["sort"], "relevance">;
};

/**
 * One page of active products matching the filters, with the total, in one batch (one round
 * trip). The page is chosen over ids first and the list-item columns (correlated subqueries for
 * brand, category and stock) are computed for those rows only: a sort that cannot use an index
 * would otherwise compute them for every match. WHERE and ORDER BY are the ones search uses,
 * over the `(status, ...)` indexes of products.
 */
export async function listProducts({ db }: { db: CatalogDb }, query: ListQuery): Promise<ProductPage> {
  const where = productFilterSql(query);
  const order = productOrderSql(query.sort ?? "newest");
  const offset = (query.page - 1) * query.limit;
  const [rows, count] = await readBatch<[ProductListRow, { total: number }]>(db, [
    sql`WITH page AS (
          SELECT p.id FROM products p WHERE ${where} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${offset}
        )
        SELECT ${productListItemColumns} FROM page JOIN products p ON p.id = page.id ORDER BY ${order}`,
    sql`SELECT COUNT(*) AS total FROM products p WHERE ${where}`,
  ]);
  const total = count[0]?.total ?? 0;
  return { items: rows.map(toProductListItem), total, page: query.page, limit: query.limit };
}

/** Whether `viewer` may see and change a product of `sellerId`: its seller, or an admin. */
export function managesProduct(viewer: Caller | null, sellerId: string): boolean {
  return viewer !== null && (viewer.role === "admin" || viewer.userId === sellerId);
}

interface DetailRow extends ProductListRow {
  description: string;
  status: ProductStatus;
  featured: number;
  seller_id: string;
  attributes: string;
  created_at: number;
  updated_at: number;
}

interface VariantRow {
  sku: string;
  options: string;
  price_amount: number;
  currency: string;
  status: VariantStatus;
  available: number;
  low_stock_threshold: number;
}

interface Stock {
  available: number;
  lowStockThreshold: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stock of each variant read live from inventory, all SKUs in parallel. A SKU whose read fails
 * or is slow shows the catalog's projection instead: a page with slightly old numbers beats no
 * page (checkout re-checks stock anyway).
 */
async function liveStock(
  inventory: StockReader | undefined,
  variants: VariantRow[],
  timeoutMs: number,
): Promise<Stock[]> {
  const projection = (v: VariantRow): Stock => ({
    available: v.available,
    lowStockThreshold: v.low_stock_threshold,
  });
  if (!inventory) return variants.map(projection);
  const results = await Promise.allSettled(
    variants.map((v) => withTimeout(inventory.getStock(v.sku), timeoutMs)),
  );
  const failed = results.flatMap((r, i) => (r.status === "rejected" ? [variants[i]!.sku] : []));
  if (failed.length > 0) {
    const reason = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    log("warn", "live stock unavailable; showing the projection", {
      skus: failed,
      error: String(reason.reason),
    });
  }
  return results.map((r, i) =>
    r.status === "fulfilled"
      ? { available: r.value.available, lowStockThreshold: r.value.lowStockThreshold }
      : projection(variants[i]!),
  );
}

export type ProductKey = { id: string } | { slug: string };

/**
 * The product page by id or slug. Active products are public; a draft or archived one is shown
 * only to its seller and admins (so sellers and past orders still resolve it) and is a 404 to
 * everyone else, exactly like a product that does not exist. Everything but live stock is read
 * in one batch.
 */
export async function getProductDetail(
  deps: { db: CatalogDb; inventory?: StockReader; liveStockTimeoutMs?: number },
  key: ProductKey,
  viewer: Caller | null,
): Promise<ProductDetail> {
  const { db } = deps;
  const match: SQL = "id" in key ? sql`p.id = ${key.id}` : sql`p.slug = ${key.slug}`;
  const [products, variantRows, images, breadcrumb] = await readBatch<
    [DetailRow, VariantRow, { key: string; alt: string }, CategoryCrumb]
  >(db, [
    sql`SELECT ${productListItemColumns}, p.description AS description, p.status AS status,
            p.featured AS featured, p.seller_id AS seller_id, p.attributes AS attributes,
            p.created_at AS created_at, p.updated_at AS updated_at
          FROM products p WHERE ${match}`,
    sql`SELECT v.sku, v.options, v.price_amount, v.currency, v.status, v.available, v.low_stock_threshold
          FROM product_variants v JOIN products p ON p.id = v.product_id
          WHERE ${match} ORDER BY v.position, v.sku`,
    sql`SELECT i.key, i.alt FROM product_images i JOIN products p ON p.id = i.product_id
          WHERE ${match} ORDER BY i.position, i.created_at`,
    breadcrumbSql(sql`(SELECT p.category_id FROM products p WHERE ${match})`),
  ]);
  const row = products[0];
  const privileged = row !== undefined && managesProduct(viewer, row.seller_id);
  if (!row || (row.status !== "active" && !privileged)) {
    const what = "id" in key ? `id ${key.id}` : `slug ${key.slug}`;
    throw new AppError("not_found", `No product with ${what}.`);
  }
  const shown = privileged ? variantRows : variantRows.filter((v) => v.status === "active");
  const stock = await liveStock(deps.inventory, shown, deps.liveStockTimeoutMs ?? LIVE_STOCK_TIMEOUT_MS);
  const variants = shown.map(
    (v, i): ProductVariantView => ({
      sku: v.sku,
      options: JSON.parse(v.options) as Record<string, string>,
      price: { amount: v.price_amount, currency: v.currency },
      available: Math.max(0, stock[i]!.available),
      ...(privileged ? { status: v.status } : {}),
    }),
  );
  const activeStock = stock.filter((_, i) => shown[i]!.status === "active");
  return {
    ...toProductListItem(row),
    stock: { status: stockStatusOf(activeStock) },
    description: row.description,
    status: row.status,
    featured: row.featured === 1,
    sellerId: row.seller_id,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    breadcrumb: breadcrumb.map(({ id, slug, name }) => ({ id, slug, name })),
    images: images.map((image) => ({ url: imageUrl(image.key), alt: image.alt || row.name })),
    variants,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
