import { eq } from "drizzle-orm";
import { paymentEvents } from "../../db/orders/schema";
import { type PaymentEventMessage, paymentEventMessage } from "../../queues/payment-events.schema";
import { log } from "../shared/log";
import { backoffSeconds, wellFormedMessages } from "../shared/queue-messages";
import { findOrderRow, type OrderRow, orderLinesOf } from "./order-reads";
import { PAID_STATUSES } from "./order-state";
import { runOrderTasks, type TaskName } from "./order-tasks";
import {
  applyTransition,
  type PaymentEventMark,
  paymentEventStatement,
  recordNote,
} from "./order-transitions";
import type { OrdersDeps } from "./orders.deps";

/** The queue this consumer serves (workers/orders/wrangler.toml). */
export const PAYMENT_EVENTS_QUEUE = "shop-payment-events";

/** What applying an event did (for logs and tests). */
export type PaymentEventOutcome =
  | "confirmed"
  | "cancelled_unfulfillable"
  | "refunded_late_payment"
  | "noted_failure"
  | "expired"
  | "refunded"
  | "partially_refunded"
  | "duplicate"
  | "ignored"
  | "unknown_order";

/** Backoff for a message whose handling failed: 10 s, 20 s, 40 s ... capped at 15 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return backoffSeconds(attempts, 10, 15 * 60);
}

const amountText = (event: PaymentEventMessage) => `${(event.amount / 100).toFixed(2)} ${event.currency}`;

async function alreadyApplied(deps: OrdersDeps, eventId: string): Promise<boolean> {
  const hit = await deps.db
    .select({ eventId: paymentEvents.eventId })
    .from(paymentEvents)
    .where(eq(paymentEvents.eventId, eventId))
    .get();
  return hit !== undefined;
}

/** Records the event as applied when it changes nothing. */
async function markOnly(deps: OrdersDeps, row: OrderRow, mark: PaymentEventMark): Promise<void> {
  await paymentEventStatement(deps, row.id, mark, deps.now()).run();
}

/**
 * A payment for an order that is already expired or cancelled (it arrived late, or raced the
 * expiry): the shop cannot keep it, so it is refunded. `restock` when this handler sold the units
 * before it lost the race (they go back on hand).
 */
async function refundClosedOrder(
  deps: OrdersDeps,
  row: OrderRow,
  event: PaymentEventMessage,
  mark: PaymentEventMark,
  restock: boolean,
): Promise<PaymentEventOutcome> {
  const tasks: TaskName[] = [...(restock ? (["restock"] as const) : []), "refund", "email_refunded"];
  // Once per order: a second `succeeded` (another event id for the same payment) finds the
  // refund already asked for and only marks its event.
  const noted = await recordNote(deps, {
    orderId: row.id,
    status: row.status,
    actor: "stripe",
    note: `A payment of ${amountText(event)} arrived after the order was ${row.status}; it is refunded.`,
    tasks,
    paymentEvent: mark,
    unlessTask: "refund",
  });
  if (!noted) await markOnly(deps, row, mark);
  await runOrderTasks(deps, row.id);
  return noted ? "refunded_late_payment" : "duplicate";
}

/**
 * `succeeded`: a pending order is confirmed: its reserved units are sold (commit), then the
 * transition writes the cart-emptying and confirmation-email tasks. If a reservation lapsed before
 * the payment came (commit refused), the order cannot be fulfilled: it is cancelled and the payment
 * refunded. A payment for an order already closed is refunded; for one already confirmed it
 * changes nothing.
 */
async function paymentSucceeded(
  deps: OrdersDeps,
  row: OrderRow,
  event: PaymentEventMessage,
  mark: PaymentEventMark,
): Promise<PaymentEventOutcome> {
  if (row.status === "expired" || row.status === "cancelled") {
    return refundClosedOrder(deps, row, event, mark, false);
  }
  if (row.status !== "pending_payment") {
    await markOnly(deps, row, mark);
    return "ignored";
  }
  if (event.amount !== row.totalAmount || event.currency.toUpperCase() !== row.currency) {
    log("warn", "payment amount differs from the order total", {
      orderId: row.id,
      paid: event.amount,
      total: row.totalAmount,
    });
  }
  const lines = await orderLinesOf(deps.db, row.id);
  const sales = await Promise.all(lines.map((line) => deps.inventory.commit(line.sku, row.id)));
  const refused = sales.filter((sale) => !sale.ok);
  const transition =
    refused.length === 0
      ? await applyTransition(deps, {
          orderId: row.id,
          from: "pending_payment",
          to: "confirmed",
          actor: "stripe",
          note: `Payment of ${amountText(event)} received.`,
          tasks: ["clear_cart", "email_confirmation"],
          paymentEvent: mark,
        })
      : await applyTransition(deps, {
          orderId: row.id,
          from: "pending_payment",
          to: "cancelled",
          actor: "system",
          note: `The stock reservation lapsed before the payment arrived (${refused.map((r) => r.sku).join(", ")}); the order cannot be fulfilled and the payment is refunded.`,
          tasks: ["restock", "release_stock", "release_coupon", "refund", "email_cancelled"],
          paymentEvent: mark,
        });
  if (transition.ok) {
    await runOrderTasks(deps, row.id);
    return refused.length === 0 ? "confirmed" : "cancelled_unfulfillable";
  }
  // Another change won meanwhile: a duplicate of this event (confirmed), or the expiry or a
  // cancellation (then the units this handler may have sold go back and the payment is refunded).
  const now = await findOrderRow(deps.db, row.id);
  if (now && (now.status === "expired" || now.status === "cancelled")) {
    return refundClosedOrder(deps, now, event, mark, true);
  }
  return "duplicate";
}

/** `refunded` (amount = refunded so far): tracked as an amount; a full refund makes the order `refunded`. */
async function paymentRefunded(
  deps: OrdersDeps,
  row: OrderRow,
  event: PaymentEventMessage,
  mark: PaymentEventMark,
): Promise<PaymentEventOutcome> {
  const full = event.amount >= row.totalAmount;
  if (full && (PAID_STATUSES as readonly string[]).includes(row.status)) {
    // Units not yet shipped go back on hand; shipped ones come back (or not) as returns, which an
    // admin books as a stock adjustment.
    const unshipped = row.status === "confirmed" || row.status === "processing";
    const result = await applyTransition(deps, {
      orderId: row.id,
      from: row.status,
      to: "refunded",
      actor: "stripe",
      note: `Refunded ${amountText(event)} in full.`,
      refundedAmount: event.amount,
      tasks: [...(unshipped ? (["restock"] as const) : []), "email_refunded"],
      paymentEvent: mark,
    });
    if (!result.ok) throw new Error(`order ${row.id} changed while applying a refund; retrying`);
    await runOrderTasks(deps, row.id);
    return "refunded";
  }
  if (event.amount > row.refundedAmount) {
    await recordNote(deps, {
      orderId: row.id,
      status: row.status,
      actor: "stripe",
      note: `Refunded ${amountText(event)} so far.`,
      refundedAmount: event.amount,
      paymentEvent: mark,
    });
    return "partially_refunded";
  }
  await markOnly(deps, row, mark);
  return "ignored";
}

/**
 * Applies one payment event to its order, at most once per event id (the id is recorded in the
 * batch of the change it makes). A repeat only finishes the order's tasks that are still due.
 */
export async function applyPaymentEvent(
  deps: OrdersDeps,
  event: PaymentEventMessage,
): Promise<PaymentEventOutcome> {
  if (await alreadyApplied(deps, event.eventId)) {
    await runOrderTasks(deps, event.orderId);
    return "duplicate";
  }
  const row = await findOrderRow(deps.db, event.orderId);
  if (!row) {
    log("warn", "payment event for an unknown order", { orderId: event.orderId, eventId: event.eventId });
    return "unknown_order";
  }
  const mark = { eventId: event.eventId, kind: event.kind };
  switch (event.kind) {
    case "succeeded":
      return paymentSucceeded(deps, row, event, mark);
    case "failed": {
      // The shopper may try again (the order stays pending until its reservation lapses).
      const noted =
        row.status === "pending_payment" &&
        (await recordNote(deps, {
          orderId: row.id,
          status: "pending_payment",
          actor: "stripe",
          note: "A payment attempt failed; the order waits for another attempt until its reservation lapses.",
          paymentEvent: mark,
        }));
      if (!noted) await markOnly(deps, row, mark);
      return noted ? "noted_failure" : "ignored";
    }
    case "canceled": {
      if (row.status !== "pending_payment") {
        await markOnly(deps, row, mark);
        return "ignored";
      }
      const result = await applyTransition(deps, {
        orderId: row.id,
        from: "pending_payment",
        to: "expired",
        actor: "stripe",
        note: "The payment was cancelled before it was completed.",
        tasks: ["release_stock", "release_coupon", "email_expired"],
        paymentEvent: mark,
      });
      if (result.ok) await runOrderTasks(deps, row.id);
      return result.ok ? "expired" : "duplicate";
    }
    case "refunded":
      return paymentRefunded(deps, row, event, mark);
  }
}

/**
 * Consumer of `shop-payment-events`. Messages are applied one after another (events of one
 * order keep their order within a batch), each acked or retried on its own; a malformed message
 * is logged and acked (retrying cannot fix it). After max_retries a message goes to
 * `shop-payment-events-dlq`.
 */
export async function consumePaymentEvents(batch: MessageBatch<unknown>, deps: OrdersDeps): Promise<void> {
  for (const { message, body: event } of wellFormedMessages(batch, paymentEventMessage, "payment-event")) {
    try {
      const outcome = await applyPaymentEvent(deps, event);
      log("info", "payment event applied", { ...event, outcome });
      message.ack();
    } catch (error) {
      const delaySeconds = retryDelaySeconds(message.attempts);
      log("warn", "payment event not applied; retrying", {
        messageId: message.id,
        orderId: event.orderId,
        eventId: event.eventId,
        attempts: message.attempts,
        delaySeconds,
        error: String(error),
      });
      message.retry({ delaySeconds });
    }
  }
}
