import type Stripe from "stripe";

/**
 * The Stripe objects the emulator hands out, shaped as the SDK's types declare them (so the
 * compiler checks the emulator against the SDK it has to satisfy). Fields the shop never uses
 * carry Stripe's empty values.
 */

/** The API version events say they were rendered with when a request names none. */
export const DEFAULT_API_VERSION = "2026-10-28.endive";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: `prefix_` + 24 random base62 characters (`pi_3Qx...`, `evt_...`). */
export function stripeId(prefix: string, length = 24): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

/** Unix seconds, Stripe's `created`. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** What confirming with a test PaymentMethod does (docs.stripe.com/testing). */
export type TestCardOutcome =
  | { outcome: "succeeded" }
  | { outcome: "declined"; code: string; declineCode: string; message: string };

export const TEST_PAYMENT_METHODS: Readonly<Record<string, TestCardOutcome>> = {
  pm_card_visa: { outcome: "succeeded" },
  pm_card_visa_debit: { outcome: "succeeded" },
  pm_card_mastercard: { outcome: "succeeded" },
  pm_card_amex: { outcome: "succeeded" },
  pm_card_chargeDeclined: {
    outcome: "declined",
    code: "card_declined",
    declineCode: "generic_decline",
    message: "Your card was declined.",
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    outcome: "declined",
    code: "card_declined",
    declineCode: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  pm_card_chargeDeclinedExpiredCard: {
    outcome: "declined",
    code: "expired_card",
    declineCode: "expired_card",
    message: "Your card has expired.",
  },
};

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  receiptEmail: string | null;
  description: string | null;
  paymentMethodTypes: string[];
  automaticPaymentMethods: Stripe.PaymentIntent.AutomaticPaymentMethods | null;
}

/** A PaymentIntent as `POST /v1/payment_intents` creates it: waiting for a payment method. */
export function newPaymentIntent(input: NewPaymentIntent): Stripe.PaymentIntent {
  const id = stripeId("pi");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automaticPaymentMethods,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic_async",
    client_secret: `${id}_secret_${stripeId("x").slice(2)}`,
    confirmation_method: "automatic",
    created: unixNow(),
    currency: input.currency,
    customer: null,
    customer_account: null,
    description: input.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    payment_record: null,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "requires_payment_method",
    transfer_group: null,
  };
}

export interface NewRefund {
  intent: Stripe.PaymentIntent;
  amount: number;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
}

/** A card refund: Stripe settles test-mode card refunds at once, so it is `succeeded`. */
export function newRefund(input: NewRefund): Stripe.Refund {
  return {
    id: stripeId("re"),
    object: "refund",
    amount: input.amount,
    balance_transaction: stripeId("txn"),
    charge: typeof input.intent.latest_charge === "string" ? input.intent.latest_charge : null,
    created: unixNow(),
    currency: input.intent.currency,
    customer: null,
    customer_account: null,
    metadata: input.metadata,
    payment_intent: input.intent.id,
    payment_method: typeof input.intent.payment_method === "string" ? input.intent.payment_method : null,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}

/** The event types the emulator sends (a subset of Stripe's). */
export type EmulatedEventType =
  | "payment_intent.created"
  | "payment_intent.succeeded"
  | "payment_intent.payment_failed"
  | "payment_intent.canceled"
  | "refund.created";

/** A v1 event (`evt_...`) carrying a snapshot of the object as it was when it happened. */
export function newEvent(
  type: EmulatedEventType,
  object: Stripe.PaymentIntent | Stripe.Refund,
  request: { id: string; idempotencyKey: string | null; apiVersion: string },
): Stripe.Event {
  return {
    id: stripeId("evt"),
    object: "event",
    api_version: request.apiVersion,
    created: unixNow(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: request.id, idempotency_key: request.idempotencyKey },
    type,
  } as Stripe.Event;
}
