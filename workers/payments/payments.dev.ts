import type { Hono } from "hono";
import Stripe from "stripe";
import { z } from "zod";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";
import { validate } from "../shared/validate";
import { paymentByOrder } from "./payment-state";
import { isDevelopment, type PaymentsEnv, paymentsConfig } from "./payments.config";
import { type PaymentsDeps, paymentsDeps } from "./payments.deps";
import { devPayInput, orderParams } from "./payments.schemas";
import { paymentSummary } from "./payments.service";
import { stripeFetch } from "./stripe-client";
import { receiveWebhook, type WebhookOutcome } from "./webhook.service";

/** The test PaymentMethods the dev pay route confirms with. */
const TEST_CARDS = { visa: "pm_card_visa", declined: "pm_card_chargeDeclined" } as const;

const deliveries = z.array(z.object({ payload: z.string(), signature: z.string() }).loose());

/**
 * Drains the emulator's webhook outbox (optionally one PaymentIntent's events) and hands every
 * signed delivery to the webhook handler, through the same verification as a real delivery.
 * Only a Stripe stand-in has `/_emulator/webhooks/drain`; against api.stripe.com it is a 404.
 */
export async function deliverEmulatorWebhooks(
  env: PaymentsEnv,
  deps: PaymentsDeps,
  filter: { paymentIntent?: string } = {},
): Promise<WebhookOutcome[]> {
  const { STRIPE_API_BASE } = paymentsConfig(env);
  if (STRIPE_API_BASE === "")
    throw new AppError("not_found", "There is no Stripe emulator: STRIPE_API_BASE is empty.");
  const fetchEmulator = stripeFetch({ apiBase: STRIPE_API_BASE, fetcher: env.STRIPE_EMULATOR ?? null });
  const res = await fetchEmulator(new URL("/_emulator/webhooks/drain", STRIPE_API_BASE).toString(), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(filter),
  });
  if (!res.ok) throw new AppError("bad_gateway", `The Stripe emulator's drain answered ${res.status}.`);
  const outcomes: WebhookOutcome[] = [];
  // In order, one at a time: the way Stripe would deliver them to a slow endpoint.
  for (const delivery of deliveries.parse(await res.json())) {
    outcomes.push(await receiveWebhook(deps, delivery.payload, delivery.signature));
  }
  return outcomes;
}

/**
 * Development-only routes of the payments worker, reached through the edge at `/dev/payments/*`
 * (404 outside development), so the whole card flow runs inside `npm run dev` and tests without
 * a public webhook URL:
 *
 * - `POST /dev/payments/:orderId/pay` `{card?: "visa" | "declined"}` confirms the order's
 *   PaymentIntent at the emulator with a test card, then delivers the resulting webhooks.
 * - `POST /dev/payments/webhooks/drain` delivers every pending emulator webhook (e.g. the
 *   `refund.created` of an admin refund).
 */
export function paymentsDevRoutes(app: Hono<WorkerHono<PaymentsEnv>>): void {
  app.use("/dev/payments/*", async function developmentOnly(c, next) {
    if (!isDevelopment(c.env)) throw new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`);
    await next();
  });

  app.post("/dev/payments/webhooks/drain", async (c) => {
    const outcomes = await deliverEmulatorWebhooks(c.env, paymentsDeps(c.env));
    return c.json({ delivered: outcomes.length, events: outcomes });
  });

  app.post("/dev/payments/:orderId/pay", validate("param", orderParams), async (c) => {
    const { orderId } = c.req.valid("param");
    const text = await c.req.text();
    const body = devPayInput.safeParse(text.trim() === "" ? {} : safeJson(text));
    if (!body.success) {
      throw new AppError("validation_failed", "Some fields are missing or invalid.", {
        errors: body.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })),
      });
    }
    const deps = paymentsDeps(c.env);
    const payment = await paymentByOrder(deps.db, orderId);
    if (!payment?.stripePaymentIntentId)
      throw new AppError("not_found", `Order ${orderId} has no card payment.`);
    let outcome: "succeeded" | "declined" = "succeeded";
    let declineCode: string | null = null;
    try {
      await deps.stripe.paymentIntents.confirm(payment.stripePaymentIntentId, {
        payment_method: TEST_CARDS[body.data.card],
      });
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        outcome = "declined";
        declineCode = error.decline_code ?? error.code ?? null;
      } else if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        throw new AppError("conflict", error.message);
      } else throw error;
    }
    const outcomes = await deliverEmulatorWebhooks(c.env, deps, {
      paymentIntent: payment.stripePaymentIntentId,
    });
    const after = await paymentByOrder(deps.db, orderId);
    return c.json({
      orderId,
      outcome,
      declineCode,
      delivered: outcomes.length,
      payment: after ? paymentSummary(after) : null,
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON.");
  }
}
