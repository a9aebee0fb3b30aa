/** Test helper for running a worker's queue handler the way a queue delivers to it. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";

/**
 * Delivers `bodies` as one batch of `queue` (each on its first attempt) to `consume`, a call of
 * the worker's queue handler, and answers what the handler did with each message (acks, retries).
 */
export async function deliverBatch(
  queue: string,
  bodies: readonly unknown[],
  consume: (batch: MessageBatch) => Promise<unknown>,
) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({
      id: `${queue}-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: 1,
      body,
    })),
  );
  const ctx = createExecutionContext();
  await consume(batch);
  return getQueueResult(batch, ctx);
}
