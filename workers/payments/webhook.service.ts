import Stripe from "stripe";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import { paymentMessage, refundMessage } from "./payment-messages";
import { applyPaymentChange, paymentByIntent, refundRecordFrom, targetForIntent } from "./payment-state";
import { nowOf, type PaymentsDeps } from "./payments.deps";

/** What the webhook did with an event (the HTTP answer is `{received: true}` either way). */
export interface WebhookOutcome {
  eventId: string;
  type: string;
  /** False for event types payments does not act on, or objects that are not the shop's. */
  handled: boolean;
  /** Whether this delivery changed the payment (false for a redelivery or a late event). */
  changed: boolean;
}

let cryptoProvider: ReturnType<typeof Stripe.createSubtleCryptoProvider> | undefined;

/**
 * Verifies a webhook delivery exactly as Stripe documents it (HMAC-SHA256 of `${t}.${body}`
 * with the endpoint secret, timestamp within 5 minutes) and parses the event. A missing, wrong
 * or stale signature is a 400 problem: Stripe shows it in the dashboard and retries.
 */
export async function verifyStripeEvent(
  deps: Pick<PaymentsDeps, "stripe" | "webhookSecret">,
  rawBody: string,
  signature: string | null,
): Promise<Stripe.Event> {
  cryptoProvider ??= Stripe.createSubtleCryptoProvider();
  try {
    return await deps.stripe.webhooks.constructEventAsync(
      rawBody,
      signature ?? "",
      deps.webhookSecret,
      undefined,
      cryptoProvider,
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      const reason = (error.message.split("\n")[0] ?? "").trim();
      throw new AppError("validation_failed", `The Stripe-Signature header does not verify: ${reason}`, {
        errors: [{ path: "stripe-signature", message: reason }],
      });
    }
    if (error instanceof SyntaxError) throw new AppError("invalid_json", "The webhook body is not JSON.");
    throw error;
  }
}

/** A Stripe read failed: a 503, so Stripe delivers the event again later. */
function stripeUnavailable(error: unknown): AppError {
  return new AppError("service_unavailable", `Stripe could not be read: ${String(error).split("\n")[0]}`);
}

const isMissing = (error: unknown) =>
  error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing";

/**
 * Handles a verified event. The event is only a hint: the PaymentIntent (and refund) are read
 * back from Stripe and their current state applied, forward only, in one batch with the event
 * id (payment-state.ts), so redelivered, concurrent and out-of-order events all end in the
 * right state. Afterwards orders gets a `shop-payment-events` message with the payment's
 * state, also for a redelivery: orders is idempotent, and this covers a crash between the batch
 * and the send.
 */
export async function handleStripeEvent(deps: PaymentsDeps, event: Stripe.Event): Promise<WebhookOutcome> {
  const skipped = { eventId: event.id, type: event.type, handled: false, changed: false };
  const ref = { id: event.id, type: event.type, created: event.created };
  let intentId: string;
  let refund: Stripe.Refund | null = null;
  try {
    switch (event.type) {
      case "payment_intent.succeeded":
      case "payment_intent.payment_failed":
      case "payment_intent.canceled":
      case "payment_intent.processing":
        intentId = event.data.object.id;
        break;
      case "refund.created":
      case "refund.updated":
      case "refund.failed": {
        refund = await deps.stripe.refunds.retrieve(event.data.object.id);
        const of = refund.payment_intent;
        if (!of) return skipped;
        intentId = typeof of === "string" ? of : of.id;
        break;
      }
      default:
        return skipped;
    }
  } catch (error) {
    if (isMissing(error)) return skipped;
    throw stripeUnavailable(error);
  }

  const payment = await paymentByIntent(deps.db, intentId);
  if (!payment) {
    log("warn", "stripe event for an unknown PaymentIntent", {
      eventId: event.id,
      type: event.type,
      intentId,
    });
    return skipped;
  }
  let intent: Stripe.PaymentIntent;
  try {
    // Read for refund events too: a refund may be delivered before the intent's succeeded event.
    intent = await deps.stripe.paymentIntents.retrieve(intentId);
  } catch (error) {
    if (isMissing(error)) return skipped;
    throw stripeUnavailable(error);
  }

  const now = nowOf(deps);
  const { changed, payment: after } = await applyPaymentChange(
    deps.db,
    {
      paymentId: payment.id,
      target: targetForIntent(intent),
      refunds: refund ? [refundRecordFrom(refund)] : [],
      event: ref,
    },
    now,
  );
  const message = refund ? refundMessage(after, event.id, now) : paymentMessage(after, event.id, now);
  if (message) await deps.publish(message);
  return { eventId: event.id, type: event.type, handled: true, changed };
}

/** A webhook delivery end to end: verify, then handle. */
export async function receiveWebhook(
  deps: PaymentsDeps,
  rawBody: string,
  signature: string | null,
): Promise<WebhookOutcome> {
  return handleStripeEvent(deps, await verifyStripeEvent(deps, rawBody, signature));
}
