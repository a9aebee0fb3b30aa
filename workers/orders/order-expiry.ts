import { and, asc, eq, lte } from "drizzle-orm";
import { orders } from "../../db/orders/schema";
import { log } from "../shared/log";
import { pruneCheckoutRequests } from "./checkout-claims";
import { runDueTasks, runOrderTasks } from "./order-tasks";
import { applyTransition } from "./order-transitions";
import type { OrdersDeps } from "./orders.deps";

/**
 * Expires unpaid orders whose reservation has lapsed (at most `limit` per run, oldest first):
 * `pending_payment -> expired` with its tasks (release the stock, give the coupon use back, cancel
 * the PaymentIntent, email the customer) in one batch, then runs them. Safe to run concurrently
 * and repeatedly: of two runs, only one wins each order's conditional update, and the tasks are
 * idempotent. A payment that still arrives afterwards is refunded (payment-events.consumer.ts).
 */
export async function expireOrders(deps: OrdersDeps, limit = 50): Promise<string[]> {
  const due = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), lte(orders.reservationExpiresAt, deps.now())))
    .orderBy(asc(orders.reservationExpiresAt))
    .limit(limit);
  const expired: string[] = [];
  for (const { id } of due) {
    const result = await applyTransition(deps, {
      orderId: id,
      from: "pending_payment",
      to: "expired",
      actor: "system",
      note: "No payment arrived before the stock reservation lapsed.",
      tasks: ["release_stock", "release_coupon", "cancel_payment", "email_expired"],
    });
    if (!result.ok) continue;
    expired.push(id);
    await runOrderTasks(deps, id);
  }
  return expired;
}

/**
 * The cron (every minute): expire lapsed orders, retry follow-up tasks that are due, forget
 * Idempotency-Keys past their retention.
 */
export async function runScheduled(deps: OrdersDeps): Promise<void> {
  const expired = await expireOrders(deps);
  const tasks = await runDueTasks(deps);
  const pruned = await pruneCheckoutRequests(deps);
  if (expired.length > 0 || tasks > 0 || pruned > 0)
    log("info", "orders cron", { expired: expired.length, tasks, checkoutKeysPruned: pruned });
}
