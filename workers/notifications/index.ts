import { WorkerEntrypoint } from "cloudflare:workers";
import { OutboxDO, outboxStub, type StoredEmail } from "../../durable-objects/outbox.do";
import { log } from "../shared/log";
import { senderFor } from "./email-sender";
import { type ConsumerDeps, deadLetter, handleEmailBatch } from "./emails.consumer";
import { handleLowStockBatch } from "./low-stock.consumer";
import { EMAILS_QUEUE, LOW_STOCK_QUEUE, notificationsConfig } from "./notifications.config";
import { notificationsRoutes } from "./notifications.routes";
import type { Env } from "./worker-configuration";

// An entry module may export only handlers, entrypoints and Durable Object classes (workerd
// refuses anything else), so constants live in notifications.config.ts.

/**
 * The notifications worker: consumes the emails and low-stock queues, renders templates, and
 * sends through the transport env.EMAIL_TRANSPORT chooses; over HTTP only health and dev tools.
 */
export default {
  fetch: notificationsRoutes.fetch,

  async queue(batch, env) {
    const config = notificationsConfig(env);
    const deps: ConsumerDeps = {
      sender: senderFor(env),
      deadLetters: env.EMAILS_DLQ,
      from: config.EMAIL_FROM,
    };
    switch (batch.queue) {
      case EMAILS_QUEUE:
        return handleEmailBatch(batch, deps);
      case LOW_STOCK_QUEUE:
        return handleLowStockBatch(batch, {
          ...deps,
          deadLetters: env.LOW_STOCK_DLQ,
          adminEmail: config.ADMIN_EMAIL,
        });
      default:
        // Only a wrangler.toml change can get here; keep the messages rather than drop them.
        log("error", "no consumer for queue", { queue: batch.queue });
        await Promise.all(
          batch.messages.map((m) => deadLetter(m, batch.queue, "no consumer for this queue", deps)),
        );
    }
  },
} satisfies ExportedHandler<Env>;

/**
 * RPC entrypoint for other workers (chiefly their tests): read what the shop "sent" without a
 * mailbox. Only workers with a service binding can call it; it is not on any public route.
 */
export class NotificationsService extends WorkerEntrypoint<Env> {
  /** Stored outbox emails, newest first, optionally only those to `to`. */
  async listOutbox(to?: string): Promise<StoredEmail[]> {
    return outboxStub(this.env.OUTBOX).list({ to, limit: 200 });
  }
}

export { OutboxDO };
