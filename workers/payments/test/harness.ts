import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import Stripe from "stripe";
import * as schema from "../../../db/payments/schema";
import type { PaymentEventMessage } from "../../../queues/payment-events.schema";
import { call as callJson, type JsonResponse } from "../../../test/http";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER, type Role } from "../../shared/caller";
import type { PaymentsService } from "../index";
import type { PaymentsEnv } from "../payments.config";
import { type PaymentsDeps, paymentsDeps } from "../payments.deps";
import { createStripeClient } from "../stripe-client";

/** This worker's bindings and test secrets, typed (the test `env` is untyped). */
export const testEnv = env as unknown as PaymentsEnv;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; PaymentsService: Service<PaymentsService> };

/** The worker's HTTP API as the gateway calls it. */
export const worker = (request: Request) => self.default.fetch(request);

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://payments.internal${path}`, init);
}

/** JSON in and out (see test/http.ts). */
export function request<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<JsonResponse<T>> {
  return callJson<T>(worker, method, path, options);
}

/** Headers the gateway sets for a verified caller. */
export function as(role: Role, userId = `user-${role}`): Record<string, string> {
  return { [CALLER_ID_HEADER]: userId, [CALLER_ROLE_HEADER]: role };
}

export const db = () => drizzle(testEnv.PAYMENTS_DB, { schema });

/** A unique order id per test (a file's tests share one database). */
export function newOrderId(): string {
  return `ord_${crypto.randomUUID()}`;
}

/** The real Stripe emulator (an auxiliary worker), through the SDK: the shopper's side of Stripe. */
export const emulator = (): Stripe =>
  createStripeClient({
    secretKey: testEnv.STRIPE_SECRET_KEY,
    apiBase: testEnv.STRIPE_API_BASE,
    fetcher: testEnv.STRIPE_EMULATOR ?? null,
    maxNetworkRetries: 0,
  });

export interface Delivery {
  eventId: string;
  type: string;
  payload: string;
  signature: string;
}

/** Takes the emulator's pending webhook deliveries of one PaymentIntent (signed, undelivered). */
export async function drainEmulator(paymentIntent: string): Promise<Delivery[]> {
  const emulatorBinding = testEnv.STRIPE_EMULATOR;
  if (!emulatorBinding) throw new Error("the payments test project binds STRIPE_EMULATOR");
  const res = await emulatorBinding.fetch("http://stripe-emulator.internal/_emulator/webhooks/drain", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ paymentIntent }),
  });
  if (res.status !== 200) throw new Error(`drain answered ${res.status}`);
  return res.json();
}

/** Posts a webhook delivery as Stripe would. */
export function postWebhook(payload: string, signature: string | null): Promise<Response> {
  return call("/api/payments/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body: payload,
  });
}

/** Signs `payload` the way Stripe does, with the test run's secret (or another) at `timestamp`. */
export function sign(
  payload: string,
  options: { secret?: string; timestamp?: number } = {},
): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? testEnv.STRIPE_WEBHOOK_SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
}

/** Starts a card payment over RPC and answers it (failing the test on a refusal). */
export async function cardPayment(orderId = newOrderId(), amount = 2599, attempt = 1) {
  const result = await self.PaymentsService.createCardPayment({
    orderId,
    amount,
    currency: "USD",
    email: "shopper@example.com",
    attempt,
  });
  if (!result.ok) throw new Error(`createCardPayment refused: ${result.detail}`);
  return { orderId, ...result };
}

/** The shopper pays (or is declined) at the emulator; nothing is delivered to payments yet. */
export async function confirmAtStripe(paymentIntentId: string, card: "visa" | "declined" = "visa") {
  try {
    return await emulator().paymentIntents.confirm(paymentIntentId, {
      payment_method: card === "visa" ? "pm_card_visa" : "pm_card_chargeDeclined",
    });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return null;
    throw error;
  }
}

/** Pays through the dev route (confirm at the emulator, then deliver its webhooks). */
export async function payByDevRoute(orderId: string, card: "visa" | "declined" = "visa") {
  const res = await request<{ outcome: string; delivered: number; payment: { status: string } }>(
    "POST",
    `/dev/payments/${orderId}/pay`,
    { body: { card } },
  );
  if (res.status !== 200) throw new Error(`dev pay answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function paymentRow(orderId: string) {
  const row = await db().select().from(schema.payments).where(eq(schema.payments.orderId, orderId)).get();
  if (!row) throw new Error(`no payment for ${orderId}`);
  return row;
}

export async function eventsOf(paymentId: string) {
  return db().select().from(schema.paymentEvents).where(eq(schema.paymentEvents.paymentId, paymentId)).all();
}

export async function historyOf(paymentId: string) {
  return db()
    .select()
    .from(schema.paymentHistory)
    .where(eq(schema.paymentHistory.paymentId, paymentId))
    .orderBy(schema.paymentHistory.seq)
    .all();
}

/** The services' dependencies with a publisher that records what would go to the queue. */
export function recordingDeps(): { deps: PaymentsDeps; sent: PaymentEventMessage[] } {
  const sent: PaymentEventMessage[] = [];
  const deps: PaymentsDeps = {
    ...paymentsDeps(testEnv),
    publish: async (message) => {
      sent.push(message);
    },
  };
  return { deps, sent };
}
