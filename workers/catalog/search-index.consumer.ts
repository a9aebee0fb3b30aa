import { searchIndexMessage } from "../../queues/search-index.schema";
import { log } from "../shared/log";
import type { Env } from "./worker-configuration";

/**
 * Consumes `shop-search-index`. Every message is parsed; the FTS5 index it will update arrives
 * with search, so for now an accepted message is acknowledged with nothing to do. A malformed
 * message is acknowledged too (retrying cannot fix it) and logged with its body for inspection.
 */
export async function consumeSearchIndex(batch: MessageBatch<unknown>, _env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = searchIndexMessage.safeParse(message.body);
    if (!parsed.success) {
      log("error", "dropped a malformed search-index message", {
        queue: batch.queue,
        messageId: message.id,
        body: message.body,
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      });
    }
    message.ack();
  }
}
