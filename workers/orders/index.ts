import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { AppError, fieldErrors } from "../shared/errors";
import { ordersRoutes } from "./orders.routes";
import { hasPurchased, ordersDb } from "./orders.service";
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
  // The cron (every minute) will expire unpaid orders and release their stock; orders and
  // reservations only exist once checkout does, so until then there is nothing to expire.
  async scheduled(_controller, _env, _ctx): Promise<void> {},
} satisfies ExportedHandler<Env>;
