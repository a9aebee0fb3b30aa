import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/orders/schema";
import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { findOrderRow, loadOrder, maySee, orderFromRow } from "./order-reads";
import {
  ADMIN_STATUSES,
  actorFor,
  CANCELLABLE_STATUSES,
  checkTransition,
  PAID_STATUSES,
} from "./order-state";
import { runOrderTasks, type TaskName } from "./order-tasks";
import { applyTransition } from "./order-transitions";
import type { OrdersDeps } from "./orders.deps";
import type { Order } from "./orders.schemas";

/** The orders database through drizzle, with the schema for typed queries. */
export function ordersDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type OrdersDb = ReturnType<typeof ordersDb>;

/**
 * The states in which the customer has paid (or, for cash on delivery, committed to) the order.
 * Refunded, cancelled and expired orders do not count: the goods were not kept.
 */
export const PURCHASED_STATUSES = PAID_STATUSES;

/** Whether `userId` has bought `productId` (any of its SKUs): the reviews' verified badge. */
export async function hasPurchased(
  { db }: { db: OrdersDb },
  userId: string,
  productId: string,
): Promise<boolean> {
  const { orders, orderLines } = schema;
  const hit = await db
    .select({ orderId: orderLines.orderId })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        eq(orders.userId, userId),
        eq(orderLines.productId, productId),
        inArray(orders.status, [...PURCHASED_STATUSES]),
      ),
    )
    .limit(1)
    .get();
  return hit !== undefined;
}

const notFound = (id: string) => new AppError("not_found", `No order with id ${id}.`);

/** The full order after a change (it exists: the change just read it). */
async function reloaded(deps: Pick<OrdersDeps, "db">, id: string): Promise<Order> {
  const order = await loadOrder(deps.db, id);
  if (!order) throw notFound(id);
  return order;
}

/** The order if `caller` (or the holder of `token`) may see it; otherwise 404, as if it did not exist. */
export async function orderFor(
  deps: Pick<OrdersDeps, "db">,
  id: string,
  caller: Caller | null,
  token: string | undefined,
): Promise<Order> {
  const row = await findOrderRow(deps.db, id);
  if (!row || !maySee(row, caller, token)) throw notFound(id);
  return orderFromRow(deps.db, row);
}

/**
 * What cancelling an order sets in motion, by the status it leaves. Unpaid: the reservation is
 * released and the PaymentIntent cancelled. Paid: the sold units go back on hand (nothing has
 * shipped yet), a card is refunded in full, a cash-on-delivery payment is cancelled. Either way the
 * coupon use is given back and the customer gets an email.
 */
export function cancellationTasks(status: schema.OrderStatus, method: "card" | "cod"): TaskName[] {
  if (status === "pending_payment")
    return ["release_stock", "release_coupon", "cancel_payment", "email_cancelled"];
  return ["restock", "release_coupon", method === "card" ? "refund" : "cancel_payment", "email_cancelled"];
}

/**
 * Cancels an order for its customer (or the guest holding its token, or an admin) while it is
 * `pending_payment`, `confirmed` or `processing`; 409 once it has shipped or closed. Cancelling a
 * cancelled order again answers it as it is (a retried request).
 */
export async function cancelOrder(
  deps: OrdersDeps,
  id: string,
  caller: Caller | null,
  token: string | undefined,
): Promise<Order> {
  const row = await findOrderRow(deps.db, id);
  if (!row || !maySee(row, caller, token)) throw notFound(id);
  if (row.status === "cancelled") return reloaded(deps, id);
  if (!(CANCELLABLE_STATUSES as readonly string[]).includes(row.status)) {
    const check = checkTransition(row.status, "cancelled");
    throw new AppError("conflict", check.ok ? "This order cannot be cancelled now." : check.detail);
  }
  const refunding = row.status !== "pending_payment" && row.paymentMethod === "card";
  const result = await applyTransition(deps, {
    orderId: id,
    from: row.status,
    to: "cancelled",
    actor: actorFor(caller),
    note: refunding
      ? "Cancelled at the customer's request; the payment is refunded."
      : "Cancelled at the customer's request.",
    tasks: cancellationTasks(row.status, row.paymentMethod),
  });
  if (!result.ok) throw new AppError("conflict", result.detail);
  await runOrderTasks(deps, id);
  return reloaded(deps, id);
}

/**
 * An admin moves an order along fulfilment: `processing`, `shipped`, `delivered`, each only from
 * the status before it (409 otherwise). Shipping and delivery email the customer.
 */
export async function changeStatus(
  deps: OrdersDeps,
  id: string,
  admin: Caller,
  change: { status: schema.OrderStatus; note?: string },
): Promise<Order> {
  const row = await findOrderRow(deps.db, id);
  if (!row) throw notFound(id);
  if (!(ADMIN_STATUSES as readonly string[]).includes(change.status)) {
    throw new AppError(
      "conflict",
      `Admins move orders to ${ADMIN_STATUSES.join(", ")} here; ${change.status} comes from checkout, payments, expiry or cancellation.`,
    );
  }
  const tasks: TaskName[] = [];
  if (change.status === "shipped") tasks.push("email_shipped");
  if (change.status === "delivered") {
    // Cash on delivery is paid at the door: payments records it as collected.
    if (row.paymentMethod === "cod") tasks.push("collect_cash");
    tasks.push("email_delivered");
  }
  const result = await applyTransition(deps, {
    orderId: id,
    from: row.status,
    to: change.status,
    actor: actorFor(admin),
    note: change.note ?? null,
    tasks,
  });
  if (!result.ok) throw new AppError("conflict", result.detail);
  await runOrderTasks(deps, id);
  return reloaded(deps, id);
}
