import { and, eq, lt } from "drizzle-orm";
import { productVariants } from "../../db/catalog/schema";
import { type StockLevelMessage, stockLevelMessage } from "../../queues/stock-levels.schema";
import type { CatalogDb } from "./catalog.service";
import type { Statement } from "./catalog-batch";
import { consumeProjection, newestPerKey } from "./projection.consumer";
import type { Env } from "./worker-configuration";

/** The queue this consumer serves (workers/catalog/wrangler.toml). */
export const STOCK_LEVELS_QUEUE = "shop-stock-levels";

/** The newest level of each SKU among `levels` (see newestPerKey). */
export function newestLevelPerSku(levels: readonly StockLevelMessage[]): StockLevelMessage[] {
  return newestPerKey(levels, (level) => level.sku);
}

/**
 * The statement that moves a SKU's projection to `level`, guarded by `stock_reported_at`: it
 * changes nothing when the catalog already holds a level as new or newer (a late, repeated or
 * reordered message), nor when no variant has the SKU (stock the catalog does not sell).
 */
export function applyStockLevel(db: CatalogDb, level: StockLevelMessage): Statement {
  return db
    .update(productVariants)
    .set({
      available: level.available,
      lowStockThreshold: level.lowStockThreshold,
      stockReportedAt: level.at,
    })
    .where(and(eq(productVariants.sku, level.sku), lt(productVariants.stockReportedAt, level.at)));
}

/**
 * Consumes `shop-stock-levels`: keeps the catalog's stock projection (`product_variants.available`
 * and `low_stock_threshold`) in step with the StockDOs, for listing stock status, the `inStock`
 * filter and the low-stock list.
 *
 * The whole batch is one D1 batch (one transaction): a SKU's newest level in the batch, applied
 * only when newer than the level held. The cache version is deliberately not bumped: during a
 * flash sale that would empty the edge cache every couple of seconds; anonymous listings show a
 * stock change within the edge-cache TTL instead (ADR 16).
 *
 * Malformed messages and failed writes are handled as for every projection (consumeProjection).
 */
export async function consumeStockLevels(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  return consumeProjection(batch, env, {
    what: "stock-level",
    schema: stockLevelMessage,
    keyOf: (level) => level.sku,
    statements: (db, levels) => levels.map((level) => applyStockLevel(db, level)),
  });
}
