import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { AppError, fieldErrors } from "../shared/errors";
import { log } from "../shared/log";
import { runScheduled } from "./order-expiry";
import { ordersDeps } from "./orders.deps";
import { ordersRoutes } from "./orders.routes";
import { hasPurchased, ordersDb } from "./orders.service";
import { consumePaymentEvents, PAYMENT_EVENTS_QUEUE } from "./payment-events.consumer";
import type { Env } from "./worker-configuration";

const purchaseQuery = z.object({ userId: z.string().min(1).max(128), productId: z.string().min(1).max(128) });

/** Orders for other workers (reviews asks about purchases) over a service binding. */
export class OrdersService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** Whether the user has a confirmed (or later) order containing the product. */
  async hasPurchased(userId: string, productId: string): Promise<boolean> {
    const parsed = purchaseQuery.safeParse({ userId, productId });
    if (!parsed.success) {
      throw new AppError("validation_failed", "hasPurchased needs a user id and a product id.", {
        errors: fieldErrors(parsed.error.issues),
      });
    }
    return hasPurchased({ db: ordersDb(this.env.ORDERS_DB) }, parsed.data.userId, parsed.data.productId);
  }
}

export default {
  fetch: ordersRoutes.fetch,
  async queue(batch, env) {
    switch (batch.queue) {
      case PAYMENT_EVENTS_QUEUE:
        return consumePaymentEvents(batch, ordersDeps(env));
      default:
        // Only a wrangler.toml change can get here. Retrying keeps the messages: after
        // max_retries they land in that queue's dead-letter queue instead of being dropped.
        log("error", "no consumer for queue", { queue: batch.queue, messages: batch.messages.length });
        batch.retryAll({ delaySeconds: 60 });
    }
  },
  // Every minute: expire unpaid orders past their reservation, retry follow-up tasks that failed.
  async scheduled(_controller, env, _ctx) {
    await runScheduled(ordersDeps(env));
  },
} satisfies ExportedHandler<Env>;
