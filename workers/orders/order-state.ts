import type { OrderStatus } from "../../db/orders/schema";

/**
 * The order state machine (DESIGN.md "State machines, not status strings"), as data and pure
 * functions. Every status change of the worker goes through `checkTransition`, and is applied
 * with a conditional UPDATE (`WHERE status = <from>`, order-transitions.ts), so two concurrent
 * changes of one order can never both win.
 *
 * ```
 * pending_payment -> confirmed -> processing -> shipped -> delivered
 * pending_payment -> expired                      (no payment before the reservation lapsed)
 * pending_payment, confirmed, processing -> cancelled
 * confirmed, processing, shipped, delivered -> refunded   (only when fully refunded)
 * ```
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ["confirmed", "expired", "cancelled"],
  confirmed: ["processing", "cancelled", "refunded"],
  processing: ["shipped", "cancelled", "refunded"],
  shipped: ["delivered", "refunded"],
  delivered: ["refunded"],
  expired: [],
  cancelled: [],
  refunded: [],
};

/** States an order never leaves. */
export const FINAL_STATUSES = ["expired", "cancelled", "refunded"] as const satisfies readonly OrderStatus[];

/** What an admin may move an order to with `PATCH /api/orders/:id/status`: fulfilment, forward only. */
export const ADMIN_STATUSES = [
  "processing",
  "shipped",
  "delivered",
] as const satisfies readonly OrderStatus[];

/** States from which the customer may cancel. */
export const CANCELLABLE_STATUSES = [
  "pending_payment",
  "confirmed",
  "processing",
] as const satisfies readonly OrderStatus[];

/** States in which the customer has been charged (card) or committed to pay (cash on delivery). */
export const PAID_STATUSES = [
  "confirmed",
  "processing",
  "shipped",
  "delivered",
] as const satisfies readonly OrderStatus[];

/** Whether `from -> to` is a transition of the machine. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type TransitionCheck = { ok: true } | { ok: false; detail: string };

/** `ok` for a legal transition, otherwise why not (the API answers it as 409 `conflict`). */
export function checkTransition(from: OrderStatus, to: OrderStatus): TransitionCheck {
  if (canTransition(from, to)) return { ok: true };
  const next = TRANSITIONS[from];
  const options = next.length === 0 ? "it is final" : `it can only become ${next.join(", ")}`;
  return { ok: false, detail: `An order that is ${from} cannot become ${to}: ${options}.` };
}

/**
 * Who made a change, as recorded in the order's history: the system (cron, saga), a customer
 * (`customer:<userId>`, or `customer:guest` for a guest with the order's token), an admin, or
 * Stripe (through a payment event).
 */
export type Actor = "system" | "stripe" | `customer:${string}` | `admin:${string}`;

/** The actor for a request's caller. */
export function actorFor(caller: { userId: string; role: string } | null): Actor {
  if (!caller) return "customer:guest";
  return caller.role === "admin" ? `admin:${caller.userId}` : `customer:${caller.userId}`;
}
