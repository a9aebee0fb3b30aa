import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { describeWorkerContract } from "../../../test/worker-contract";
import { STRIPE_STATE_OBJECT } from "../stripe-emulator.routes";
import { call, drain, orderId, sdk, stripeError, testEnv } from "./harness";

describeWorkerContract({
  service: "stripe-emulator",
  checks: { state: "ok", config: "ok" },
  call,
  unknown: { path: "/nothing-here", init: { method: "POST" } },
});

describe("StripeStateDO", () => {
  it("answers ping", async () => {
    expect(await testEnv.STRIPE_STATE.getByName(STRIPE_STATE_OBJECT).ping()).toBe("ok");
  });
});

/** A PaymentIntent as the payments worker creates one. */
function createIntent(stripe: Stripe, order = orderId(), amount = 2599, idempotencyKey?: string) {
  return stripe.paymentIntents.create(
    {
      amount,
      currency: "USD",
      receipt_email: "shopper@example.com",
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      metadata: { orderId: order },
    },
    idempotencyKey ? { idempotencyKey } : undefined,
  );
}

describe("authentication", () => {
  it("answers a request without an API key 401 in Stripe's error shape", async () => {
    const res = await call("/v1/payment_intents/pi_123");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it("refuses a live key: the SDK raises StripeAuthenticationError", async () => {
    const error = await stripeError(() => createIntent(sdk("sk_live_not_for_emulators")));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it("accepts any sk_test key, by Bearer (the SDK) or Basic auth (curl -u)", async () => {
    const intent = await createIntent(sdk("sk_test_anything"));
    const res = await call(`/v1/payment_intents/${intent.id}`, {
      headers: { authorization: `Basic ${btoa("sk_test_other:")}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(intent.id);
  });
});

describe("POST /v1/payment_intents", () => {
  it("creates a PaymentIntent waiting for a payment method, with a client secret and metadata", async () => {
    const order = orderId();
    const intent = await createIntent(sdk(), order);
    expect(intent).toMatchObject({
      object: "payment_intent",
      amount: 2599,
      currency: "usd",
      status: "requires_payment_method",
      metadata: { orderId: order },
      receipt_email: "shopper@example.com",
      amount_received: 0,
      livemode: false,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      payment_method_types: ["card"],
    });
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[A-Za-z0-9]+$`));
    expect(intent.lastResponse.requestId).toMatch(/^req_/);
  });

  it("reads form-encoded arrays as the SDK and curl send them (payment_method_types[0]=card)", async () => {
    const res = await call("/v1/payment_intents", {
      method: "POST",
      headers: { authorization: "Bearer sk_test_x", "content-type": "application/x-www-form-urlencoded" },
      body: "amount=500&currency=eur&payment_method_types[0]=card&metadata[orderId]=o-1&metadata[note]=a%26b",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      amount: 500,
      currency: "eur",
      payment_method_types: ["card"],
      metadata: { orderId: "o-1", note: "a&b" },
    });
  });

  it("refuses unknown parameters and missing ones with the param named", async () => {
    const unknown = await stripeError(() =>
      sdk().paymentIntents.create({ amount: 100, currency: "usd", colour: "red" } as never),
    );
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "colour", statusCode: 400 });
    const missing = await stripeError(() => sdk().paymentIntents.create({ currency: "usd" } as never));
    expect(missing).toMatchObject({ code: "parameter_missing", param: "amount" });
  });
});

describe("idempotency keys", () => {
  it("replays the first answer for the same key and parameters", async () => {
    const key = `order-${crypto.randomUUID()}-attempt-1`;
    const order = orderId();
    const first = await createIntent(sdk(), order, 2599, key);
    const again = await createIntent(sdk(), order, 2599, key);
    expect(again.id).toBe(first.id);
    expect(again.client_secret).toBe(first.client_secret);
  });

  it("marks a replay with Idempotent-Replayed, like Stripe", async () => {
    const headers = {
      authorization: "Bearer sk_test_x",
      "content-type": "application/x-www-form-urlencoded",
      "idempotency-key": crypto.randomUUID(),
    };
    const first = await call("/v1/payment_intents", {
      method: "POST",
      headers,
      body: "amount=100&currency=usd",
    });
    const again = await call("/v1/payment_intents", {
      method: "POST",
      headers,
      body: "currency=usd&amount=100",
    });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("idempotency-key")).toBe(headers["idempotency-key"]);
    expect(await again.text()).toBe(await first.text());
  });

  it("refuses the same key with other parameters: StripeIdempotencyError", async () => {
    const key = crypto.randomUUID();
    const order = orderId();
    await createIntent(sdk(), order, 2599, key);
    const error = await stripeError(() => createIntent(sdk(), order, 2600, key));
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(/same parameters/);
  });

  it("does not save a refusal of bad parameters: the key can be used again", async () => {
    const key = crypto.randomUUID();
    await stripeError(() =>
      sdk().paymentIntents.create({ currency: "usd" } as never, { idempotencyKey: key }),
    );
    const intent = await sdk().paymentIntents.create(
      { amount: 100, currency: "usd" },
      { idempotencyKey: key },
    );
    expect(intent.status).toBe("requires_payment_method");
  });
});

describe("GET /v1/payment_intents/:id", () => {
  it("reads a PaymentIntent back", async () => {
    const intent = await createIntent(sdk());
    const read = await sdk().paymentIntents.retrieve(intent.id);
    expect(read.id).toBe(intent.id);
    expect(read.client_secret).toBe(intent.client_secret);
  });

  it("answers an unknown id 404 resource_missing", async () => {
    const error = await stripeError(() => sdk().paymentIntents.retrieve("pi_doesnotexist"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("answers an endpoint it does not have 404, as Stripe does", async () => {
    const error = await stripeError(() => sdk().customers.create({ email: "a@example.com" }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.message).toMatch(/Unrecognized request URL/);
  });
});

describe("POST /v1/payment_intents/:id/confirm", () => {
  it("pays with pm_card_visa", async () => {
    const intent = await createIntent(sdk());
    const paid = await sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    expect(paid).toMatchObject({
      status: "succeeded",
      amount_received: 2599,
      payment_method: "pm_card_visa",
    });
    expect(paid.latest_charge).toMatch(/^ch_/);
    const again = await stripeError(() =>
      sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }),
    );
    expect(again).toMatchObject({ code: "payment_intent_unexpected_state", statusCode: 400 });
  });

  it("declines pm_card_chargeDeclined with a card_error; another card may then pay", async () => {
    const intent = await createIntent(sdk());
    const declined = await stripeError(() =>
      sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_chargeDeclined" }),
    );
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({
      statusCode: 402,
      code: "card_declined",
      decline_code: "generic_decline",
    });
    expect(declined.payment_intent).toMatchObject({ id: intent.id, status: "requires_payment_method" });
    const read = await sdk().paymentIntents.retrieve(intent.id);
    expect(read.status).toBe("requires_payment_method");
    expect(read.last_payment_error).toMatchObject({ type: "card_error", decline_code: "generic_decline" });
    const paid = await sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    expect(paid.status).toBe("succeeded");
    expect(paid.last_payment_error).toBeNull();
  });

  it("refuses an unknown payment method", async () => {
    const intent = await createIntent(sdk());
    const error = await stripeError(() =>
      sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_nope" }),
    );
    expect(error).toMatchObject({ code: "resource_missing", param: "payment_method" });
  });
});

describe("POST /v1/payment_intents/:id/cancel", () => {
  it("cancels an unpaid PaymentIntent, and refuses to cancel a paid one", async () => {
    const unpaid = await createIntent(sdk());
    const canceled = await sdk().paymentIntents.cancel(unpaid.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    const paid = await createIntent(sdk());
    await sdk().paymentIntents.confirm(paid.id, { payment_method: "pm_card_visa" });
    const error = await stripeError(() => sdk().paymentIntents.cancel(paid.id));
    expect(error).toMatchObject({ code: "payment_intent_unexpected_state", statusCode: 400 });
    expect(error.message).toMatch(/status of succeeded/);
  });
});

describe("refunds", () => {
  async function paidIntent(amount = 2599) {
    const intent = await createIntent(sdk(), orderId(), amount);
    return sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
  }

  it("refunds in parts, then the rest by default, and never more than was paid", async () => {
    const intent = await paidIntent();
    const part = await sdk().refunds.create({
      payment_intent: intent.id,
      amount: 1000,
      metadata: { refundKey: "k1" },
    });
    expect(part).toMatchObject({
      object: "refund",
      amount: 1000,
      status: "succeeded",
      payment_intent: intent.id,
      charge: intent.latest_charge,
      currency: "usd",
      metadata: { refundKey: "k1" },
    });
    expect(part.id).toMatch(/^re_/);
    const tooMuch = await stripeError(() =>
      sdk().refunds.create({ payment_intent: intent.id, amount: 1600 }),
    );
    expect(tooMuch).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(tooMuch).toMatchObject({ code: "amount_too_large", param: "amount" });
    const rest = await sdk().refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(1599);
    const more = await stripeError(() => sdk().refunds.create({ payment_intent: intent.id, amount: 1 }));
    expect(more).toMatchObject({ code: "charge_already_refunded" });
    expect((await sdk().refunds.retrieve(part.id)).amount).toBe(1000);
  });

  it("refuses to refund an unpaid PaymentIntent or an unknown one", async () => {
    const unpaid = await createIntent(sdk());
    const error = await stripeError(() => sdk().refunds.create({ payment_intent: unpaid.id }));
    expect(error).toMatchObject({ code: "payment_intent_unexpected_state", statusCode: 400 });
    const unknown = await stripeError(() => sdk().refunds.create({ payment_intent: "pi_unknown" }));
    expect(unknown).toMatchObject({ code: "resource_missing", param: "payment_intent", statusCode: 400 });
    const missing = await stripeError(() => sdk().refunds.retrieve("re_unknown"));
    expect(missing).toMatchObject({ code: "resource_missing", statusCode: 404 });
  });

  it("answers a retried refund (same key) with the same refund", async () => {
    const intent = await paidIntent();
    const key = crypto.randomUUID();
    const first = await sdk().refunds.create(
      { payment_intent: intent.id, amount: 500 },
      { idempotencyKey: key },
    );
    const again = await sdk().refunds.create(
      { payment_intent: intent.id, amount: 500 },
      { idempotencyKey: key },
    );
    expect(again.id).toBe(first.id);
    const second = await sdk().refunds.create({ payment_intent: intent.id, amount: 500 });
    expect(second.id).not.toBe(first.id);
  });
});

describe("webhooks", () => {
  it("signs each state change as a Stripe event the SDK verifies, in order, handed out once", async () => {
    const intent = await createIntent(sdk());
    await stripeError(() =>
      sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_chargeDeclined" }),
    );
    await sdk().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    const refund = await sdk().refunds.create({ payment_intent: intent.id, amount: 100 });

    const deliveries = await drain(intent.id);
    expect(deliveries.map((d) => d.type)).toEqual([
      "payment_intent.created",
      "payment_intent.payment_failed",
      "payment_intent.succeeded",
      "refund.created",
    ]);
    const events: Stripe.Event[] = [];
    for (const delivery of deliveries) {
      expect(delivery.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      events.push(
        await Stripe.webhooks.constructEventAsync(
          delivery.payload,
          delivery.signature,
          testEnv.STRIPE_WEBHOOK_SECRET,
          undefined,
          Stripe.createSubtleCryptoProvider(),
        ),
      );
    }
    for (const event of events) {
      expect(event.id).toMatch(/^evt_/);
      expect(event.object).toBe("event");
      expect(event.created).toEqual(expect.any(Number));
      expect(event.livemode).toBe(false);
    }
    const [, failed, succeeded, refunded] = events;
    expect(failed?.data.object).toMatchObject({ id: intent.id, status: "requires_payment_method" });
    expect(succeeded?.data.object).toMatchObject({ id: intent.id, status: "succeeded" });
    expect(refunded?.data.object).toMatchObject({ id: refund.id, object: "refund", amount: 100 });
    expect(await drain(intent.id)).toEqual([]);
  });

  it("signs with the shared secret only: another secret does not verify", async () => {
    const intent = await createIntent(sdk());
    const [delivery] = await drain(intent.id);
    if (!delivery) throw new Error("no delivery");
    await expect(
      Stripe.webhooks.constructEventAsync(
        delivery.payload,
        delivery.signature,
        "whsec_someone_else",
        undefined,
        Stripe.createSubtleCryptoProvider(),
      ),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);
  });

  it("drains one PaymentIntent's events without touching another's", async () => {
    const mine = await createIntent(sdk());
    const other = await createIntent(sdk());
    expect((await drain(mine.id)).map((d) => d.eventId)).toHaveLength(1);
    const rest = await drain();
    expect(rest.some((d) => JSON.parse(d.payload).data.object.id === other.id)).toBe(true);
  });
});
