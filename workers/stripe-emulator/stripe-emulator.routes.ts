import type { Context } from "hono";
import { z } from "zod";
import type { ApiCall } from "../../durable-objects/stripe-state.do";
import { createApp, type WorkerHono } from "../shared/app";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import { StripeApiError } from "./stripe-api-error";
import { type EmulatorEnv, emulatorConfig } from "./stripe-emulator.config";
import { type FormParams, parseStripeForm } from "./stripe-form";
import { DEFAULT_API_VERSION, stripeId } from "./stripe-objects";
import { stripeSignatureHeader } from "./webhook-signature";

/** The one object holding the emulator's state: a dev and test stand-in needs no sharding. */
export const STRIPE_STATE_OBJECT = "stripe";

type EmulatorContext = Context<WorkerHono<EmulatorEnv>>;

/**
 * The Stripe emulator's HTTP API: the subset of Stripe's v1 API the shop uses, answered the way
 * Stripe answers it (form-encoded requests, JSON objects and errors, `Request-Id`, idempotency
 * keys), so the official SDK talks to it unchanged. Plus `/_emulator/*`, which Stripe does not
 * have: the webhook outbox, drained by the payments worker's dev tools and by tests.
 */
export const stripeEmulatorRoutes = createApp<EmulatorEnv>();

const state = (c: EmulatorContext) => c.env.STRIPE_STATE.getByName(STRIPE_STATE_OBJECT);

stripeEmulatorRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("stripe-emulator", {
    state: () => state(c).ping(),
    config: async () => emulatorConfig(c.env),
  });
  return c.json(report, status);
});

/** A Stripe-shaped JSON response with Stripe's headers. */
function stripeResponse(
  c: EmulatorContext,
  answer: { status: number; body: string; replayed?: boolean },
): Response {
  const headers = new Headers({
    "content-type": "application/json",
    "request-id": stripeRequestId(c),
    "stripe-version": c.req.header("stripe-version") ?? DEFAULT_API_VERSION,
  });
  const key = c.req.header("idempotency-key");
  if (key && c.req.method === "POST") headers.set("idempotency-key", key);
  if (answer.replayed) headers.set("idempotent-replayed", "true");
  return new Response(answer.body, { status: answer.status, headers });
}

const stripeRequestIds = new WeakMap<Request, string>();

/** Stripe's `req_...` id of this request (one per request). */
function stripeRequestId(c: EmulatorContext): string {
  let id = stripeRequestIds.get(c.req.raw);
  if (!id) {
    id = stripeId("req", 14);
    stripeRequestIds.set(c.req.raw, id);
  }
  return id;
}

function apiCall(c: EmulatorContext): ApiCall {
  return {
    requestId: stripeRequestId(c),
    idempotencyKey: c.req.header("idempotency-key") ?? null,
    apiVersion: c.req.header("stripe-version") ?? DEFAULT_API_VERSION,
  };
}

/** The form body (read as bytes: workerd warns when `.text()` reads a form-encoded body). */
async function formBody(c: EmulatorContext): Promise<FormParams> {
  return parseStripeForm(new TextDecoder().decode(await c.req.arrayBuffer()));
}

/** The API key of `Authorization: Bearer sk_...` (the SDK) or Basic `sk_...:` (curl -u). */
function apiKeyOf(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    try {
      return atob(value).split(":")[0] ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Any test-mode secret key is accepted; a missing or other key is a 401, as Stripe answers it. */
stripeEmulatorRoutes.use("/v1/*", async function stripeAuth(c, next) {
  const key = apiKeyOf(c.req.header("authorization"));
  if (key && /^(sk|rk)_test_\S+$/.test(key)) return next();
  const message = key
    ? `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}. The emulator accepts test-mode secret keys (sk_test_...) only.`
    : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').";
  return stripeResponse(c, new StripeApiError(401, { type: "invalid_request_error", message }).toResult());
});

stripeEmulatorRoutes.post("/v1/payment_intents", async (c) => {
  return stripeResponse(c, await state(c).createPaymentIntent(await formBody(c), apiCall(c)));
});

stripeEmulatorRoutes.get("/v1/payment_intents/:id", async (c) => {
  return stripeResponse(c, await state(c).retrievePaymentIntent(c.req.param("id")));
});

stripeEmulatorRoutes.post("/v1/payment_intents/:id/confirm", async (c) => {
  return stripeResponse(
    c,
    await state(c).confirmPaymentIntent(c.req.param("id"), await formBody(c), apiCall(c)),
  );
});

stripeEmulatorRoutes.post("/v1/payment_intents/:id/cancel", async (c) => {
  return stripeResponse(
    c,
    await state(c).cancelPaymentIntent(c.req.param("id"), await formBody(c), apiCall(c)),
  );
});

stripeEmulatorRoutes.post("/v1/refunds", async (c) => {
  return stripeResponse(c, await state(c).createRefund(await formBody(c), apiCall(c)));
});

stripeEmulatorRoutes.get("/v1/refunds/:id", async (c) => {
  return stripeResponse(c, await state(c).retrieveRefund(c.req.param("id")));
});

// Anything else under /v1 is an endpoint the emulator does not have: say so the way Stripe does.
stripeEmulatorRoutes.all("/v1/*", (c) =>
  stripeResponse(
    c,
    new StripeApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${c.req.method}: ${c.req.path}). The Stripe emulator implements only the endpoints the shop uses.`,
    }).toResult(),
  ),
);

const drainInput = z.object({ paymentIntent: z.string().min(1).max(255).optional() }).strict();

/**
 * `POST /_emulator/webhooks/drain` (`{paymentIntent?}`): the undelivered events, oldest first,
 * each signed now with STRIPE_WEBHOOK_SECRET exactly as Stripe signs a delivery, and marked
 * delivered. The caller posts each `payload` with its `signature` as `Stripe-Signature`.
 */
stripeEmulatorRoutes.post("/_emulator/webhooks/drain", validate("json", drainInput), async (c) => {
  const { STRIPE_WEBHOOK_SECRET } = emulatorConfig(c.env);
  const pending = await state(c).drainWebhooks(c.req.valid("json"));
  const deliveries = await Promise.all(
    pending.map(async (event) => ({
      eventId: event.eventId,
      type: event.type,
      payload: event.payload,
      signature: await stripeSignatureHeader(event.payload, STRIPE_WEBHOOK_SECRET),
    })),
  );
  return c.json(deliveries);
});
