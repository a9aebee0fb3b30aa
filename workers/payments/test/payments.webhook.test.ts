import { describe, expect, it } from "vitest";
import { paymentEventMessage } from "../../../queues/payment-events.schema";
import { receiveWebhook } from "../webhook.service";
import {
  cardPayment,
  confirmAtStripe,
  type Delivery,
  drainEmulator,
  emulator,
  eventsOf,
  historyOf,
  paymentRow,
  postWebhook,
  recordingDeps,
  self,
  sign,
} from "./harness";

/** A card payment the shopper paid at Stripe, with the emulator's deliveries not yet sent. */
async function paidAtStripe(card: "visa" | "declined" = "visa") {
  const payment = await cardPayment();
  await confirmAtStripe(payment.paymentIntentId, card);
  return { ...payment, deliveries: await drainEmulator(payment.paymentIntentId) };
}

function find(deliveries: Delivery[], type: string): Delivery {
  const found = deliveries.find((d) => d.type === type);
  if (!found) throw new Error(`no ${type} delivery in ${deliveries.map((d) => d.type).join(", ")}`);
  return found;
}

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { code: string; detail: string; errors?: { path: string }[] };
}

describe("POST /api/payments/webhook: signatures", () => {
  it("answers 400 problem+json to a delivery without a signature", async () => {
    const { deliveries } = await paidAtStripe();
    const problem = await expectProblem(
      await postWebhook(find(deliveries, "payment_intent.succeeded").payload, null),
      400,
    );
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe("stripe-signature");
  });

  it("answers 400 to a wrong signature and to a payload changed after signing", async () => {
    const { orderId, deliveries } = await paidAtStripe();
    const succeeded = find(deliveries, "payment_intent.succeeded");
    const otherSecret = await sign(succeeded.payload, { secret: "whsec_not_ours" });
    await expectProblem(await postWebhook(succeeded.payload, otherSecret), 400);
    const tampered = succeeded.payload.replace('"amount": 2599', '"amount": 1');
    await expectProblem(await postWebhook(tampered, succeeded.signature), 400);
    expect((await paymentRow(orderId)).status).toBe("pending");
  });

  it("answers 400 to a stale signature (older than Stripe's 5-minute tolerance)", async () => {
    const { orderId, deliveries } = await paidAtStripe();
    const { payload } = find(deliveries, "payment_intent.succeeded");
    const stale = await sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const problem = await expectProblem(await postWebhook(payload, stale), 400);
    expect(problem.detail).toMatch(/tolerance/);
    expect((await paymentRow(orderId)).status).toBe("pending");
  });
});

describe("POST /api/payments/webhook: events", () => {
  it("applies a valid event: state changed, exactly one payment_events row, 200 {received: true}", async () => {
    const { orderId, paymentId, deliveries } = await paidAtStripe();
    const { payload, signature, eventId } = find(deliveries, "payment_intent.succeeded");
    const res = await postWebhook(payload, signature);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect(await paymentRow(orderId)).toMatchObject({ status: "succeeded" });
    const events = await eventsOf(paymentId);
    expect(events).toEqual([expect.objectContaining({ eventId, type: "payment_intent.succeeded" })]);
    expect((await historyOf(paymentId)).map((h) => [h.fromStatus, h.toStatus, h.eventId])).toEqual([
      ["pending", "succeeded", eventId],
    ]);
  });

  it("changes the payment once when the same event arrives 10 times at once", async () => {
    const { orderId, paymentId, deliveries } = await paidAtStripe();
    const { payload, signature } = find(deliveries, "payment_intent.succeeded");
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook(payload, signature)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect((await paymentRow(orderId)).status).toBe("succeeded");
    expect(await eventsOf(paymentId)).toHaveLength(1);
    expect(await historyOf(paymentId)).toHaveLength(1);
  });

  it("tells orders on every delivery, redeliveries too, while the state changes once", async () => {
    const { deps, sent } = recordingDeps();
    const { orderId, paymentId, paymentIntentId, deliveries } = await paidAtStripe();
    const { payload, signature, eventId } = find(deliveries, "payment_intent.succeeded");
    const first = await receiveWebhook(deps, payload, signature);
    const again = await receiveWebhook(deps, payload, signature);
    expect([first.changed, again.changed]).toEqual([true, false]);
    expect(sent).toHaveLength(2);
    for (const message of sent) {
      expect(paymentEventMessage.parse(message)).toEqual({
        orderId,
        kind: "succeeded",
        paymentIntentId,
        amount: 2599,
        currency: "USD",
        eventId,
        at: expect.any(Number),
      });
    }
    expect(await historyOf(paymentId)).toHaveLength(1);
  });

  it("ends succeeded when the succeeded event comes before an older payment_failed", async () => {
    const payment = await cardPayment();
    await confirmAtStripe(payment.paymentIntentId, "declined");
    await confirmAtStripe(payment.paymentIntentId, "visa");
    const deliveries = await drainEmulator(payment.paymentIntentId);
    const failed = find(deliveries, "payment_intent.payment_failed");
    const succeeded = find(deliveries, "payment_intent.succeeded");
    expect((await postWebhook(succeeded.payload, succeeded.signature)).status).toBe(200);
    expect((await postWebhook(failed.payload, failed.signature)).status).toBe(200);
    expect((await paymentRow(payment.orderId)).status).toBe("succeeded");
    expect((await eventsOf(payment.paymentId)).map((e) => e.type).sort()).toEqual([
      "payment_intent.payment_failed",
      "payment_intent.succeeded",
    ]);
    expect((await historyOf(payment.paymentId)).map((h) => h.toStatus)).toEqual(["succeeded"]);
  });

  it("records a decline as failed, and the same order paid with another card later as succeeded", async () => {
    const payment = await cardPayment();
    await confirmAtStripe(payment.paymentIntentId, "declined");
    for (const d of await drainEmulator(payment.paymentIntentId)) await postWebhook(d.payload, d.signature);
    expect((await paymentRow(payment.orderId)).status).toBe("failed");
    await confirmAtStripe(payment.paymentIntentId, "visa");
    for (const d of await drainEmulator(payment.paymentIntentId)) await postWebhook(d.payload, d.signature);
    expect((await paymentRow(payment.orderId)).status).toBe("succeeded");
    expect((await historyOf(payment.paymentId)).map((h) => h.toStatus)).toEqual(["failed", "succeeded"]);
  });

  it("confirms refunds: partial then full -> partially_refunded then refunded, with the amounts", async () => {
    const { orderId, paymentId, paymentIntentId, deliveries } = await paidAtStripe();
    await postWebhook(
      find(deliveries, "payment_intent.succeeded").payload,
      find(deliveries, "payment_intent.succeeded").signature,
    );
    // Refunds made at Stripe directly (e.g. in the dashboard): payments learns of them by webhook only.
    await emulator().refunds.create({ payment_intent: paymentIntentId, amount: 600 });
    const partial = find(await drainEmulator(paymentIntentId), "refund.created");
    expect((await postWebhook(partial.payload, partial.signature)).status).toBe(200);
    expect(await paymentRow(orderId)).toMatchObject({ status: "partially_refunded", refundedAmount: 600 });
    await emulator().refunds.create({ payment_intent: paymentIntentId });
    const full = find(await drainEmulator(paymentIntentId), "refund.created");
    await postWebhook(full.payload, full.signature);
    await postWebhook(full.payload, full.signature);
    expect(await paymentRow(orderId)).toMatchObject({ status: "refunded", refundedAmount: 2599 });
    expect((await historyOf(paymentId)).map((h) => [h.toStatus, h.refundedAmount])).toEqual([
      ["succeeded", 0],
      ["partially_refunded", 600],
      ["refunded", 2599],
    ]);
  });

  it("applies a refund delivered before the payment's own succeeded event", async () => {
    const { orderId, paymentIntentId } = await paidAtStripe();
    await emulator().refunds.create({ payment_intent: paymentIntentId, amount: 100 });
    const refund = find(await drainEmulator(paymentIntentId), "refund.created");
    await postWebhook(refund.payload, refund.signature);
    expect(await paymentRow(orderId)).toMatchObject({ status: "partially_refunded", refundedAmount: 100 });
  });

  it("sends orders a refunded message with the total refunded so far", async () => {
    const { deps, sent } = recordingDeps();
    const { orderId, paymentIntentId, deliveries } = await paidAtStripe();
    const succeeded = find(deliveries, "payment_intent.succeeded");
    await receiveWebhook(deps, succeeded.payload, succeeded.signature);
    await emulator().refunds.create({ payment_intent: paymentIntentId, amount: 700 });
    const refund = find(await drainEmulator(paymentIntentId), "refund.created");
    await receiveWebhook(deps, refund.payload, refund.signature);
    expect(sent.map((m) => [m.kind, m.amount])).toEqual([
      ["succeeded", 2599],
      ["refunded", 700],
    ]);
    expect(sent[1]).toMatchObject({ orderId, eventId: refund.eventId });
  });

  it("acknowledges events it does not act on, and events of PaymentIntents that are not the shop's", async () => {
    const created = await cardPayment();
    const [createdEvent] = await drainEmulator(created.paymentIntentId);
    expect(createdEvent?.type).toBe("payment_intent.created");
    if (!createdEvent) return;
    expect((await postWebhook(createdEvent.payload, createdEvent.signature)).status).toBe(200);
    expect(await eventsOf(created.paymentId)).toHaveLength(0);

    const foreign = await emulator().paymentIntents.create({ amount: 100, currency: "usd" });
    await emulator().paymentIntents.cancel(foreign.id);
    const canceled = find(await drainEmulator(foreign.id), "payment_intent.canceled");
    expect((await postWebhook(canceled.payload, canceled.signature)).status).toBe(200);
  });

  it("is reached by Stripe through the gateway path, with the raw body verified unchanged", async () => {
    // Sanity: the RPC entrypoint and the HTTP handler share one database.
    const { orderId, deliveries } = await paidAtStripe();
    const delivery = find(deliveries, "payment_intent.succeeded");
    await postWebhook(delivery.payload, delivery.signature);
    expect((await self.PaymentsService.getPayment(orderId))?.status).toBe("succeeded");
  });
});
