import { createExecutionContext, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PricedCart } from "../cart.schemas";
import type { Coupon } from "../coupon.schemas";
import { CartService } from "../index";
import { add, admin, customer, makeCoupon, newCart, sellable } from "./factories";
import { api, self, testEnv } from "./harness";

const cartService = () => self.CartService;

/** Moves a cart's checkout hold into the past, as time passing would. */
async function expireHold(cartId: string): Promise<void> {
  await runInDurableObject(testEnv.CARTS.getByName(cartId), (_instance, state) => {
    state.storage.sql.exec("UPDATE cart_meta SET lock_expires_at = ? WHERE id = 1", Date.now() - 1);
  });
}

describe("CartService.getCart", () => {
  it("is the priced cart, as the API shows it to its owner", async () => {
    const mug = await sellable({ price: 1500 });
    const id = await newCart();
    await add(id, mug.sku, 2);
    const result = await cartService().getCart(id);
    const viaHttp = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(result).toEqual({ ok: true, cart: viaHttp.body });
  });

  it("is not_found as a value for a cart that does not exist", async () => {
    expect(await cartService().getCart(`g_${"C".repeat(43)}`)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await cartService().getCart("junk")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("throws a TypeError for malformed arguments (a caller's bug)", async () => {
    // Called in-process: a throw across RPC surfaces in the test pool as an unhandled rejection.
    const service = new CartService(createExecutionContext(), testEnv);
    await expect(service.getCart("")).rejects.toThrow(TypeError);
    await expect(service.beginCheckout("g_x", "c1", 0)).rejects.toThrow(TypeError);
    await expect(service.redeemCoupon({ code: "X", orderId: "o", subtotal: 1.5 })).rejects.toThrow(TypeError);
  });
});

describe("CartService.beginCheckout / endCheckout / clear", () => {
  it("holds the cart: edits answer 409 conflict until the checkout ends", async () => {
    const mug = await sellable();
    const other = await sellable();
    const coupon = await makeCoupon();
    const id = await newCart();
    await add(id, mug.sku, 1);
    const hold = await cartService().beginCheckout(id, "checkout-1", 600);
    expect(hold).toMatchObject({ ok: true, checkoutId: "checkout-1", cart: { id, locked: true } });
    if (!hold.ok) throw new Error("no hold");
    expect(hold.cart.lines.map((l) => l.sku)).toEqual([mug.sku]);
    expect(hold.expiresAt).toBeGreaterThan(Date.now() + 590_000);

    const edits = [
      await api("POST", `/api/carts/${id}/items`, { body: { sku: other.sku, quantity: 1 } }),
      await api("PATCH", `/api/carts/${id}/items/${mug.sku}`, { body: { quantity: 2 } }),
      await api("DELETE", `/api/carts/${id}/items/${mug.sku}`),
      await api("POST", `/api/carts/${id}/coupon`, { body: { code: coupon.code } }),
      await api("DELETE", `/api/carts/${id}/coupon`),
    ];
    for (const res of edits) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: "conflict",
        detail: expect.stringContaining("being checked out"),
      });
    }
    const read = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(read.body).toMatchObject({ locked: true, lines: [{ sku: mug.sku, quantity: 1 }] });

    expect(await cartService().endCheckout(id, "checkout-1")).toEqual({ ok: true });
    expect(await cartService().endCheckout(id, "checkout-1")).toEqual({ ok: true });
    const after = await api<PricedCart>("POST", `/api/carts/${id}/items`, {
      body: { sku: other.sku, quantity: 1 },
    });
    expect(after.status).toBe(200);
    expect(after.body.locked).toBe(false);
  });

  it("is idempotent for the same checkout and refuses another while the hold lasts", async () => {
    const mug = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    const first = await cartService().beginCheckout(id, "checkout-a", 600);
    const again = await cartService().beginCheckout(id, "checkout-a", 600);
    expect(again).toEqual(first);
    const other = await cartService().beginCheckout(id, "checkout-b", 600);
    expect(other).toMatchObject({ ok: false, code: "conflict" });
    expect(await cartService().endCheckout(id, "checkout-b")).toMatchObject({ ok: false, code: "conflict" });
    expect(await cartService().clear(id, "checkout-b")).toMatchObject({ ok: false, code: "conflict" });
  });

  it("lets the hold expire by itself", async () => {
    const mug = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    await cartService().beginCheckout(id, "checkout-slow", 60);
    await expireHold(id);
    const edit = await api<PricedCart>("PATCH", `/api/carts/${id}/items/${mug.sku}`, {
      body: { quantity: 2 },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.locked).toBe(false);
    const next = await cartService().beginCheckout(id, "checkout-next", 60);
    expect(next).toMatchObject({ ok: true, checkoutId: "checkout-next" });
  });

  it("clear empties lines and coupon and ends the hold", async () => {
    const mug = await sellable();
    const coupon = await makeCoupon();
    const id = await newCart();
    await add(id, mug.sku, 3);
    await api("POST", `/api/carts/${id}/coupon`, { body: { code: coupon.code } });
    await cartService().beginCheckout(id, "checkout-paid", 600);
    expect(await cartService().clear(id, "checkout-paid")).toEqual({ ok: true });
    const cart = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(cart.body).toMatchObject({ lines: [], coupon: null, locked: false });
    expect(cart.body.totals.total.amount).toBe(0);
    expect(await cartService().clear(id)).toEqual({ ok: true });
    expect(await cartService().clear(`g_${"D".repeat(43)}`)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses a merge into a user's cart while it is held", async () => {
    const me = customer();
    const mug = await sellable();
    const guest = await newCart();
    await add(guest, mug.sku, 1);
    await api("GET", "/api/cart", { as: me });
    await cartService().beginCheckout(`u_${me.userId}`, "checkout-user", 600);
    const res = await api("POST", "/api/cart/merge", { as: me, body: { guestCartId: guest } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict" });
    // The guest cart is untouched and free again.
    const guestCart = await api<PricedCart>("POST", `/api/carts/${guest}/items`, {
      body: { sku: mug.sku, quantity: 1 },
    });
    expect(guestCart.status).toBe(200);
    expect(guestCart.body.lines[0]?.quantity).toBe(2);
  });
});

describe("CartService.redeemCoupon / releaseCoupon", () => {
  const order = () => `order-${crypto.randomUUID()}`;

  it("counts one use per order, idempotently, and releases it idempotently", async () => {
    const coupon = await makeCoupon({ kind: "percent", value: 10, usageLimit: 5 });
    const orderId = order();
    const first = await cartService().redeemCoupon({
      code: coupon.code.toLowerCase(),
      orderId,
      subtotal: 1005,
      userId: "u1",
    });
    expect(first).toMatchObject({ ok: true, discount: 101, coupon: { code: coupon.code, used: 1 } });
    const again = await cartService().redeemCoupon({
      code: coupon.code,
      orderId,
      subtotal: 9999,
      userId: "u1",
    });
    expect(again).toMatchObject({ ok: true, discount: 101, coupon: { used: 1 } });

    expect(await cartService().releaseCoupon({ code: coupon.code, orderId })).toEqual({
      ok: true,
      released: true,
    });
    expect(await cartService().releaseCoupon({ code: coupon.code, orderId })).toEqual({
      ok: true,
      released: false,
    });
    const read = await api<Coupon>("GET", `/api/coupons/${coupon.code}`, { as: admin });
    expect(read.body.used).toBe(0);
    expect(await cartService().releaseCoupon({ code: "NOPE999", orderId })).toEqual({
      ok: true,
      released: false,
    });
  });

  it("re-checks every rule at redemption", async () => {
    const now = Date.now();
    const minOrder = await makeCoupon({ minOrder: 5000 });
    const expired = await makeCoupon({
      startsAt: new Date(now - 2000).toISOString(),
      endsAt: new Date(now - 1000).toISOString(),
    });
    const later = await makeCoupon({ startsAt: new Date(now + 60_000).toISOString() });
    const off = await makeCoupon({ active: false });
    const cases: [string, string, number?][] = [
      ["NO-SUCH-CODE", "unknown"],
      [minOrder.code, "min_order", 4999],
      [expired.code, "expired"],
      [later.code, "not_started"],
      [off.code, "inactive"],
    ];
    for (const [code, rule, subtotal] of cases) {
      const result = await cartService().redeemCoupon({
        code,
        orderId: order(),
        subtotal: subtotal ?? 10_000,
      });
      expect(result, rule).toMatchObject({ ok: false, code: "coupon_invalid", rule });
    }
    // `at` is the order's time: the coupon that starts later is fine for an order placed then.
    const placedLater = await cartService().redeemCoupon({
      code: later.code,
      orderId: order(),
      subtotal: 100,
      at: now + 120_000,
    });
    expect(placedLater).toMatchObject({ ok: true });
  });

  it("counts per-customer limits by user id, or by lower-cased email for guests", async () => {
    const coupon = await makeCoupon({ perUserLimit: 1 });
    const byEmail = await cartService().redeemCoupon({
      code: coupon.code,
      orderId: order(),
      subtotal: 100,
      email: "Ann@Example.com",
    });
    expect(byEmail.ok).toBe(true);
    const sameEmail = await cartService().redeemCoupon({
      code: coupon.code,
      orderId: order(),
      subtotal: 100,
      email: "ann@example.COM",
    });
    expect(sameEmail).toMatchObject({ ok: false, rule: "per_user_limit" });
    const user = await cartService().redeemCoupon({
      code: coupon.code,
      orderId: order(),
      subtotal: 100,
      userId: "user-9",
    });
    expect(user.ok).toBe(true);
    const sameUser = await cartService().redeemCoupon({
      code: coupon.code,
      orderId: order(),
      subtotal: 100,
      userId: "user-9",
    });
    expect(sameUser).toMatchObject({ ok: false, rule: "per_user_limit" });
  });

  it("gives exactly usageLimit uses to orders racing for them", async () => {
    const coupon = await makeCoupon({ usageLimit: 3 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        cartService().redeemCoupon({ code: coupon.code, orderId: order(), subtotal: 2000 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.rule === "usage_limit")).toBe(true);
    const read = await api<Coupon>("GET", `/api/coupons/${coupon.code}`, { as: admin });
    expect(read.body.used).toBe(3);
  });
});

describe("concurrent edits", () => {
  it("keep every unit of 50 adds at once to one cart (no lost update)", async () => {
    const shared = await sellable({ stock: 100 });
    const distinct = await Promise.all(Array.from({ length: 10 }, () => sellable({ stock: 10 })));
    const id = await newCart();
    const adds = [
      ...Array.from({ length: 40 }, () => ({ sku: shared.sku, quantity: 2 })),
      ...distinct.map((s) => ({ sku: s.sku, quantity: 3 })),
    ];
    const responses = await Promise.all(
      adds.map((body) => api<PricedCart>("POST", `/api/carts/${id}/items`, { body })),
    );
    // 40 × 2 = 80 units of the shared SKU fit its 99 limit and 100 in stock.
    expect(responses.map((r) => r.status)).toEqual(adds.map(() => 200));
    const cart = await api<PricedCart>("GET", `/api/carts/${id}`);
    const quantities = Object.fromEntries(cart.body.lines.map((l) => [l.sku, l.quantity]));
    expect(quantities).toEqual({
      [shared.sku]: 80,
      ...Object.fromEntries(distinct.map((s) => [s.sku, 3])),
    });
  });
});
