import { describe, expect, it } from "vitest";
import type { Problem } from "../../shared/errors";
import {
  add,
  address,
  applyCoupon,
  checkout,
  checkoutBody,
  countRows,
  couponOf,
  customer,
  makeCoupon,
  newCart,
  readCart,
  sellable,
  stockOf,
  tasksOf,
} from "./factories";
import { api, catalogDatabase, watchEmails } from "./harness";

/** Nothing of a failed checkout is left: no order, no reservation, no coupon use, no cart hold. */
async function expectNothingLeft(cartId: string, skus: string[], stock: number[], couponCode?: string) {
  expect(await countRows("orders", "cart_id = ?", cartId)).toBe(0);
  for (const [i, sku] of skus.entries()) {
    expect(await stockOf(sku)).toMatchObject({ onHand: stock[i], reserved: 0, available: stock[i] });
  }
  if (couponCode) expect((await couponOf(couponCode)).used).toBe(0);
  expect((await readCart(cartId)).body.locked).toBe(false);
}

describe("POST /api/orders: card", () => {
  it("places a guest order: 201 with the order, a client secret and the guest's access token", async () => {
    const mug = await sellable({ price: 2500, stock: 10, options: { colour: "red" } });
    const hat = await sellable({ price: 1200, stock: 10 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    await add(cartId, hat.sku, 1);
    const res = await checkout(cartId);
    expect(res.status).toBe(201);
    const { order, payment } = res.body;
    expect(payment?.clientSecret).toMatch(/^pi_/);
    expect(order).toMatchObject({
      status: "pending_payment",
      email: "ada@example.com",
      userId: null,
      paymentMethod: "card",
      shippingAddress: address,
      coupon: null,
      totals: {
        subtotal: { amount: 6200, currency: "USD" },
        discount: { amount: 0, currency: "USD" },
        tax: { amount: 496, currency: "USD" },
        shipping: { amount: 599, currency: "USD" },
        total: { amount: 7295, currency: "USD" },
      },
      history: [{ from: null, to: "pending_payment", actor: "customer:guest", note: "Order placed." }],
    });
    expect(order.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(order.reservationExpiresAt).not.toBeNull();
    // Line snapshots, sorted by SKU.
    const lines = [...order.lines].sort((a, b) => a.sku.localeCompare(b.sku));
    expect(order.lines).toEqual(lines);
    expect(order.lines.find((l) => l.sku === mug.sku)).toEqual({
      sku: mug.sku,
      productId: mug.productId,
      name: mug.name,
      options: { colour: "red" },
      image: expect.any(String),
      quantity: 2,
      unitPrice: { amount: 2500, currency: "USD" },
      lineTotal: { amount: 5000, currency: "USD" },
    });
    // Stock is reserved, not sold; the cart is let go (the shopper still sees it) and not emptied.
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 10, reserved: 2, available: 8 });
    const cart = await readCart(cartId);
    expect(cart.body).toMatchObject({ locked: false, lines: [{}, {}] });
  });

  it("places a signed-in user's order from their own cart, in their history", async () => {
    const shopper = customer();
    const mug = await sellable();
    const cartId = await newCart(shopper);
    await add(cartId, mug.sku, 1, shopper);
    const res = await checkout(cartId, { as: shopper });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({
      userId: shopper.userId,
      history: [{ actor: `customer:${shopper.userId}` }],
    });
    expect(res.body.order.accessToken).toBeUndefined();
    const mine = await api<{ items: { id: string }[] }>("GET", "/api/orders", { as: shopper });
    expect(mine.body.items.map((o) => o.id)).toEqual([res.body.order.id]);
  });

  it("redeems the cart's coupon for the order and discounts the totals", async () => {
    const coupon = await makeCoupon({ kind: "percent", value: 10 });
    const mug = await sellable({ price: 5000 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    await applyCoupon(cartId, coupon.code);
    const res = await checkout(cartId);
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({
      coupon: coupon.code,
      totals: {
        subtotal: { amount: 10000 },
        discount: { amount: 1000 },
        tax: { amount: 720 },
        shipping: { amount: 599 },
      },
    });
    expect((await couponOf(coupon.code)).used).toBe(1);
  });
});

describe("POST /api/orders: cash on delivery", () => {
  it("confirms at once: stock sold, cart emptied, confirmation email queued", async () => {
    const emails = watchEmails();
    const mug = await sellable({ price: 3000, stock: 4 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 3);
    const res = await checkout(cartId, { body: { paymentMethod: "cod" } });
    emails.stop();
    expect(res.status).toBe(201);
    const { order, payment } = res.body;
    expect(payment).toBeNull();
    expect(order.status).toBe("confirmed");
    expect(order.history.map((h) => h.to)).toEqual(["pending_payment", "confirmed"]);
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect((await readCart(cartId)).body).toMatchObject({ lines: [], locked: false });
    const sent = emails.sent(order.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      id: `order-${order.id}-confirmation`,
      template: "order_confirmation",
      to: "ada@example.com",
      data: {
        orderId: order.id,
        name: "Ada Lovelace",
        paymentMethod: "cod",
        lines: [{ sku: mug.sku, quantity: 3 }],
      },
    });
    expect(sent[0]?.data).toHaveProperty("orderUrl", expect.stringContaining(`token=${order.accessToken}`));
    expect(await tasksOf(order.id)).toEqual({ clear_cart: true, email_confirmation: true });
  });
});

describe("POST /api/orders: refusals leave nothing behind", () => {
  it("400 validation_failed without an Idempotency-Key, before anything happens", async () => {
    const cartId = await newCart();
    const res = await api<Problem>("POST", "/api/orders", { body: checkoutBody(cartId) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ path: "Idempotency-Key" }] });
  });

  it("400 validation_failed for a bad body, field by field", async () => {
    const res = await api<Problem>("POST", "/api/orders", {
      headers: { "idempotency-key": crypto.randomUUID() },
      body: {
        cartId: "",
        email: "nope",
        shippingAddress: { ...address, country: "Britain" },
        paymentMethod: "cash",
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path).sort()).toEqual([
      "cartId",
      "email",
      "paymentMethod",
      "shippingAddress.country",
    ]);
  });

  it("409 out_of_stock with the SKU and what is available; other lines' reservations are released", async () => {
    const plenty = await sellable({ stock: 10, sku: `A-${crypto.randomUUID().slice(0, 6)}`.toUpperCase() });
    const scarce = await sellable({ stock: 3, sku: `Z-${crypto.randomUUID().slice(0, 6)}`.toUpperCase() });
    const coupon = await makeCoupon();
    const cartId = await newCart();
    await add(cartId, plenty.sku, 2);
    await add(cartId, scarce.sku, 3);
    await applyCoupon(cartId, coupon.code);
    // Someone else buys two of the scarce SKU first.
    const rival = await newCart();
    await add(rival, scarce.sku, 2);
    expect((await checkout(rival)).status).toBe(201);

    const res = await checkout(cartId);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "out_of_stock", sku: scarce.sku, requested: 3, available: 1 });
    await expectNothingLeft(cartId, [plenty.sku], [10], coupon.code);
    expect(await stockOf(scarce.sku)).toMatchObject({ onHand: 3, reserved: 2 });
  });

  it("422 coupon_invalid when the coupon's last use went meanwhile", async () => {
    const coupon = await makeCoupon({ usageLimit: 1 });
    const mug = await sellable({ stock: 10 });
    const first = await newCart();
    const second = await newCart();
    for (const cartId of [first, second]) {
      await add(cartId, mug.sku, 1);
      await applyCoupon(cartId, coupon.code);
    }
    expect((await checkout(first)).status).toBe(201);
    const res = await checkout(second);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "coupon_invalid", rule: "usage_limit", coupon: coupon.code });
    expect(await countRows("orders", "cart_id = ?", second)).toBe(0);
    expect(await stockOf(mug.sku)).toMatchObject({ reserved: 1 });
    expect((await couponOf(coupon.code)).used).toBe(1);
  });

  it("409 conflict for an empty cart", async () => {
    const cartId = await newCart();
    const res = await checkout(cartId);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict", reason: "cart_empty" });
    expect((await readCart(cartId)).body.locked).toBe(false);
  });

  it("409 conflict when pricing the held cart dropped a line; checking out again orders the rest", async () => {
    const kept = await sellable({ stock: 5 });
    const gone = await sellable({ stock: 5 });
    const cartId = await newCart();
    await add(cartId, kept.sku, 1);
    await add(cartId, gone.sku, 1);
    await catalogDatabase
      .prepare("UPDATE products SET status = 'archived' WHERE id = ?")
      .bind(gone.productId)
      .run();
    const res = await checkout(cartId);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "conflict",
      reason: "cart_changed",
      notices: [{ code: "removed_unavailable", sku: gone.sku }],
    });
    await expectNothingLeft(cartId, [kept.sku, gone.sku], [5, 5]);
    const again = await checkout(cartId);
    expect(again.status).toBe(201);
    expect(again.body.order.lines.map((l) => l.sku)).toEqual([kept.sku]);
  });

  it("404 for a cart that does not exist", async () => {
    const res = await checkout(`g_${"Q".repeat(43)}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "not_found" });
  });

  it("404 for another user's cart, and for a user cart checked out by a guest", async () => {
    const owner = customer();
    const mug = await sellable();
    const cartId = await newCart(owner);
    await add(cartId, mug.sku, 1, owner);
    expect((await checkout(cartId, { as: customer() })).status).toBe(404);
    expect((await checkout(cartId)).status).toBe(404);
    expect(await stockOf(mug.sku)).toMatchObject({ reserved: 0 });
  });

  it("a signed-in user may check out a guest cart", async () => {
    const mug = await sellable();
    const cartId = await newCart();
    await add(cartId, mug.sku, 1);
    const shopper = customer();
    const res = await checkout(cartId, { as: shopper });
    expect(res.status).toBe(201);
    expect(res.body.order.userId).toBe(shopper.userId);
  });
});
