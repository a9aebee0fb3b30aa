import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "../payment-events.consumer";
import {
  add,
  applyCoupon,
  checkout,
  countRows,
  couponOf,
  eventually,
  makeCoupon,
  newCart,
  orderRow,
  paidOrder,
  pay,
  paymentEvent,
  placedOrder,
  readCart,
  sellable,
  stockOf,
  tasksOf,
  untilTasksDone,
} from "./factories";
import { api, deliverPaymentEvents, testEnv, watchEmails } from "./harness";

const events = (orderId: string, to: string) =>
  countRows("order_events", "order_id = ? AND to_status = ? AND from_status IS NOT ?", orderId, to, to);

describe("payment events: succeeded", () => {
  it("confirms a pending order: units sold, cart emptied, one confirmation email", async () => {
    const emails = watchEmails();
    const { order, item, cartId } = await placedOrder({ stock: 8, quantity: 3 });
    const result = await deliverPaymentEvents([
      paymentEvent(order.id, "succeeded", { amount: order.totals.total.amount }),
    ]);
    emails.stop();
    expect(result.explicitAcks).toHaveLength(1);
    const row = await orderRow(order.id);
    expect(row?.status).toBe("confirmed");
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect((await readCart(cartId)).body.lines).toEqual([]);
    expect(emails.sent(order.id)).toMatchObject([
      {
        id: `order-${order.id}-confirmation`,
        template: "order_confirmation",
        data: { paymentMethod: "card" },
      },
    ]);
    const shown = await api<{ history: { to: string; actor: string }[] }>(
      "GET",
      `/api/orders/${order.id}?token=${order.accessToken}`,
    );
    expect(shown.body.history.at(-1)).toMatchObject({ to: "confirmed", actor: "stripe" });
  });

  it("the same event 10 times in one batch: one confirmation, one stock commit, one email", async () => {
    const emails = watchEmails();
    const { order, item } = await placedOrder({ stock: 8, quantity: 3 });
    const event = paymentEvent(order.id, "succeeded", { amount: order.totals.total.amount });
    const result = await deliverPaymentEvents(Array(10).fill(event));
    emails.stop();
    expect(result.explicitAcks).toHaveLength(10);
    expect(result.retryMessages).toEqual([]);
    expect(await events(order.id, "confirmed")).toBe(1);
    expect(await countRows("payment_events", "order_id = ?", order.id)).toBe(1);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(emails.sent(order.id)).toHaveLength(1);
  });

  it("the same event in 10 batches at once: still one of each", async () => {
    const emails = watchEmails();
    const { order, item } = await placedOrder({ stock: 8, quantity: 3 });
    const event = paymentEvent(order.id, "succeeded", { amount: order.totals.total.amount });
    await Promise.all(Array.from({ length: 10 }, () => deliverPaymentEvents([event])));
    emails.stop();
    expect(await events(order.id, "confirmed")).toBe(1);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(emails.sent(order.id)).toHaveLength(1);
  });

  it("events in reverse order (the success before the failed attempt): confirmed, the stale failure ignored", async () => {
    const emails = watchEmails();
    const { order } = await placedOrder();
    const failed = paymentEvent(order.id, "failed", { at: 1 });
    const succeeded = paymentEvent(order.id, "succeeded", { at: 2, amount: order.totals.total.amount });
    await deliverPaymentEvents([succeeded, failed, succeeded, failed]);
    emails.stop();
    const row = await orderRow(order.id);
    expect(row?.status).toBe("confirmed");
    expect(await events(order.id, "confirmed")).toBe(1);
    expect(await countRows("order_events", "order_id = ?", order.id)).toBe(2);
    expect(emails.sent(order.id)).toHaveLength(1);
  });

  it("a failed attempt keeps the order pending with a note; a later success confirms it", async () => {
    const { order } = await placedOrder();
    await deliverPaymentEvents([paymentEvent(order.id, "failed")]);
    expect((await orderRow(order.id))?.status).toBe("pending_payment");
    expect(
      await countRows("order_events", "order_id = ? AND note LIKE 'A payment attempt failed%'", order.id),
    ).toBe(1);
    await deliverPaymentEvents([paymentEvent(order.id, "succeeded", { amount: order.totals.total.amount })]);
    expect((await orderRow(order.id))?.status).toBe("confirmed");
  });

  it("a payment whose reservation lapsed: the order cannot be fulfilled, it is cancelled and refunded", async () => {
    const emails = watchEmails();
    const coupon = await makeCoupon();
    const mug = await sellable({ stock: 2 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    await applyCoupon(cartId, coupon.code);
    const { order } = (await checkout(cartId)).body;
    // The StockDO lets go of the reservation (its TTL passed) and someone else buys the units;
    // then the shopper's payment succeeds, and payments' own event reaches the consumer.
    await testEnv.INVENTORY.release(mug.sku, order.id);
    const rivalCart = await newCart();
    await add(rivalCart, mug.sku, 1);
    expect((await checkout(rivalCart)).status).toBe(201);
    await pay(order.id);
    await untilTasksDone(order.id, ["refund", "release_coupon", "email_cancelled"]);
    emails.stop();
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: "cancelled", refundedAmount: order.totals.total.amount });
    expect(await tasksOf(order.id)).toMatchObject({
      refund: true,
      release_coupon: true,
      email_cancelled: true,
    });
    expect((await couponOf(coupon.code)).used).toBe(0);
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 2, reserved: 1 });
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "refunded" });
    expect(emails.sent(order.id)).toMatchObject([
      { template: "order_cancelled", data: { refund: order.totals.total } },
    ]);
  });
});

describe("payment events: end to end", () => {
  it("paying at the Stripe emulator confirms the order through payments' own event", async () => {
    const { order, item, cartId } = await placedOrder({ stock: 5, quantity: 2 });
    expect(await pay(order.id)).toMatchObject({ outcome: "succeeded" });
    // payments verified the emulator's signed webhook and queued `succeeded` on
    // shop-payment-events; the queue delivers it to this worker's consumer (no batch window).
    const confirmed = await eventually(async () => (await orderRow(order.id))?.status === "confirmed");
    expect(confirmed).toBe(true);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 3, reserved: 0 });
    expect((await readCart(cartId)).body.lines).toEqual([]);
    expect(await tasksOf(order.id)).toEqual({ clear_cart: true, email_confirmation: true });
  }, 20_000);

  it("a declined card leaves the order pending with a note", async () => {
    const { order } = await placedOrder();
    expect(await pay(order.id, "declined")).toMatchObject({ outcome: "declined" });
    const noted = await eventually(
      async () =>
        (await countRows(
          "order_events",
          "order_id = ? AND note LIKE 'A payment attempt failed%'",
          order.id,
        )) === 1,
    );
    expect(noted).toBe(true);
    expect((await orderRow(order.id))?.status).toBe("pending_payment");
  }, 20_000);
});

describe("payment events: canceled, refunded", () => {
  it("canceled while pending: the order expires and its stock is released", async () => {
    const emails = watchEmails();
    const { order, item } = await placedOrder({ stock: 5, quantity: 2 });
    await deliverPaymentEvents([paymentEvent(order.id, "canceled")]);
    emails.stop();
    expect((await orderRow(order.id))?.status).toBe("expired");
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(emails.sent(order.id).map((m) => m.template)).toEqual(["order_expired"]);
  });

  it("canceled after the order was confirmed changes nothing", async () => {
    const { order } = await placedOrder({ paymentMethod: "cod" });
    await deliverPaymentEvents([paymentEvent(order.id, "canceled")]);
    expect((await orderRow(order.id))?.status).toBe("confirmed");
  });

  it("a partial refund is tracked as an amount; the full refund makes the order refunded and restocks", async () => {
    const emails = watchEmails();
    const { order, item } = await paidOrder({ stock: 4, quantity: 2 });
    const total = order.totals.total.amount;
    await deliverPaymentEvents([paymentEvent(order.id, "refunded", { amount: 1000 })]);
    expect(await orderRow(order.id)).toMatchObject({ status: "confirmed", refundedAmount: 1000 });
    // A stale, smaller figure arriving late never lowers it.
    await deliverPaymentEvents([paymentEvent(order.id, "refunded", { amount: 500 })]);
    expect((await orderRow(order.id))?.refundedAmount).toBe(1000);
    const full = paymentEvent(order.id, "refunded", { amount: total });
    await deliverPaymentEvents([full, full]);
    emails.stop();
    expect(await orderRow(order.id)).toMatchObject({ status: "refunded", refundedAmount: total });
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 4 });
    expect(emails.sent(order.id).map((m) => m.template)).toEqual(["order_confirmation", "order_refunded"]);
    expect(emails.sent(order.id)[1]).toMatchObject({ data: { refunded: { amount: total } } });
  });

  it("a full refund of a shipped order does not restock (the goods are out)", async () => {
    const { order, item } = await placedOrder({ paymentMethod: "cod", stock: 4, quantity: 1 });
    for (const status of ["processing", "shipped"]) {
      await api("PATCH", `/api/orders/${order.id}/status`, {
        as: { userId: "a", role: "admin" },
        body: { status },
      });
    }
    await deliverPaymentEvents([paymentEvent(order.id, "refunded", { amount: order.totals.total.amount })]);
    expect((await orderRow(order.id))?.status).toBe("refunded");
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 3 });
  });
});

describe("payment events: bad messages", () => {
  it("acknowledges malformed messages and events of unknown orders (retrying cannot help)", async () => {
    const result = await deliverPaymentEvents([
      { orderId: "x", kind: "teleported" },
      paymentEvent(crypto.randomUUID(), "succeeded"),
    ]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
  });

  it("backs off retries: 10 s, 20 s, ... at most 15 minutes", () => {
    expect([1, 2, 3, 10, 50].map(retryDelaySeconds)).toEqual([10, 20, 40, 900, 900]);
  });
});
