import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The payment state machine; states only move forward (a late webhook never moves one back). */
export const PAYMENT_STATUSES = [
  "pending",
  "processing",
  "succeeded",
  "failed",
  "cancelled",
  "partially_refunded",
  "refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const statusList = sql.raw(PAYMENT_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * The payment of one order (card through a Stripe PaymentIntent, or cash on delivery). Amounts
 * are integer minor units in `currency`; `refundedAmount` grows with each (partial) refund.
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
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("payments_method_check", sql`${t.method} IN ('card', 'cod')`),
    check("payments_status_check", sql`${t.status} IN (${statusList})`),
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
