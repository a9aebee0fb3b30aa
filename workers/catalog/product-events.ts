import type { SearchIndexMessage } from "../../queues/search-index.schema";
import { log } from "../shared/log";
import { chunk } from "./catalog-writes";
import type { ProductStatus } from "./products.schemas";

/** Product ids per search-index message (the message schema's maximum). */
const IDS_PER_MESSAGE = 500;
/** Messages per `sendBatch` call (the Queues limit). */
const MESSAGES_PER_SEND = 100;

/** A product whose row changed, with the status it has now. */
export interface ProductChange {
  id: string;
  status: ProductStatus;
}

/** The search-index messages for `changes`: active products are (re)indexed, the rest removed. */
export function searchIndexMessages(changes: readonly ProductChange[], at: number): SearchIndexMessage[] {
  const unique = new Map(changes.map((change) => [change.id, change.status]));
  const upsert = [...unique].filter(([, status]) => status === "active").map(([id]) => id);
  const remove = [...unique].filter(([, status]) => status !== "active").map(([id]) => id);
  return [
    ...chunk(upsert, IDS_PER_MESSAGE).map((productIds) => ({ action: "upsert" as const, productIds, at })),
    ...chunk(remove, IDS_PER_MESSAGE).map((productIds) => ({ action: "remove" as const, productIds, at })),
  ];
}

/**
 * Tells the search index (through the `search-index` queue) which products changed. Called after
 * the write committed. A failed send is logged, not thrown: the write stands, answering 500 would
 * invite a retry that conflicts with it, and the index can be rebuilt from the base tables.
 */
export async function announceProductChanges(
  queue: Queue,
  changes: readonly ProductChange[],
  context: { requestId?: string; now?: number } = {},
): Promise<void> {
  const messages = searchIndexMessages(changes, context.now ?? Date.now());
  try {
    for (const group of chunk(messages, MESSAGES_PER_SEND)) {
      await queue.sendBatch(group.map((body) => ({ body })));
    }
  } catch (error) {
    log("error", "could not enqueue search-index messages", {
      requestId: context.requestId,
      productIds: changes.map((c) => c.id).slice(0, 50),
      error: String(error),
    });
  }
}
