import { and, eq, lt } from "drizzle-orm";
import { productVariants } from "../../db/catalog/schema";
import { type StockLevelMessage, stockLevelMessage } from "../../queues/stock-levels.schema";
import { log } from "../shared/log";
import { type CatalogDb, catalogDb } from "./catalog.service";
import { runBatch, type Statement } from "./catalog-batch";
import { retryDelaySeconds } from "./search-index.consumer";
import type { Env } from "./worker-configuration";

/** The queue this consumer serves (workers/catalog/wrangler.toml). */
export const STOCK_LEVELS_QUEUE = "shop-stock-levels";

/**
 * The newest level of each SKU among `levels` (by `at`; on a tie the first one seen). Older
 * levels of a SKU in the same batch could never apply after the newest one, so they cost nothing
 * to drop and keep the D1 batch at one statement per SKU.
 */
export function newestLevelPerSku(levels: readonly StockLevelMessage[]): StockLevelMessage[] {
  const newest = new Map<string, StockLevelMessage>();
  for (const level of levels) {
    const held = newest.get(level.sku);
    if (!held || level.at > held.at) newest.set(level.sku, level);
  }
  return [...newest.values()];
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
 * A malformed message is acknowledged and logged (retrying cannot fix it). When the database
 * write fails, every valid message is retried with backoff (applying a level twice is harmless);
 * after the queue's max_retries they go to the dead-letter queue.
 */
export async function consumeStockLevels(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const accepted: { message: Message<unknown>; level: StockLevelMessage }[] = [];
  for (const message of batch.messages) {
    const parsed = stockLevelMessage.safeParse(message.body);
    if (parsed.success) {
      accepted.push({ message, level: parsed.data });
      continue;
    }
    log("error", "dropped a malformed stock-level message", {
      queue: batch.queue,
      messageId: message.id,
      body: message.body,
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    message.ack();
  }
  if (accepted.length === 0) return;

  const db = catalogDb(env.CATALOG_DB);
  const levels = newestLevelPerSku(accepted.map((a) => a.level));
  try {
    await runBatch(
      db,
      levels.map((level) => applyStockLevel(db, level)),
    );
  } catch (error) {
    log("error", "stock levels not applied; retrying", {
      queue: batch.queue,
      skus: levels.map((l) => l.sku),
      error: String(error),
    });
    for (const { message } of accepted) {
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
    return;
  }
  for (const { message } of accepted) message.ack();
}
