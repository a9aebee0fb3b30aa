import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The payment state machine; states only move forward (a late webhook never moves one back).
 *
 * - card: `pending` (PaymentIntent created) -> `processing` -> `succeeded`; `failed` (a declined
 *   attempt: the shopper may try another card, so it can still become `succeeded`); `cancelled`
 *   (order expired or cancelled before payment).
 * - cash on delivery: `due` (cash to collect at the door) -> `succeeded` (collected) or `cancelled`.
 * - after payment: `partially_refunded` -> `refunded` as refunds add up to the amount.
 */
export const PAYMENT_STATUSES = [
  "pending",
  "due",
  "processing",
  "succeeded",
  "failed",
  "cancelled",
  "partially_refunded",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A refund's own state (Stripe's refund statuses). Only `succeeded` refunds count as refunded. */
export const REFUND_STATUSES = ["pending", "requires_action", "succeeded", "failed", "canceled"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((s) => `'${s}'`).join(", "));

/**
 * The payment of one order (card through a Stripe PaymentIntent, or cash on delivery). Amounts
 * are integer minor units in `currency`; `refundedAmount` is the sum of the payment's succeeded
 * refunds (`payment_refunds`), recomputed in the batch that records one.
 * The order id lives in another database, so it has no foreign key.
 */
export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull().unique(),
    method: text("method", { enum: ["card", "cod"] }).notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    amount: integer("amount").notNull(),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    stripePaymentIntentId: text("stripe_payment_intent_id").unique(),
    /** The checkout attempt the current PaymentIntent belongs to (its Stripe idempotency key). */
    attempt: integer("attempt").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("payments_method_check", sql`${t.method} IN ('card', 'cod')`),
    check("payments_status_check", sql`${t.status} IN (${quoted(PAYMENT_STATUSES)})`),
    check(
      "payments_amounts_check",
      sql`${t.amount} >= 0 AND ${t.refundedAmount} >= 0 AND ${t.refundedAmount} <= ${t.amount}`,
    ),
  ],
);

/**
 * Every Stripe event the webhook accepted, keyed by Stripe's event id. Inserting it in the same
 * D1 batch as the state change it causes is what makes a redelivered event a no-op.
 */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    eventId: text("event_id").primaryKey(),
    paymentId: text("payment_id").references(() => payments.id),
    type: text("type").notNull(),
    createdAt: integer("created_at").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId)],
);

/**
 * The refunds of a payment: Stripe refunds by their `re_...` id, cash-on-delivery refunds by a
 * local `cod_re_...` id. `idempotencyKey` is the caller's key (RefundRequest.idempotencyKey), so
 * a retried refund request finds the refund it already made; Stripe keeps it in the refund's
 * metadata, so a refund first seen through its webhook carries it too.
 */
export const paymentRefunds = sqliteTable(
  "payment_refunds",
  {
    id: text("id").primaryKey(),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    amount: integer("amount").notNull(),
    status: text("status", { enum: REFUND_STATUSES }).notNull(),
    reason: text("reason"),
    idempotencyKey: text("idempotency_key"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("payment_refunds_amount_check", sql`${t.amount} > 0`),
    check("payment_refunds_status_check", sql`${t.status} IN (${quoted(REFUND_STATUSES)})`),
    uniqueIndex("payment_refunds_idempotency_idx").on(t.paymentId, t.idempotencyKey),
  ],
);

/**
 * Every status change of a payment, written in the same batch as the change and only when the
 * change happens: the audit trail of the money, and the proof that a redelivered or concurrent
 * webhook changed a payment once. `eventId` is the Stripe event (null for payments' own changes).
 */
export const paymentHistory = sqliteTable(
  "payment_history",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    paymentId: text("payment_id")
      .notNull()
      .references(() => payments.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    eventId: text("event_id"),
    at: integer("at").notNull(),
  },
  (t) => [index("payment_history_payment_idx").on(t.paymentId, t.seq)],
);
