import { searchIndexMessage } from "../../queues/search-index.schema";
import { log } from "../shared/log";
import { backoffSeconds, wellFormedMessages } from "../shared/queue-messages";
import { refreshSearchExtras, reindexProducts } from "./search-index.service";
import type { Env } from "./worker-configuration";

/** Seconds before the n-th retry: 5, 10, 20, 40, 80 ... capped at five minutes. */
export function retryDelaySeconds(attempts: number): number {
  return backoffSeconds(attempts, 5, 300);
}

/**
 * Consumes `shop-search-index`: keeps the FTS5 product index current.
 *
 * Both actions are handled the same way, by re-reading the products from the base tables: an
 * active product is (re)indexed, anything else leaves the index. The base tables are the truth,
 * so the order messages arrive in does not matter (a late "remove" cannot hide a product that was
 * re-activated since) and replaying a message is harmless. The batch's ids are reindexed
 * together, so a batch costs one transaction per 90 products rather than one per message.
 *
 * A malformed message is acknowledged and logged (retrying cannot fix it). A message whose
 * products could not be reindexed is retried with backoff; after the queue's max_retries it goes
 * to the dead-letter queue.
 */
export async function consumeSearchIndex(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const accepted = wellFormedMessages(batch, searchIndexMessage, "search-index");
  if (accepted.length === 0) return;

  const productIds = [...new Set(accepted.flatMap((a) => a.body.productIds))];
  const failed = await reindexProducts(env.CATALOG_DB, productIds);
  let extrasFailed = false;
  if (failed.size < productIds.length) {
    try {
      await refreshSearchExtras(env.CATALOG_DB);
    } catch (error) {
      // Documents are in; retrying the messages redoes them harmlessly and retries this step.
      extrasFailed = true;
      log("error", "search vocabulary refresh failed", { error: String(error) });
    }
  }

  for (const { message, body } of accepted) {
    if (!extrasFailed && !body.productIds.some((id) => failed.has(id))) {
      message.ack();
      continue;
    }
    const delaySeconds = retryDelaySeconds(message.attempts);
    log("warn", "retrying a search-index message", {
      messageId: message.id,
      attempts: message.attempts,
      delaySeconds,
    });
    message.retry({ delaySeconds });
  }
}
