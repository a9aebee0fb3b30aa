import Stripe from "stripe";
import { sha256Hex } from "../shared/crypto";
import { localEventId, refundMessage } from "./payment-messages";
import {
  applyPaymentChange,
  METADATA,
  type PaymentRow,
  paymentByOrder,
  type RefundRecord,
  type RefundRow,
  refundRecordFrom,
  refundsOf,
} from "./payment-state";
import type { RefundRequest, RefundResult } from "./payments.contract";
import { nowOf, type PaymentsDeps } from "./payments.deps";
import { refundRequestSchema } from "./payments.schemas";
import { stripeIdempotencyKey, stripeProblem } from "./stripe-calls";

/** Refunds that hold money back from further refunds (a pending refund will most likely settle). */
const HELD: ReadonlySet<RefundRow["status"]> = new Set(["pending", "requires_action", "succeeded"]);

/** Stripe's own refund reasons; any other text only goes into the refund's metadata. */
const STRIPE_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;

const conflict = (detail: string): RefundResult => ({ ok: false, code: "conflict", detail });

/** Why a payment cannot be refunded now, or null when it can. */
function refusal(payment: PaymentRow): string | null {
  const order = payment.orderId;
  switch (payment.status) {
    case "succeeded":
    case "partially_refunded":
      return null;
    case "refunded":
      return `Order ${order} is already refunded in full.`;
    case "due":
      return `The cash for order ${order} has not been collected, so there is nothing to refund: cancel the payment instead.`;
    case "cancelled":
      return `The payment of order ${order} was cancelled before anything was paid.`;
    default:
      return `Order ${order} has not been paid (payment ${payment.status}).`;
  }
}

/**
 * Refunds an order's payment, in full (no `amount`: everything not refunded yet) or in part.
 *
 * - Card: a Stripe refund with the idempotency key `order-<orderId>-refund-<idempotencyKey>`,
 *   the key also in the refund's metadata. It is recorded at once (Stripe answers test-mode card
 *   refunds `succeeded`); its `refund.created` webhook confirms it later and tells orders again.
 * - Cash on delivery: recorded without Stripe (the shop hands the cash back), but only once the
 *   cash was collected (`succeeded`); a `due` payment is refused: cancel it instead.
 * - The same `idempotencyKey` again answers the refund it made, whatever was refunded since.
 * - More than is left to refund, or a payment that is unpaid, cancelled or refunded in full:
 *   `conflict`. Stripe unreachable: `payment_unavailable`, nothing recorded.
 */
export async function refundPayment(deps: PaymentsDeps, input: RefundRequest): Promise<RefundResult> {
  const parsed = refundRequestSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { ok: false, code: "validation_failed", detail };
  }
  const request = parsed.data;
  const payment = await paymentByOrder(deps.db, request.orderId);
  if (!payment) return { ok: false, code: "not_found", detail: `Order ${request.orderId} has no payment.` };

  const refunds = await refundsOf(deps.db, payment.id);
  const earlier = refunds.find((r) => r.idempotencyKey === request.idempotencyKey);
  if (earlier) return answer(payment, earlier.amount);

  const refused = refusal(payment);
  if (refused) return conflict(refused);
  const held = refunds.filter((r) => HELD.has(r.status)).reduce((sum, r) => sum + r.amount, 0);
  const refundable = payment.amount - held;
  if (refundable <= 0) return conflict(`Order ${request.orderId} has nothing left to refund.`);
  const amount = request.amount ?? refundable;
  if (amount > refundable) {
    return conflict(
      `${amount} is more than the ${refundable} ${payment.currency} of order ${request.orderId} left to refund.`,
    );
  }

  let record: RefundRecord;
  if (payment.method === "cod") {
    // A stable id per (payment, key): recording the same refund twice is one row.
    const digest = await sha256Hex(`${payment.id}:${request.idempotencyKey}`);
    record = {
      id: `cod_re_${digest.slice(0, 24)}`,
      amount,
      status: "succeeded",
      reason: request.reason ?? null,
      idempotencyKey: request.idempotencyKey,
    };
  } else {
    const made = await stripeRefund(deps, payment, amount, request);
    if (!made.ok) return made;
    record = { ...refundRecordFrom(made.refund), idempotencyKey: request.idempotencyKey };
  }

  const now = nowOf(deps);
  const { changed, payment: after } = await applyPaymentChange(
    deps.db,
    { paymentId: payment.id, refunds: [record] },
    now,
  );
  if (changed) {
    const message = refundMessage(after, localEventId(after, "refunded"), now);
    if (message) await deps.publish(message);
  }
  return answer(after, record.amount);
}

function answer(payment: PaymentRow, refundedAmount: number): RefundResult {
  return {
    ok: true,
    refundedAmount,
    totalRefunded: payment.refundedAmount,
    fullyRefunded: payment.status === "refunded",
  };
}

async function stripeRefund(
  deps: PaymentsDeps,
  payment: PaymentRow,
  amount: number,
  request: { orderId: string; reason?: string; idempotencyKey: string },
): Promise<{ ok: true; refund: Stripe.Refund } | Extract<RefundResult, { ok: false }>> {
  const reason = STRIPE_REASONS.find((r) => r === request.reason);
  try {
    const refund = await deps.stripe.refunds.create(
      {
        payment_intent: payment.stripePaymentIntentId as string,
        amount,
        ...(reason ? { reason } : {}),
        metadata: {
          [METADATA.orderId]: payment.orderId,
          [METADATA.refundKey]: request.idempotencyKey,
          ...(request.reason ? { [METADATA.reason]: request.reason } : {}),
        },
      },
      {
        idempotencyKey: await stripeIdempotencyKey(
          `order-${request.orderId}-refund-${request.idempotencyKey}`,
        ),
      },
    );
    return { ok: true, refund };
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeInvalidRequestError &&
      (error.code === "amount_too_large" || error.code === "charge_already_refunded")
    ) {
      return { ok: false, code: "conflict", detail: error.message };
    }
    if (error instanceof Stripe.errors.StripeIdempotencyError) {
      return {
        ok: false,
        code: "conflict",
        detail: `Idempotency key ${request.idempotencyKey} was already used for another refund of order ${request.orderId}.`,
      };
    }
    return { ok: false, code: "payment_unavailable", detail: stripeProblem(error) };
  }
}
