import type { z } from "zod";
import { log } from "./log";

/**
 * Exponential backoff before a failed message's next delivery: `baseSeconds`, twice that, four
 * times ... capped at `maxSeconds`. `attempts` starts at 1.
 */
export function backoffSeconds(attempts: number, baseSeconds: number, maxSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, Math.trunc(attempts) - 1), maxSeconds);
}

/**
 * The messages of `batch` whose body `schema` accepts, in batch order, with the parsed body. The
 * others are logged ("dropped a malformed <what> message") and acknowledged: retrying cannot fix
 * a malformed message.
 */
export function wellFormedMessages<M>(
  batch: MessageBatch<unknown>,
  schema: z.ZodType<M>,
  what: string,
): { message: Message<unknown>; body: M }[] {
  const accepted: { message: Message<unknown>; body: M }[] = [];
  for (const message of batch.messages) {
    const parsed = schema.safeParse(message.body);
    if (parsed.success) {
      accepted.push({ message, body: parsed.data });
      continue;
    }
    log("error", `dropped a malformed ${what} message`, {
      queue: batch.queue,
      messageId: message.id,
      body: message.body,
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    message.ack();
  }
  return accepted;
}
