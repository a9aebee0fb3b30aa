import Stripe from "stripe";
import { sha256Hex } from "../shared/crypto";
import type { PaymentsDeps } from "./payments.deps";

/**
 * Stripe calls payments makes more than once, with the idempotency keys derived from the order
 * (DESIGN "Exactly-once money"): a retried call reaches the same Stripe object, never a second one.
 */

/** Stripe refuses idempotency keys over 255 characters; longer ones are shortened by hash. */
export async function stripeIdempotencyKey(key: string): Promise<string> {
  if (key.length <= 255) return key;
  return `${key.slice(0, 180)}-${(await sha256Hex(key)).slice(0, 64)}`;
}

/** The key of an order's checkout attempt: one PaymentIntent per order and attempt. */
export function attemptKey(orderId: string, attempt: number): string {
  return `order-${orderId}-attempt-${attempt}`;
}

export type StripeOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: Stripe.errors.StripeError | Error };

/** A refusal value's detail for an error Stripe (or the network) gave. */
export function stripeProblem(error: unknown): string {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `Stripe did not accept the request: ${message}`;
}

/**
 * Cancels a PaymentIntent. When Stripe says it cannot be cancelled (it succeeded or is being
 * processed meanwhile), the intent is read back, so the caller sees why.
 */
export async function cancelIntent(
  deps: Pick<PaymentsDeps, "stripe">,
  intentId: string,
  orderId: string,
): Promise<StripeOutcome<Stripe.PaymentIntent>> {
  try {
    const intent = await deps.stripe.paymentIntents.cancel(
      intentId,
      { cancellation_reason: "abandoned" },
      { idempotencyKey: await stripeIdempotencyKey(`order-${orderId}-cancel-${intentId}`) },
    );
    return { ok: true, value: intent };
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeInvalidRequestError &&
      error.code === "payment_intent_unexpected_state"
    ) {
      return retrieveIntent(deps, intentId);
    }
    return { ok: false, error: error as Error };
  }
}

export async function retrieveIntent(
  deps: Pick<PaymentsDeps, "stripe">,
  intentId: string,
): Promise<StripeOutcome<Stripe.PaymentIntent>> {
  try {
    return { ok: true, value: await deps.stripe.paymentIntents.retrieve(intentId) };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}
