import type Stripe from "stripe";
import { type PublishPaymentEvent, queuePublisher } from "./payment-messages";
import { type PaymentsEnv, paymentsConfig } from "./payments.config";
import { stripeFor } from "./stripe-client";

/** What the payments services need; the entrypoint and routes build it from the env. */
export interface PaymentsDeps {
  db: D1Database;
  stripe: Stripe;
  publish: PublishPaymentEvent;
  /** Verifies webhook signatures. */
  webhookSecret: string;
  now?: () => number;
}

/** The services' dependencies from the worker's env (the Stripe client is shared per isolate). */
export function paymentsDeps(env: PaymentsEnv): PaymentsDeps {
  return {
    db: env.PAYMENTS_DB,
    stripe: stripeFor(env),
    publish: queuePublisher(env.PAYMENT_EVENTS),
    webhookSecret: paymentsConfig(env).STRIPE_WEBHOOK_SECRET,
  };
}

export function nowOf(deps: Pick<PaymentsDeps, "now">): number {
  return deps.now?.() ?? Date.now();
}
