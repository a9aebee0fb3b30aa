import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type Stripe from "stripe";
import {
  type PaymentStatus,
  paymentRefunds,
  payments,
  REFUND_STATUSES,
  type RefundStatus,
} from "../../db/payments/schema";

/**
 * The payment state machine and the one place payment state is written. Every change (a webhook
 * event, a refund, a cancellation) is one D1 batch that moves a payment only forward, records
 * the change in `payment_history`, and, for a webhook, records the Stripe event: its state
 * changes are conditional on the event not being recorded yet, so a redelivered event, or the
 * same event arriving ten times at once, changes the payment once.
 */

export type PaymentRow = typeof payments.$inferSelect;
export type RefundRow = typeof paymentRefunds.$inferSelect;

/** Paid states: money was taken (some of it may have been refunded since). */
export const PAID_STATUSES: readonly PaymentStatus[] = ["succeeded", "partially_refunded", "refunded"];

/** The states a payment may move to each target from. Anything else would move it backwards. */
const FORWARD_FROM = {
  processing: ["pending", "failed"],
  failed: ["pending", "processing"],
  succeeded: ["pending", "processing", "failed", "due"],
  cancelled: ["pending", "processing", "failed", "due"],
} as const satisfies Record<string, readonly PaymentStatus[]>;

export type PaymentTarget = keyof typeof FORWARD_FROM;

/**
 * Where a PaymentIntent's status puts its payment, or null when it says nothing new: a
 * PaymentIntent waiting for a payment method is `failed` only after a declined attempt.
 */
export function targetForIntent(
  intent: Pick<Stripe.PaymentIntent, "status" | "last_payment_error">,
): PaymentTarget | null {
  switch (intent.status) {
    case "succeeded":
      return "succeeded";
    case "processing":
      return "processing";
    case "canceled":
      return "cancelled";
    case "requires_payment_method":
      return intent.last_payment_error ? "failed" : null;
    default:
      return null;
  }
}

/** A refund as payments records it. */
export interface RefundRecord {
  id: string;
  amount: number;
  status: RefundStatus;
  reason: string | null;
  idempotencyKey: string | null;
}

/** Metadata keys payments puts on the Stripe objects it creates. */
export const METADATA = {
  orderId: "orderId",
  attempt: "attempt",
  refundKey: "refundKey",
  reason: "reason",
} as const;

/** A Stripe refund as a record (Stripe's `status` is a string; unknown ones count as pending). */
export function refundRecordFrom(refund: Stripe.Refund): RefundRecord {
  const status = (REFUND_STATUSES as readonly string[]).includes(refund.status ?? "")
    ? (refund.status as RefundStatus)
    : "pending";
  return {
    id: refund.id,
    amount: refund.amount,
    status,
    reason: refund.metadata?.[METADATA.reason] ?? refund.reason ?? null,
    idempotencyKey: refund.metadata?.[METADATA.refundKey] ?? null,
  };
}

/** One change to a payment. */
export interface PaymentChange {
  paymentId: string;
  /** Move the status here (if it is forward from the current one). */
  target?: PaymentTarget | null;
  /** Refunds to record (new ones, or new statuses of known ones). */
  refunds?: RefundRecord[];
  /** The Stripe event behind the change: recorded, and the change applies only if it is new. */
  event?: { id: string; type: string; created: number };
}

const list = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(", ");
const PAID = list(PAID_STATUSES);

/** Sum of a payment's succeeded refunds, in SQL (the truth `refunded_amount` is derived from). */
const REFUNDED_TOTAL =
  "(SELECT COALESCE(SUM(r.amount), 0) FROM payment_refunds r WHERE r.payment_id = payments.id AND r.status = 'succeeded')";
const STATUS_FOR_TOTAL = `CASE WHEN ${REFUNDED_TOTAL} = 0 THEN 'succeeded' WHEN ${REFUNDED_TOTAL} >= payments.amount THEN 'refunded' ELSE 'partially_refunded' END`;

/**
 * Applies `change` in one D1 batch and answers the payment as it is afterwards, with `changed`
 * telling whether this batch moved it (false for a known event or a change already made).
 *
 * The batch, in order: the status move (history row first, read before the update) guarded by
 * "forward" and "event not recorded yet"; the refund rows (upserts by refund id; a refund's own
 * status also only moves forward); `refunded_amount` recomputed from the succeeded refunds (a
 * pure function of the refund rows, so repeating it changes nothing); the event row
 * (`ON CONFLICT DO NOTHING`).
 */
export async function applyPaymentChange(
  d1: D1Database,
  change: PaymentChange,
  now: number,
): Promise<{ changed: boolean; payment: PaymentRow }> {
  const statements: D1PreparedStatement[] = [];
  const unknownEvent = change.event
    ? " AND NOT EXISTS (SELECT 1 FROM payment_events WHERE event_id = ?)"
    : "";
  const eventBind = change.event ? [change.event.id] : [];
  const eventId = change.event?.id ?? null;
  let statusUpdate = -1;
  if (change.target) {
    const from = list(FORWARD_FROM[change.target]);
    statements.push(
      d1
        .prepare(
          `INSERT INTO payment_history (payment_id, from_status, to_status, refunded_amount, event_id, at)
           SELECT id, status, ?, refunded_amount, ?, ? FROM payments
           WHERE id = ? AND status IN (${from})${unknownEvent}`,
        )
        .bind(change.target, eventId, now, change.paymentId, ...eventBind),
    );
    statusUpdate = statements.length;
    statements.push(
      d1
        .prepare(
          `UPDATE payments SET status = ?, updated_at = ? WHERE id = ? AND status IN (${from})${unknownEvent}`,
        )
        .bind(change.target, now, change.paymentId, ...eventBind),
    );
  }
  for (const refund of change.refunds ?? []) {
    statements.push(
      d1
        .prepare(
          `INSERT INTO payment_refunds (id, payment_id, amount, status, reason, idempotency_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET
             status = CASE
               WHEN payment_refunds.status IN ('pending', 'requires_action') THEN excluded.status
               WHEN payment_refunds.status = 'succeeded' AND excluded.status IN ('failed', 'canceled') THEN excluded.status
               ELSE payment_refunds.status END,
             idempotency_key = COALESCE(payment_refunds.idempotency_key, excluded.idempotency_key),
             reason = COALESCE(payment_refunds.reason, excluded.reason),
             updated_at = excluded.updated_at`,
        )
        .bind(
          refund.id,
          change.paymentId,
          refund.amount,
          refund.status,
          refund.reason,
          refund.idempotencyKey,
          now,
          now,
        ),
    );
  }
  statements.push(
    d1
      .prepare(
        `INSERT INTO payment_history (payment_id, from_status, to_status, refunded_amount, event_id, at)
         SELECT id, status, ${STATUS_FOR_TOTAL}, ${REFUNDED_TOTAL}, ?, ? FROM payments
         WHERE id = ? AND status IN (${PAID}) AND refunded_amount <> ${REFUNDED_TOTAL}`,
      )
      .bind(eventId, now, change.paymentId),
  );
  const refundUpdate = statements.length;
  statements.push(
    d1
      .prepare(
        `UPDATE payments SET refunded_amount = ${REFUNDED_TOTAL}, status = ${STATUS_FOR_TOTAL}, updated_at = ?
         WHERE id = ? AND status IN (${PAID}) AND refunded_amount <> ${REFUNDED_TOTAL}`,
      )
      .bind(now, change.paymentId),
  );
  if (change.event) {
    statements.push(
      d1
        .prepare(
          `INSERT INTO payment_events (event_id, payment_id, type, created_at, received_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        )
        .bind(change.event.id, change.paymentId, change.event.type, change.event.created, now),
    );
  }
  const results = await d1.batch(statements);
  const changes = (index: number) => (index >= 0 ? (results[index]?.meta.changes ?? 0) : 0);
  const payment = await paymentById(d1, change.paymentId);
  if (!payment) throw new Error(`payment ${change.paymentId} vanished`);
  return { changed: changes(statusUpdate) + changes(refundUpdate) > 0, payment };
}

/** The payment of an order, or null. */
export async function paymentByOrder(d1: D1Database, orderId: string): Promise<PaymentRow | null> {
  return (await drizzle(d1).select().from(payments).where(eq(payments.orderId, orderId)).get()) ?? null;
}

/** The payment a PaymentIntent belongs to (its current attempt), or null. */
export async function paymentByIntent(d1: D1Database, intentId: string): Promise<PaymentRow | null> {
  return (
    (await drizzle(d1).select().from(payments).where(eq(payments.stripePaymentIntentId, intentId)).get()) ??
    null
  );
}

export async function paymentById(d1: D1Database, id: string): Promise<PaymentRow | null> {
  return (await drizzle(d1).select().from(payments).where(eq(payments.id, id)).get()) ?? null;
}

/** A payment's refunds, oldest first. */
export async function refundsOf(d1: D1Database, paymentId: string): Promise<RefundRow[]> {
  return drizzle(d1)
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.paymentId, paymentId))
    .orderBy(paymentRefunds.createdAt, paymentRefunds.id)
    .all();
}
