import { type SQL, sql } from "drizzle-orm";
import type { Caller } from "../shared/caller";
import type { CatalogDb } from "./catalog.service";
import { readBatch } from "./catalog-batch";
import type { LowStockItem, LowStockPage, LowStockQuery } from "./low-stock.schemas";

interface LowStockRow {
  sku: string;
  product_id: string;
  product_name: string;
  options: string;
  available: number;
  low_stock_threshold: number;
}

/**
 * Which variants are listed: active ones at or below their threshold (the terms of the partial
 * index `product_variants_low_stock_idx`, so SQLite can read that index) of products that are
 * not archived (drafts are listed: a seller stocks a product before publishing it). A seller
 * sees the SKUs of their own products only; an admin sees every SKU.
 */
function lowStockFilter(viewer: Caller): SQL {
  const parts: SQL[] = [
    sql`v.status = 'active'`,
    sql`v.available <= v.low_stock_threshold`,
    sql`p.status <> 'archived'`,
  ];
  if (viewer.role !== "admin") parts.push(sql`p.seller_id = ${viewer.userId}`);
  return sql.join(parts, sql` AND `);
}

function toLowStockItem(row: LowStockRow): LowStockItem {
  return {
    sku: row.sku,
    productId: row.product_id,
    productName: row.product_name,
    options: JSON.parse(row.options) as Record<string, string>,
    available: row.available,
    lowStockThreshold: row.low_stock_threshold,
    status: row.available <= 0 ? "out_of_stock" : "low_stock",
  };
}

/**
 * One page of the SKUs that need restocking, emptiest first (then by SKU), with the total, in
 * one D1 round trip. Read from the catalog's stock projection (fed by `shop-stock-levels`), so
 * it is a couple of seconds behind the StockDOs; the numbers to act on are one
 * `GET /api/inventory/:sku` away.
 */
export async function listLowStock(
  { db }: { db: CatalogDb },
  viewer: Caller,
  query: LowStockQuery,
): Promise<LowStockPage> {
  const where = lowStockFilter(viewer);
  const offset = (query.page - 1) * query.limit;
  const [rows, count] = await readBatch<[LowStockRow, { total: number }]>(db, [
    sql`SELECT v.sku AS sku, v.product_id AS product_id, p.name AS product_name, v.options AS options,
            v.available AS available, v.low_stock_threshold AS low_stock_threshold
          FROM product_variants v JOIN products p ON p.id = v.product_id
          WHERE ${where}
          ORDER BY v.available ASC, v.sku ASC LIMIT ${query.limit} OFFSET ${offset}`,
    sql`SELECT COUNT(*) AS total FROM product_variants v JOIN products p ON p.id = v.product_id
          WHERE ${where}`,
  ]);
  return {
    items: rows.map(toLowStockItem),
    total: count[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}
