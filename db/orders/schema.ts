import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Every state of the order state machine (DESIGN.md, "State machines, not status strings"). */
export const ORDER_STATUSES = [
  "pending_payment",
  "confirmed",
  "processing",
  "shipped",
  "delivered",
  "expired",
  "cancelled",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_METHODS = ["card", "cod"] as const;

const statusList = sql.raw(ORDER_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * An order. Totals are integer minor units in `currency`. `userId` is null for a guest
 * checkout (identified by `email`). `idempotencyKey` makes placing the same order twice return
 * the first one; `requestHash` detects the same key reused for a different request.
 * `reservationExpiresAt` is when unpaid stock reservations lapse and the order expires.
 */
export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    userId: text("user_id"),
    email: text("email").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("pending_payment"),
    paymentMethod: text("payment_method", { enum: PAYMENT_METHODS }).notNull(),
    cartId: text("cart_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    requestHash: text("request_hash").notNull(),
    currency: text("currency").notNull().default("USD"),
    subtotalAmount: integer("subtotal_amount").notNull(),
    discountAmount: integer("discount_amount").notNull().default(0),
    taxAmount: integer("tax_amount").notNull().default(0),
    shippingAmount: integer("shipping_amount").notNull().default(0),
    totalAmount: integer("total_amount").notNull(),
    couponCode: text("coupon_code"),
    shippingAddress: text("shipping_address", { mode: "json" }).$type<Record<string, string>>().notNull(),
    reservationExpiresAt: integer("reservation_expires_at"),
    /** Minor units refunded so far (partial refunds); the order is `refunded` only when it reaches the total. */
    refundedAmount: integer("refunded_amount").notNull().default(0),
    /**
     * A guest order's access token (`GET /api/orders/:id?token=`), null for users' orders. Kept as
     * is, not hashed: order emails must link to the order with it (ADR 18).
     */
    accessToken: text("access_token"),
    /**
     * The id of the transition that set the current status. A transition's UPDATE sets it, and the
     * rows written with it (history event, follow-up tasks) are inserted only where it matches, so
     * in one D1 batch the loser of two concurrent transitions writes nothing.
     */
    transitionId: text("transition_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("orders_status_check", sql`${t.status} IN (${statusList})`),
    check("orders_payment_method_check", sql`${t.paymentMethod} IN ('card', 'cod')`),
    check(
      "orders_amounts_check",
      sql`${t.subtotalAmount} >= 0 AND ${t.discountAmount} >= 0 AND ${t.taxAmount} >= 0 AND ${t.shippingAmount} >= 0 AND ${t.totalAmount} >= 0`,
    ),
    index("orders_user_created_idx").on(t.userId, t.createdAt),
    index("orders_status_created_idx").on(t.status, t.createdAt),
    index("orders_status_expiry_idx").on(t.status, t.reservationExpiresAt),
    // The admin list without a status filter, newest first.
    index("orders_created_idx").on(t.createdAt),
  ],
);

/**
 * One line of an order: a snapshot of the SKU's product name, options, image and unit price at
 * purchase time, so later catalog edits never change what was bought.
 */
export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    productId: text("product_id").notNull(),
    name: text("name").notNull(),
    options: text("options", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    imageUrl: text("image_url"),
    quantity: integer("quantity").notNull(),
    unitPriceAmount: integer("unit_price_amount").notNull(),
    lineTotalAmount: integer("line_total_amount").notNull(),
    currency: text("currency").notNull().default("USD"),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.sku] }),
    check("order_lines_quantity_check", sql`${t.quantity} > 0`),
    check("order_lines_amounts_check", sql`${t.unitPriceAmount} >= 0 AND ${t.lineTotalAmount} >= 0`),
    index("order_lines_product_idx").on(t.productId),
  ],
);

/** The order's history: every status change, who made it and why (the API's `history[]`). */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text("from_status", { enum: ORDER_STATUSES }),
    toStatus: text("to_status", { enum: ORDER_STATUSES }).notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.createdAt)],
);

export const CHECKOUT_STATES = ["in_progress", "completed", "failed"] as const;
export type CheckoutState = (typeof CHECKOUT_STATES)[number];

/**
 * One `Idempotency-Key` of `POST /api/orders`, claimed before any work starts. `orderId` is the
 * order the attempt places (a retry after `failed` gets a new one, a takeover of an abandoned
 * attempt keeps it); `attemptId` names the run that owns the claim until `leaseExpiresAt`.
 * `responseStatus`/`responseBody` are the answer replayed for the same key: the order (completed)
 * or the problem (failed).
 */
export const checkoutRequests = sqliteTable(
  "checkout_requests",
  {
    idempotencyKey: text("idempotency_key").primaryKey(),
    requestHash: text("request_hash").notNull(),
    orderId: text("order_id").notNull(),
    attemptId: text("attempt_id").notNull(),
    state: text("state", { enum: CHECKOUT_STATES }).notNull(),
    leaseExpiresAt: integer("lease_expires_at").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("checkout_requests_state_check", sql`${t.state} IN ('in_progress', 'completed', 'failed')`),
    // The cron prunes claims by age (checkout-claims.ts pruneCheckoutRequests).
    index("checkout_requests_updated_idx").on(t.updatedAt),
  ],
);

/**
 * Payment events already applied (`shop-payment-events`), by the event id payments sends. Written
 * in the same D1 batch as the change the event made, so a redelivered event changes nothing.
 */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    eventId: text("event_id").primaryKey(),
    orderId: text("order_id").notNull(),
    kind: text("kind").notNull(),
    processedAt: integer("processed_at").notNull(),
  },
  (t) => [index("payment_events_order_idx").on(t.orderId)],
);

/**
 * Follow-up work of a transition (release stock, refund, send an email...), written in the same
 * D1 batch as the transition (a transactional outbox), run right after it and retried by the cron
 * until done. Each task is idempotent, and each exists at most once per order.
 */
export const orderTasks = sqliteTable(
  "order_tasks",
  {
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    task: text("task").notNull(),
    /** Not before this time (epoch ms): a claim's lease or a retry's backoff. */
    dueAt: integer("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.task] }),
    index("order_tasks_due_idx").on(t.dueAt).where(sql`${t.doneAt} IS NULL`),
  ],
);
