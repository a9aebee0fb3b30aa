import { describe, expect, it } from "vitest";
import { paymentEventMessage } from "../../../queues/payment-events.schema";
import { createCardPayment } from "../payments.service";
import {
  cardPayment,
  confirmAtStripe,
  emulator,
  historyOf,
  newOrderId,
  payByDevRoute,
  paymentRow,
  recordingDeps,
  self,
} from "./harness";

const rpc = () => self.PaymentsService;

describe("createCardPayment", () => {
  it("creates one PaymentIntent for the order, with the order id in its metadata, and a pending payment", async () => {
    const orderId = newOrderId();
    const result = await rpc().createCardPayment({
      orderId,
      amount: 4599,
      currency: "usd",
      email: "shopper@example.com",
      attempt: 1,
    });
    expect(result).toMatchObject({ ok: true, status: "pending" });
    if (!result.ok) return;
    expect(result.clientSecret).toMatch(new RegExp(`^${result.paymentIntentId}_secret_`));
    const intent = await emulator().paymentIntents.retrieve(result.paymentIntentId);
    expect(intent).toMatchObject({
      amount: 4599,
      currency: "usd",
      metadata: { orderId, attempt: "1" },
      receipt_email: "shopper@example.com",
      status: "requires_payment_method",
    });
    expect(await paymentRow(orderId)).toMatchObject({
      id: result.paymentId,
      method: "card",
      status: "pending",
      amount: 4599,
      currency: "USD",
      stripePaymentIntentId: result.paymentIntentId,
      attempt: 1,
    });
  });

  it("answers the same attempt with the same PaymentIntent, also when asked concurrently", async () => {
    const orderId = newOrderId();
    const request = { orderId, amount: 2599, currency: "USD", email: "a@example.com", attempt: 1 };
    const results = await Promise.all(Array.from({ length: 5 }, () => rpc().createCardPayment(request)));
    const again = await rpc().createCardPayment(request);
    const intents = new Set([...results, again].map((r) => (r.ok ? r.paymentIntentId : r.detail)));
    expect(intents.size).toBe(1);
    expect(again).toMatchObject({ ok: true, clientSecret: results[0]?.ok ? results[0].clientSecret : "" });
  });

  it("refuses the same attempt with another amount", async () => {
    const { orderId } = await cardPayment(newOrderId(), 2599);
    const result = await rpc().createCardPayment({
      orderId,
      amount: 3000,
      currency: "USD",
      email: "a@example.com",
      attempt: 1,
    });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
  });

  it("replaces a declined attempt with a new PaymentIntent and cancels the old one at Stripe", async () => {
    const first = await cardPayment();
    await payByDevRoute(first.orderId, "declined");
    expect((await paymentRow(first.orderId)).status).toBe("failed");
    const second = await cardPayment(first.orderId, 2599, 2);
    expect(second.paymentIntentId).not.toBe(first.paymentIntentId);
    expect(second.status).toBe("pending");
    expect((await emulator().paymentIntents.retrieve(first.paymentIntentId)).status).toBe("canceled");
    const row = await paymentRow(first.orderId);
    expect(row).toMatchObject({
      stripePaymentIntentId: second.paymentIntentId,
      attempt: 2,
      status: "pending",
    });
    expect((await historyOf(row.id)).map((h) => `${h.fromStatus}->${h.toStatus}`)).toEqual([
      "pending->failed",
      "failed->pending",
    ]);
  });

  it("refuses a new attempt once the order is paid, and records a payment Stripe took meanwhile", async () => {
    const paid = await cardPayment();
    await payByDevRoute(paid.orderId);
    const refused = await rpc().createCardPayment({
      orderId: paid.orderId,
      amount: 2599,
      currency: "USD",
      email: "a@example.com",
      attempt: 2,
    });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });

    // Paid at Stripe, webhook not delivered yet: the new attempt finds out and records it.
    const raced = await cardPayment();
    await confirmAtStripe(raced.paymentIntentId);
    const late = await rpc().createCardPayment({
      orderId: raced.orderId,
      amount: 2599,
      currency: "USD",
      email: "a@example.com",
      attempt: 2,
    });
    expect(late).toMatchObject({ ok: false, code: "conflict" });
    expect((await paymentRow(raced.orderId)).status).toBe("succeeded");
  });

  it("tells orders when its own call finds the payment made (the queue message)", async () => {
    const { deps, sent } = recordingDeps();
    const { orderId, paymentIntentId } = await cardPayment();
    await confirmAtStripe(paymentIntentId);
    const again = await createCardPayment(deps, {
      orderId,
      amount: 2599,
      currency: "USD",
      email: "a@example.com",
      attempt: 1,
    });
    expect(again).toMatchObject({ ok: true, status: "succeeded", paymentIntentId });
    expect(sent).toHaveLength(1);
    expect(paymentEventMessage.parse(sent[0])).toMatchObject({
      orderId,
      kind: "succeeded",
      paymentIntentId,
      amount: 2599,
      currency: "USD",
    });
  });

  it("throws on arguments that break the contract (a caller's bug, not a refusal)", async () => {
    // Called directly: a rejected RPC call surfaces as an unhandled rejection in the test pool (ADR 8).
    const { deps } = recordingDeps();
    await expect(
      createCardPayment(deps, { orderId: "", amount: -1, currency: "US", email: "x", attempt: 0 }),
    ).rejects.toThrow(/Invalid arguments/);
  });
});

describe("recordCashOnDelivery and markCashCollected", () => {
  it("records a due payment once, idempotently, and refuses a card order", async () => {
    const orderId = newOrderId();
    const first = await rpc().recordCashOnDelivery({ orderId, amount: 1999, currency: "usd" });
    const again = await rpc().recordCashOnDelivery({ orderId, amount: 1999, currency: "USD" });
    expect(first).toMatchObject({ ok: true, status: "due" });
    expect(again).toEqual(first);
    expect(await paymentRow(orderId)).toMatchObject({ method: "cod", status: "due", amount: 1999 });
    const other = await rpc().recordCashOnDelivery({ orderId, amount: 2500, currency: "USD" });
    expect(other).toMatchObject({ ok: false, code: "conflict" });
    const card = await cardPayment();
    expect(
      await rpc().recordCashOnDelivery({ orderId: card.orderId, amount: 2599, currency: "USD" }),
    ).toMatchObject({ ok: false, code: "conflict" });
    expect(
      await rpc().createCardPayment({
        orderId,
        amount: 1999,
        currency: "USD",
        email: "a@example.com",
        attempt: 1,
      }),
    ).toMatchObject({ ok: false, code: "conflict" });
  });

  it("marks the cash collected (due -> succeeded), idempotently", async () => {
    const orderId = newOrderId();
    await rpc().recordCashOnDelivery({ orderId, amount: 1999, currency: "USD" });
    expect(await rpc().markCashCollected(orderId)).toEqual({ ok: true, status: "succeeded" });
    expect(await rpc().markCashCollected(orderId)).toEqual({ ok: true, status: "succeeded" });
    expect((await historyOf((await paymentRow(orderId)).id)).map((h) => h.toStatus)).toEqual(["succeeded"]);
    expect(await rpc().markCashCollected(newOrderId())).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("cancelPayment", () => {
  it("cancels an unpaid card payment at Stripe, then answers already_cancelled", async () => {
    const { orderId, paymentIntentId } = await cardPayment();
    expect(await rpc().cancelPayment(orderId)).toEqual({ ok: true, status: "cancelled" });
    expect((await emulator().paymentIntents.retrieve(paymentIntentId)).status).toBe("canceled");
    expect((await paymentRow(orderId)).status).toBe("cancelled");
    expect(await rpc().cancelPayment(orderId)).toEqual({ ok: true, status: "already_cancelled" });
  });

  it("answers none for an order without a payment", async () => {
    expect(await rpc().cancelPayment(newOrderId())).toEqual({ ok: true, status: "none" });
  });

  it("refuses a paid order (refund it), also one paid at Stripe before the webhook came", async () => {
    const paid = await cardPayment();
    await payByDevRoute(paid.orderId);
    expect(await rpc().cancelPayment(paid.orderId)).toMatchObject({ ok: false, code: "already_paid" });

    const raced = await cardPayment();
    await confirmAtStripe(raced.paymentIntentId);
    expect(await rpc().cancelPayment(raced.orderId)).toMatchObject({ ok: false, code: "already_paid" });
    expect((await paymentRow(raced.orderId)).status).toBe("succeeded");
  });

  it("cancels a due cash-on-delivery payment without Stripe", async () => {
    const orderId = newOrderId();
    await rpc().recordCashOnDelivery({ orderId, amount: 1999, currency: "USD" });
    expect(await rpc().cancelPayment(orderId)).toEqual({ ok: true, status: "cancelled" });
    expect(await rpc().markCashCollected(orderId)).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("refund", () => {
  it("refunds a card payment in parts, tracking refunded_amount, until it is refunded in full", async () => {
    const { orderId } = await cardPayment(newOrderId(), 2599);
    await payByDevRoute(orderId);
    const part = await rpc().refund({ orderId, amount: 1000, reason: "damaged box", idempotencyKey: "r1" });
    expect(part).toEqual({ ok: true, refundedAmount: 1000, totalRefunded: 1000, fullyRefunded: false });
    expect(await paymentRow(orderId)).toMatchObject({ status: "partially_refunded", refundedAmount: 1000 });
    const rest = await rpc().refund({ orderId, idempotencyKey: "r2" });
    expect(rest).toEqual({ ok: true, refundedAmount: 1599, totalRefunded: 2599, fullyRefunded: true });
    expect(await paymentRow(orderId)).toMatchObject({ status: "refunded", refundedAmount: 2599 });
  });

  it("answers a retried refund (same key) with the refund it made, without refunding twice", async () => {
    const { orderId } = await cardPayment();
    await payByDevRoute(orderId);
    const first = await rpc().refund({ orderId, amount: 500, idempotencyKey: "same" });
    const again = await rpc().refund({ orderId, amount: 500, idempotencyKey: "same" });
    expect(again).toEqual(first);
    expect((await paymentRow(orderId)).refundedAmount).toBe(500);
  });

  it("refuses more than is left, an unpaid payment, an unknown order and a zero amount", async () => {
    const { orderId } = await cardPayment(newOrderId(), 2599);
    expect(await rpc().refund({ orderId, idempotencyKey: "k" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await payByDevRoute(orderId);
    await rpc().refund({ orderId, amount: 2000, idempotencyKey: "k1" });
    expect(await rpc().refund({ orderId, amount: 600, idempotencyKey: "k2" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect((await paymentRow(orderId)).refundedAmount).toBe(2000);
    expect(await rpc().refund({ orderId: newOrderId(), idempotencyKey: "k" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await rpc().refund({ orderId, amount: 0, idempotencyKey: "k3" })).toMatchObject({
      ok: false,
      code: "validation_failed",
    });
  });

  it("refuses to refund cash that was never collected, records one that was, without Stripe", async () => {
    const orderId = newOrderId();
    await rpc().recordCashOnDelivery({ orderId, amount: 1999, currency: "USD" });
    expect(await rpc().refund({ orderId, idempotencyKey: "c1" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    await rpc().markCashCollected(orderId);
    expect(await rpc().refund({ orderId, amount: 999, idempotencyKey: "c1" })).toEqual({
      ok: true,
      refundedAmount: 999,
      totalRefunded: 999,
      fullyRefunded: false,
    });
    expect(await rpc().refund({ orderId, amount: 999, idempotencyKey: "c1" })).toMatchObject({
      totalRefunded: 999,
    });
    expect(await rpc().refund({ orderId, idempotencyKey: "c2" })).toMatchObject({
      totalRefunded: 1999,
      fullyRefunded: true,
    });
  });
});

describe("getPayment", () => {
  it("answers the payment summary, or null", async () => {
    const { orderId, paymentId, paymentIntentId } = await cardPayment();
    expect(await rpc().getPayment(orderId)).toEqual({
      paymentId,
      orderId,
      method: "card",
      status: "pending",
      amount: 2599,
      refundedAmount: 0,
      currency: "USD",
      paymentIntentId,
    });
    expect(await rpc().getPayment(newOrderId())).toBeNull();
  });
});
