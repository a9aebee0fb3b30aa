import type { z } from "zod";
import { log } from "../shared/log";
import { wellFormedMessages } from "../shared/queue-messages";
import { type CatalogDb, catalogDb } from "./catalog.service";
import { runBatch, type Statement } from "./catalog-batch";
import { retryDelaySeconds } from "./search-index.consumer";
import type { Env } from "./worker-configuration";

/**
 * A projection the catalog keeps from another worker's messages (stock levels, rating
 * summaries): each message carries absolute values and an `at`, and only the newest per key ever
 * applies, so late, repeated or reordered messages never move the projection backwards.
 */
export interface Projection<M extends { at: number }> {
  /** What a message is, for logs ("stock-level"). */
  what: string;
  schema: z.ZodType<M>;
  /** The row a message projects onto (a SKU, a product id). */
  keyOf: (message: M) => string;
  /** The statements that apply the newest message per key (each guarded by its `at`). */
  statements: (db: CatalogDb, newest: readonly M[]) => Statement[];
}

/**
 * The newest message per key among `messages` (by `at`; on a tie the first one seen). Older ones
 * in the same batch could never apply after the newest, so they cost nothing to drop and keep the
 * D1 batch at one statement per key.
 */
export function newestPerKey<M extends { at: number }>(messages: readonly M[], keyOf: (m: M) => string): M[] {
  const newest = new Map<string, M>();
  for (const message of messages) {
    const held = newest.get(keyOf(message));
    if (!held || message.at > held.at) newest.set(keyOf(message), message);
  }
  return [...newest.values()];
}

/**
 * Consumes one batch into a projection, as one D1 batch (one transaction). A malformed message is
 * acknowledged and logged (retrying cannot fix it). When the database write fails, every valid
 * message is retried with backoff (applying one twice is harmless); after the queue's max_retries
 * they go to its dead-letter queue.
 */
export async function consumeProjection<M extends { at: number }>(
  batch: MessageBatch<unknown>,
  env: Env,
  projection: Projection<M>,
): Promise<void> {
  const accepted = wellFormedMessages(batch, projection.schema, projection.what);
  if (accepted.length === 0) return;

  const db = catalogDb(env.CATALOG_DB);
  const newest = newestPerKey(
    accepted.map((a) => a.body),
    projection.keyOf,
  );
  try {
    await runBatch(db, projection.statements(db, newest));
  } catch (error) {
    log("error", `${projection.what} messages not applied; retrying`, {
      queue: batch.queue,
      keys: newest.map(projection.keyOf),
      error: String(error),
    });
    for (const { message } of accepted) {
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
    return;
  }
  for (const { message } of accepted) message.ack();
}
