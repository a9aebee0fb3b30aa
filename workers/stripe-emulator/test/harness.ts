import { env, exports } from "cloudflare:workers";
import Stripe from "stripe";
import { createStripeClient } from "../../payments/stripe-client";
import type { EmulatorEnv } from "../stripe-emulator.config";

/** This worker's bindings (and test secrets), typed (the test `env` is untyped). */
export const testEnv = env as unknown as EmulatorEnv;

/** Loopback binding to this worker's default export. */
export const self = exports as unknown as { default: Fetcher };

export const EMULATOR_BASE = "http://stripe-emulator.internal";

/** A request to the emulator as the payments worker sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`${EMULATOR_BASE}${path}`, init);
}

/**
 * The official SDK pointed at this emulator exactly as the payments worker points it (its own
 * client factory), so these tests prove the SDK works against the emulator unchanged.
 */
export function sdk(secretKey = "sk_test_emulator_tests"): Stripe {
  return createStripeClient({
    secretKey,
    apiBase: EMULATOR_BASE,
    fetcher: self.default,
    maxNetworkRetries: 0,
  });
}

/** A unique order id per test (storage is shared by the tests of a file). */
export function orderId(): string {
  return `order-${crypto.randomUUID()}`;
}

/** The webhook deliveries the emulator has not handed out yet (of one PaymentIntent). */
export async function drain(
  paymentIntent?: string,
): Promise<{ eventId: string; type: string; payload: string; signature: string }[]> {
  const res = await call("/_emulator/webhooks/drain", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(paymentIntent ? { paymentIntent } : {}),
  });
  if (res.status !== 200) throw new Error(`drain answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Runs `fn` and answers the Stripe error it throws (fails when it does not throw). */
export async function stripeError(fn: () => Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("expected a Stripe error");
}
