import { describe, expect, it } from "vitest";
import type { Problem } from "../../shared/errors";
import type { Order, OrderSummary, Page } from "../orders.schemas";
import {
  add,
  admin,
  applyCoupon,
  checkout,
  couponOf,
  customer,
  makeCoupon,
  newCart,
  orderRow,
  paidOrder,
  placedOrder,
  sellable,
  stockOf,
  tasksOf,
} from "./factories";
import { api, testEnv, watchEmails } from "./harness";

const setStatus = (id: string, status: string, as = admin, note?: string) =>
  api<Order & { code?: string }>("PATCH", `/api/orders/${id}/status`, {
    as,
    body: { status, ...(note ? { note } : {}) },
  });

describe("GET /api/orders", () => {
  it("lists the caller's own orders, newest first, paginated", async () => {
    const shopper = customer();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await placedOrder({ as: shopper })).order.id);
    await placedOrder({ as: customer() });
    const first = await api<Page<OrderSummary>>("GET", "/api/orders?limit=2", { as: shopper });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(first.body.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({ status: "pending_payment", lines: [{ quantity: 2 }] });
    const second = await api<Page<OrderSummary>>("GET", "/api/orders?limit=2&page=2", { as: shopper });
    expect(second.body.items.map((o) => o.id)).toEqual([ids[0]]);
  });

  it("401 for an anonymous caller; 400 for a limit over 100", async () => {
    expect((await api("GET", "/api/orders")).status).toBe(401);
    expect((await api("GET", "/api/orders?limit=101", { as: customer() })).status).toBe(400);
  });

  it("never shows another user's orders", async () => {
    await placedOrder({ as: customer() });
    const nobody = await api<Page<OrderSummary>>("GET", "/api/orders", { as: customer() });
    expect(nobody.body).toMatchObject({ items: [], total: 0 });
  });
});

describe("GET /api/orders/:id", () => {
  it("shows the order with its history to its customer and to an admin", async () => {
    const shopper = customer();
    const { order } = await placedOrder({ as: shopper });
    for (const as of [shopper, admin]) {
      const res = await api<Order>("GET", `/api/orders/${order.id}`, { as });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: order.id, history: [{ to: "pending_payment" }] });
      expect(res.body).not.toHaveProperty("accessToken");
    }
  });

  it("shows a guest order to whoever holds its token, and to nobody else", async () => {
    const { order } = await placedOrder();
    const token = order.accessToken!;
    expect((await api("GET", `/api/orders/${order.id}?token=${token}`)).status).toBe(200);
    expect((await api("GET", `/api/orders/${order.id}`)).status).toBe(404);
    expect((await api("GET", `/api/orders/${order.id}?token=${token.slice(1)}x`)).status).toBe(404);
    expect((await api("GET", `/api/orders/${order.id}`, { as: customer() })).status).toBe(404);
  });

  it("404 for another user's order, even with a guest order's token", async () => {
    const { order } = await placedOrder({ as: customer() });
    const guest = await placedOrder();
    const res = await api<Problem>("GET", `/api/orders/${order.id}?token=${guest.order.accessToken}`, {
      as: customer(),
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
    expect((await api("GET", `/api/orders/${order.id}`)).status).toBe(404);
  });

  it("404 for an order that does not exist", async () => {
    expect((await api("GET", `/api/orders/${crypto.randomUUID()}`, { as: admin })).status).toBe(404);
  });
});

describe("POST /api/orders/:id/cancel", () => {
  it("an unpaid order: cancelled, stock and coupon released, PaymentIntent cancelled, email sent", async () => {
    const emails = watchEmails();
    const coupon = await makeCoupon();
    const mug = await sellable({ stock: 5 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    await applyCoupon(cartId, coupon.code);
    const { order } = (await checkout(cartId)).body;
    expect(await stockOf(mug.sku)).toMatchObject({ reserved: 2 });
    const res = await api<Order>("POST", `/api/orders/${order.id}/cancel?token=${order.accessToken}`);
    emails.stop();
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    expect(res.body.history.at(-1)).toMatchObject({
      from: "pending_payment",
      to: "cancelled",
      actor: "customer:guest",
    });
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect((await couponOf(coupon.code)).used).toBe(0);
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "cancelled" });
    expect(await tasksOf(order.id)).toEqual({
      release_stock: true,
      release_coupon: true,
      cancel_payment: true,
      email_cancelled: true,
    });
    expect(emails.sent(order.id)).toMatchObject([{ template: "order_cancelled", data: { refund: null } }]);
  });

  it("a paid card order: sold units restocked and the payment refunded in full", async () => {
    const shopper = customer();
    const emails = watchEmails();
    const { order, item } = await paidOrder({ as: shopper, stock: 6, quantity: 2 });
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 4, reserved: 0 });
    const res = await api<Order>("POST", `/api/orders/${order.id}/cancel`, { as: shopper });
    emails.stop();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "cancelled", refunded: order.totals.total });
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 6, reserved: 0 });
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({
      status: "refunded",
      refundedAmount: order.totals.total.amount,
    });
    expect(emails.sent(order.id).map((m) => m.template)).toEqual(["order_confirmation", "order_cancelled"]);
    expect(emails.sent(order.id)[1]).toMatchObject({ data: { refund: order.totals.total } });
  });

  it("a cash-on-delivery order being prepared: restocked, the due payment cancelled", async () => {
    const shopper = customer();
    const { order, item } = await placedOrder({ as: shopper, paymentMethod: "cod", stock: 3, quantity: 1 });
    expect((await setStatus(order.id, "processing")).status).toBe(200);
    const res = await api<Order>("POST", `/api/orders/${order.id}/cancel`, { as: shopper });
    expect(res.body.status).toBe("cancelled");
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 3 });
    expect(await tasksOf(order.id)).toMatchObject({ restock: true, cancel_payment: true });
  });

  it("cancelling a cancelled order again answers it as it is", async () => {
    const shopper = customer();
    const { order } = await placedOrder({ as: shopper });
    expect((await api("POST", `/api/orders/${order.id}/cancel`, { as: shopper })).status).toBe(200);
    const again = await api<Order>("POST", `/api/orders/${order.id}/cancel`, { as: shopper });
    expect(again.status).toBe(200);
    expect(again.body.history.filter((h) => h.to === "cancelled")).toHaveLength(1);
  });

  it("409 once the order has shipped", async () => {
    const shopper = customer();
    const { order } = await placedOrder({ as: shopper, paymentMethod: "cod" });
    for (const status of ["processing", "shipped"])
      expect((await setStatus(order.id, status)).status).toBe(200);
    const res = await api<Problem>("POST", `/api/orders/${order.id}/cancel`, { as: shopper });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict" });
    expect((await orderRow(order.id))?.status).toBe("shipped");
  });

  it("404 for anyone but the customer: another user, a guest without the token", async () => {
    const { order } = await placedOrder({ as: customer() });
    expect((await api("POST", `/api/orders/${order.id}/cancel`, { as: customer() })).status).toBe(404);
    expect((await api("POST", `/api/orders/${order.id}/cancel`)).status).toBe(404);
    const guest = await placedOrder();
    expect((await api("POST", `/api/orders/${guest.order.id}/cancel`)).status).toBe(404);
    expect((await api("POST", `/api/orders/${guest.order.id}/cancel?token=nope`)).status).toBe(404);
    expect((await orderRow(order.id))?.status).toBe("pending_payment");
    expect((await orderRow(guest.order.id))?.status).toBe("pending_payment");
  });
});

describe("PATCH /api/orders/:id/status", () => {
  it("an admin moves a paid order along: processing, shipped (with a note), delivered; emails go out", async () => {
    const emails = watchEmails();
    const { order } = await placedOrder({ paymentMethod: "cod" });
    expect((await setStatus(order.id, "processing")).body.status).toBe("processing");
    const shipped = await setStatus(order.id, "shipped", admin, "DHL 123456");
    expect(shipped.body.history.at(-1)).toMatchObject({
      from: "processing",
      to: "shipped",
      actor: `admin:${admin.userId}`,
      note: "DHL 123456",
    });
    expect((await setStatus(order.id, "delivered")).body.status).toBe("delivered");
    emails.stop();
    const sent = emails.sent(order.id);
    expect(sent.map((m) => m.template)).toEqual(["order_confirmation", "order_shipped", "order_delivered"]);
    expect(sent[1]).toMatchObject({ data: { note: "DHL 123456" } });
    // Cash on delivery is collected at the door.
    expect(await tasksOf(order.id)).toMatchObject({ collect_cash: true });
    expect(await testEnv.PAYMENTS.getPayment(order.id)).toMatchObject({ status: "succeeded" });
  });

  it("409 for a move the state machine does not allow, or one that is not the admin's to make", async () => {
    const pending = (await placedOrder()).order;
    const confirmed = (await placedOrder({ paymentMethod: "cod" })).order;
    const cases: [string, string][] = [
      [pending.id, "processing"],
      [confirmed.id, "shipped"],
      [confirmed.id, "delivered"],
      [confirmed.id, "cancelled"],
      [confirmed.id, "refunded"],
      [confirmed.id, "pending_payment"],
    ];
    for (const [id, status] of cases) {
      const res = await setStatus(id, status);
      expect(res.status, `${status}`).toBe(409);
      expect(res.body.code).toBe("conflict");
    }
    expect((await orderRow(confirmed.id))?.status).toBe("confirmed");
  });

  it("400 for an unknown status, 404 for an unknown order", async () => {
    const { order } = await placedOrder({ paymentMethod: "cod" });
    expect((await setStatus(order.id, "teleported")).status).toBe(400);
    expect((await setStatus(crypto.randomUUID(), "processing")).status).toBe(404);
  });

  it("only admins: the order's own customer gets 403, an anonymous caller 401", async () => {
    const shopper = customer();
    const { order } = await placedOrder({ as: shopper, paymentMethod: "cod" });
    expect((await setStatus(order.id, "processing", shopper)).status).toBe(403);
    expect(
      (await api("PATCH", `/api/orders/${order.id}/status`, { body: { status: "processing" } })).status,
    ).toBe(401);
    expect((await orderRow(order.id))?.status).toBe("confirmed");
  });
});

describe("GET /api/admin/orders", () => {
  it("lists every order for an admin, filtered by status and date, newest first", async () => {
    const from = new Date(Date.now() - 1).toISOString();
    const a = (await placedOrder({ as: customer() })).order;
    const b = (await placedOrder({ paymentMethod: "cod" })).order;
    const c = (await placedOrder({ as: customer() })).order;
    const all = await api<Page<OrderSummary>>("GET", `/api/admin/orders?from=${from}`, { as: admin });
    expect(all.status).toBe(200);
    expect(all.body.items.map((o) => o.id)).toEqual([c.id, b.id, a.id]);
    const pending = await api<Page<OrderSummary>>(
      "GET",
      `/api/admin/orders?from=${from}&status=pending_payment`,
      {
        as: admin,
      },
    );
    expect(pending.body.items.map((o) => o.id)).toEqual([c.id, a.id]);
    const paged = await api<Page<OrderSummary>>("GET", `/api/admin/orders?from=${from}&limit=1&page=2`, {
      as: admin,
    });
    expect(paged.body).toMatchObject({ total: 3, page: 2, limit: 1, items: [{ id: b.id }] });
    const before = await api<Page<OrderSummary>>("GET", `/api/admin/orders?to=${from}&status=confirmed`, {
      as: admin,
    });
    expect(before.body.items.map((o) => o.id)).not.toContain(b.id);
  });

  it("400 for a bad filter", async () => {
    expect((await api("GET", "/api/admin/orders?status=lost", { as: admin })).status).toBe(400);
    expect((await api("GET", "/api/admin/orders?from=yesterday", { as: admin })).status).toBe(400);
    expect((await api("GET", "/api/admin/orders?from=2026-05-02&to=2026-05-01", { as: admin })).status).toBe(
      400,
    );
  });

  it("only admins: 403 for a customer, 401 anonymous", async () => {
    expect((await api("GET", "/api/admin/orders", { as: customer() })).status).toBe(403);
    expect((await api("GET", "/api/admin/orders", { as: { userId: "s1", role: "seller" } })).status).toBe(
      403,
    );
    expect((await api("GET", "/api/admin/orders")).status).toBe(401);
  });
});
