import { drizzle } from "drizzle-orm/d1";
import Stripe from "stripe";
import type { z } from "zod";
import { payments } from "../../db/payments/schema";
import { AppError, fieldErrors } from "../shared/errors";
import { localEventId, paymentMessage } from "./payment-messages";
import {
  applyPaymentChange,
  PAID_STATUSES,
  type PaymentRow,
  type PaymentTarget,
  paymentByOrder,
  targetForIntent,
} from "./payment-state";
import type {
  CancelPaymentResult,
  CardPaymentRequest,
  CardPaymentResult,
  CashCollectedResult,
  CashPaymentRequest,
  CashPaymentResult,
  PaymentSummary,
} from "./payments.contract";
import { nowOf, type PaymentsDeps } from "./payments.deps";
import { cardPaymentRequestSchema, cashPaymentRequestSchema, orderIdSchema } from "./payments.schemas";
import {
  attemptKey,
  cancelIntent,
  retrieveIntent,
  stripeIdempotencyKey,
  stripeProblem,
} from "./stripe-calls";

/**
 * The payments the orders worker asks for over RPC (PaymentsService). Refusals are values
 * (ADR 8); malformed arguments are programming errors and throw.
 */

/** Arguments that break the contract's types are the caller's bug: a clear throw, not a value. */
export function parseArguments<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation_failed", "Invalid arguments for a PaymentsService call.", {
      errors: fieldErrors(parsed.error.issues),
    });
  }
  return parsed.data;
}

const conflict = (detail: string) => ({ ok: false as const, code: "conflict" as const, detail });
const unavailable = (error: unknown) => ({
  ok: false as const,
  code: "payment_unavailable" as const,
  detail: stripeProblem(error),
});

/** The contract's view of a payment row. */
export function paymentSummary(payment: PaymentRow): PaymentSummary {
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    method: payment.method,
    status: payment.status,
    amount: payment.amount,
    refundedAmount: payment.refundedAmount,
    currency: payment.currency,
    paymentIntentId: payment.stripePaymentIntentId,
  };
}

/**
 * Moves a payment to `target` as payments' own change (no Stripe event behind it) and tells
 * orders when it moved. Answers the payment afterwards.
 */
async function transition(deps: PaymentsDeps, payment: PaymentRow, target: PaymentTarget | null) {
  const { changed, payment: after } = await applyPaymentChange(
    deps.db,
    { paymentId: payment.id, target },
    nowOf(deps),
  );
  if (changed) {
    const message = paymentMessage(after, localEventId(after, kindOf(after)), nowOf(deps));
    if (message) await deps.publish(message);
  }
  return after;
}

function kindOf(payment: PaymentRow) {
  if (PAID_STATUSES.includes(payment.status)) return "succeeded" as const;
  return payment.status === "failed" ? ("failed" as const) : ("canceled" as const);
}

/**
 * Starts (or resumes) the card payment of an order: one PaymentIntent per order and attempt,
 * created with the idempotency key `order-<orderId>-attempt-<attempt>` and `metadata.orderId`.
 *
 * - The same attempt again answers the same PaymentIntent and client secret, whatever its state
 *   (a retry after a timeout must not start a second payment); with another amount, `conflict`.
 * - A new attempt (higher number) first cancels the previous PaymentIntent at Stripe so it can
 *   never take money, then replaces it; refused (`conflict`) once the order is paid, being paid
 *   or cancelled, or when the order is paid cash on delivery.
 * - Stripe unreachable or refusing: `payment_unavailable`, nothing written.
 */
export async function createCardPayment(
  deps: PaymentsDeps,
  input: CardPaymentRequest,
): Promise<CardPaymentResult> {
  const request = parseArguments(cardPaymentRequestSchema, input);
  const currency = request.currency.toUpperCase();
  const existing = await paymentByOrder(deps.db, request.orderId);
  if (existing) {
    if (existing.method !== "card") return conflict(`Order ${request.orderId} is paid cash on delivery.`);
    if (existing.attempt === request.attempt && existing.stripePaymentIntentId) {
      if (existing.amount !== request.amount || existing.currency !== currency) {
        return conflict(
          `Attempt ${request.attempt} of order ${request.orderId} was made for ${existing.amount} ${existing.currency}; start a new attempt for another amount.`,
        );
      }
      return resumeAttempt(deps, existing);
    }
    if (existing.attempt > request.attempt) {
      return conflict(`Order ${request.orderId} is already at attempt ${existing.attempt}.`);
    }
    if (existing.status !== "pending" && existing.status !== "failed") {
      return conflict(`The payment of order ${request.orderId} is ${existing.status}; no new attempt.`);
    }
    if (existing.stripePaymentIntentId) {
      const refusal = await retireIntent(deps, existing);
      if (refusal) return refusal;
    }
  }

  let intent: Stripe.PaymentIntent;
  try {
    intent = await deps.stripe.paymentIntents.create(
      {
        amount: request.amount,
        currency: currency.toLowerCase(),
        // Cards and wallets confirmed in place: no payment method that would need a redirect.
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        receipt_email: request.email,
        description: `Order ${request.orderId}`,
        metadata: { orderId: request.orderId, attempt: String(request.attempt) },
      },
      { idempotencyKey: await stripeIdempotencyKey(attemptKey(request.orderId, request.attempt)) },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      return conflict(
        `Attempt ${request.attempt} of order ${request.orderId} was first made with other details; start a new attempt.`,
      );
    }
    return unavailable(error);
  }

  const now = nowOf(deps);
  await deps.db.batch([
    // A new attempt after a decline moves the payment back to pending: the one backward move,
    // recorded like every other.
    deps.db
      .prepare(
        `INSERT INTO payment_history (payment_id, from_status, to_status, refunded_amount, event_id, at)
         SELECT id, status, 'pending', refunded_amount, NULL, ? FROM payments
         WHERE order_id = ? AND method = 'card' AND status = 'failed' AND attempt < ?`,
      )
      .bind(now, request.orderId, request.attempt),
    // One payment row per order: the first attempt inserts it, a newer attempt takes it over
    // only while it is unpaid; anything else leaves it alone (and is answered below).
    deps.db
      .prepare(
        `INSERT INTO payments (id, order_id, method, status, amount, refunded_amount, currency,
           stripe_payment_intent_id, attempt, created_at, updated_at)
         VALUES (?, ?, 'card', 'pending', ?, 0, ?, ?, ?, ?, ?)
         ON CONFLICT (order_id) DO UPDATE SET
           status = 'pending', amount = excluded.amount, currency = excluded.currency,
           stripe_payment_intent_id = excluded.stripe_payment_intent_id, attempt = excluded.attempt,
           updated_at = excluded.updated_at
         WHERE payments.method = 'card' AND payments.status IN ('pending', 'failed')
           AND payments.attempt < excluded.attempt`,
      )
      .bind(
        crypto.randomUUID(),
        request.orderId,
        request.amount,
        currency,
        intent.id,
        request.attempt,
        now,
        now,
      ),
  ]);
  const payment = await paymentByOrder(deps.db, request.orderId);
  if (!payment || payment.stripePaymentIntentId !== intent.id) {
    return conflict(
      `The payment of order ${request.orderId} changed meanwhile (${payment?.status ?? "gone"}); try again.`,
    );
  }
  const after = await transition(deps, payment, targetForIntent(intent));
  return cardAnswer(after, intent);
}

function cardAnswer(payment: PaymentRow, intent: Stripe.PaymentIntent): CardPaymentResult {
  if (!intent.client_secret) return conflict(`PaymentIntent ${intent.id} has no client secret.`);
  return {
    ok: true,
    paymentId: payment.id,
    paymentIntentId: intent.id,
    clientSecret: intent.client_secret,
    status: payment.status,
  };
}

/** The same attempt again: read its PaymentIntent back (it may have moved on) and answer it. */
async function resumeAttempt(deps: PaymentsDeps, payment: PaymentRow): Promise<CardPaymentResult> {
  const read = await retrieveIntent(deps, payment.stripePaymentIntentId as string);
  if (!read.ok) return unavailable(read.error);
  const after = await transition(deps, payment, targetForIntent(read.value));
  return cardAnswer(after, read.value);
}

/**
 * Before a new attempt replaces a PaymentIntent, that intent is cancelled at Stripe, so two
 * intents of one order can never both take money. If it was paid (or is being paid) after all,
 * that is recorded and the new attempt refused.
 */
async function retireIntent(deps: PaymentsDeps, payment: PaymentRow): Promise<CardPaymentResult | null> {
  const cancelled = await cancelIntent(deps, payment.stripePaymentIntentId as string, payment.orderId);
  if (!cancelled.ok) return unavailable(cancelled.error);
  if (cancelled.value.status === "canceled") return null;
  const after = await transition(deps, payment, targetForIntent(cancelled.value));
  return conflict(
    `The previous PaymentIntent of order ${payment.orderId} is ${cancelled.value.status} (payment ${after.status}); no new attempt.`,
  );
}

/**
 * Records that an order is paid cash on delivery: its payment is `due` until the cash is
 * collected (markCashCollected). Idempotent for the same order and amount.
 */
export async function recordCashOnDelivery(
  deps: PaymentsDeps,
  input: CashPaymentRequest,
): Promise<CashPaymentResult> {
  const request = parseArguments(cashPaymentRequestSchema, input);
  const currency = request.currency.toUpperCase();
  const now = nowOf(deps);
  await drizzle(deps.db)
    .insert(payments)
    .values({
      id: crypto.randomUUID(),
      orderId: request.orderId,
      method: "cod",
      status: "due",
      amount: request.amount,
      currency,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: payments.orderId });
  const payment = await paymentByOrder(deps.db, request.orderId);
  if (!payment) throw new Error(`payment of order ${request.orderId} vanished`);
  if (payment.method !== "cod") return conflict(`Order ${request.orderId} already has a card payment.`);
  if (payment.amount !== request.amount || payment.currency !== currency) {
    return conflict(
      `Order ${request.orderId} is already due ${payment.amount} ${payment.currency} cash on delivery.`,
    );
  }
  if (payment.status !== "due") {
    return conflict(`The cash-on-delivery payment of order ${request.orderId} is already ${payment.status}.`);
  }
  return { ok: true, paymentId: payment.id, status: "due" };
}

/** The cash of a cash-on-delivery order was collected: `due` -> `succeeded`; idempotent. */
export async function markCashCollected(
  deps: PaymentsDeps,
  orderIdInput: string,
): Promise<CashCollectedResult> {
  const orderId = parseArguments(orderIdSchema, orderIdInput);
  const payment = await paymentByOrder(deps.db, orderId);
  if (!payment) return { ok: false, code: "not_found", detail: `Order ${orderId} has no payment.` };
  if (payment.method !== "cod") return conflict(`Order ${orderId} is paid by card.`);
  if (payment.status === "cancelled") return conflict(`The payment of order ${orderId} was cancelled.`);
  const after = payment.status === "due" ? await transition(deps, payment, "succeeded") : payment;
  if (after.status !== "succeeded" && after.status !== "partially_refunded" && after.status !== "refunded") {
    return conflict(`The payment of order ${orderId} is ${after.status}.`);
  }
  return { ok: true, status: after.status };
}

/**
 * Cancels an order's unpaid payment (the order expired or was cancelled before payment):
 * the PaymentIntent is cancelled at Stripe (idempotency key `order-<id>-cancel-<intent>`), a
 * cash-on-delivery payment just becomes `cancelled`. Idempotent (`already_cancelled`); an order
 * without a payment answers `none`; a paid one (or one Stripe reports paid meanwhile, which is
 * then recorded) `already_paid`: refund it instead.
 */
export async function cancelPayment(deps: PaymentsDeps, orderIdInput: string): Promise<CancelPaymentResult> {
  const orderId = parseArguments(orderIdSchema, orderIdInput);
  const payment = await paymentByOrder(deps.db, orderId);
  if (!payment) return { ok: true, status: "none" };
  if (payment.status === "cancelled") return { ok: true, status: "already_cancelled" };
  if (PAID_STATUSES.includes(payment.status)) {
    return {
      ok: false,
      code: "already_paid",
      detail: `Order ${orderId} is paid (${payment.status}); refund it.`,
    };
  }
  if (payment.status === "processing") {
    return { ok: false, code: "already_paid", detail: `The payment of order ${orderId} is being processed.` };
  }
  if (payment.method === "cod" || !payment.stripePaymentIntentId) {
    const after = await transition(deps, payment, "cancelled");
    return after.status === "cancelled"
      ? { ok: true, status: "cancelled" }
      : { ok: false, code: "already_paid", detail: `The payment of order ${orderId} is ${after.status}.` };
  }
  const cancelled = await cancelIntent(deps, payment.stripePaymentIntentId, orderId);
  if (!cancelled.ok)
    return { ok: false, code: "payment_unavailable", detail: stripeProblem(cancelled.error) };
  const after = await transition(deps, payment, targetForIntent(cancelled.value));
  if (after.status === "cancelled") return { ok: true, status: "cancelled" };
  return {
    ok: false,
    code: "already_paid",
    detail: `Stripe reports the PaymentIntent of order ${orderId} as ${cancelled.value.status}; refund it instead.`,
  };
}

/** The payment of an order, or null when it has none. */
export async function getPayment(
  deps: Pick<PaymentsDeps, "db">,
  orderIdInput: string,
): Promise<PaymentSummary | null> {
  const orderId = parseArguments(orderIdSchema, orderIdInput);
  const payment = await paymentByOrder(deps.db, orderId);
  return payment ? paymentSummary(payment) : null;
}
