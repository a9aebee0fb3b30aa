import { describe, expect, it } from "vitest";
import { expireOrders } from "../order-expiry";
import {
  add,
  applyCoupon,
  checkout,
  couponOf,
  lapseReservation,
  makeCoupon,
  newCart,
  orderRow,
  pay,
  placedOrder,
  sellable,
  stockOf,
  tasksOf,
  untilTasksDone,
} from "./factories";
import { deps, runCron, testEnv, watchEmails } from "./harness";

/** The real payments worker, except that cancelling a PaymentIntent fails (Stripe is down). */
function paymentsDown() {
  const real = deps().payments;
  return deps({
    payments: {
      createCardPayment: (request) => real.createCardPayment(request),
      recordCashOnDelivery: (request) => real.recordCashOnDelivery(request),
      refund: (request) => real.refund(request),
      markCashCollected: (orderId) => real.markCashCollected(orderId),
      cancelPayment: async () => ({ ok: false, code: "payment_unavailable", detail: "Stripe is down" }),
    },
  });
}

describe("expiry (the cron)", () => {
  it("expires an unpaid order past its reservation: stock and coupon back, intent cancelled, email", async () => {
    const emails = watchEmails();
    const coupon = await makeCoupon();
    const mug = await sellable({ stock: 4 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 3);
    await applyCoupon(cartId, coupon.code);
    const { order } = (await checkout(cartId)).body;
    const fresh = await placedOrder();
    expect(await stockOf(mug.sku)).toMatchObject({ reserved: 3, available: 1 });

    await lapseReservation(order.id);
    await runCron();
    emails.stop();
    expect((await orderRow(order.id))?.status).toBe("expired");
    expect((await orderRow(fresh.order.id))?.status).toBe("pending_payment");
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 4, reserved: 0, available: 4 });
    expect((await couponOf(coupon.code)).used).toBe(0);
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "cancelled" });
    expect(await tasksOf(order.id)).toEqual({
      release_stock: true,
      release_coupon: true,
      cancel_payment: true,
      email_expired: true,
    });
    expect(emails.sent(order.id)).toMatchObject([
      { id: `order-${order.id}-expired`, template: "order_expired" },
    ]);
  });

  it("is idempotent and safe to run concurrently: each order expires once", async () => {
    const emails = watchEmails();
    const { order, item } = await placedOrder({ stock: 5, quantity: 2 });
    await lapseReservation(order.id);
    const runs = await Promise.all(Array.from({ length: 5 }, () => expireOrders(deps())));
    await runCron();
    emails.stop();
    expect(runs.flat().filter((id) => id === order.id)).toHaveLength(1);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(emails.sent(order.id)).toHaveLength(1);
    const history = await testEnv.ORDERS_DB.prepare(
      "SELECT COUNT(*) AS n FROM order_events WHERE order_id = ? AND to_status = 'expired'",
    )
      .bind(order.id)
      .first<{ n: number }>();
    expect(history?.n).toBe(1);
  });

  it("a payment that succeeds after expiry is refunded, not confirmed", async () => {
    const emails = watchEmails();
    const { order, item } = await placedOrder({ stock: 5, quantity: 1 });
    await lapseReservation(order.id);
    // The cron expires the order but cannot reach Stripe to cancel the PaymentIntent, and the
    // shopper pays at that very moment.
    await expireOrders(paymentsDown());
    await pay(order.id);
    await untilTasksDone(order.id, ["refund", "email_refunded"]);
    emails.stop();
    expect(await orderRow(order.id)).toMatchObject({
      status: "expired",
      refundedAmount: order.totals.total.amount,
    });
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "refunded" });
    expect(await tasksOf(order.id)).toMatchObject({ refund: true, email_refunded: true });
    expect(emails.sent(order.id).map((m) => m.template)).toEqual(["order_expired", "order_refunded"]);
  });

  it("retries a failed follow-up task at its next due time", async () => {
    const { order } = await placedOrder();
    await lapseReservation(order.id);
    const down = paymentsDown();
    await expireOrders(down);
    expect(await tasksOf(order.id)).toMatchObject({ cancel_payment: false, email_expired: true });
    // Its backoff passed: the cron runs it again, against the real payments worker.
    await testEnv.ORDERS_DB.prepare("UPDATE order_tasks SET due_at = 0 WHERE order_id = ?")
      .bind(order.id)
      .run();
    await runCron();
    expect(await tasksOf(order.id)).toMatchObject({ cancel_payment: true });
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "cancelled" });
  });
});
