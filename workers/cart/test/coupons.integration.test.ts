import { describe, expect, it } from "vitest";
import type { PricedCart } from "../cart.schemas";
import type { Coupon } from "../coupon.schemas";
import { add, admin, couponCode, customer, makeCoupon, newCart, sellable } from "./factories";
import { api, self } from "./harness";

const usd = (amount: number) => ({ amount, currency: "USD" });
const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Uses up `times` redemptions of a coupon through the checkout RPC. */
async function redeem(code: string, times: number, who: { userId?: string; email?: string } = {}) {
  for (let i = 0; i < times; i++) {
    const result = await self.CartService.redeemCoupon({
      code,
      orderId: `order-${crypto.randomUUID()}`,
      subtotal: 10_000,
      ...who,
    });
    if (!result.ok) throw new Error(`redeem failed: ${result.detail}`);
  }
}

describe("admin: /api/coupons", () => {
  it("creates, reads, lists and changes coupons", async () => {
    const code = couponCode();
    const created = await api<Coupon>("POST", "/api/coupons", {
      as: admin,
      body: {
        code: code.toLowerCase(),
        kind: "fixed",
        value: 500,
        minOrder: 2000,
        startsAt: "2026-01-01T00:00:00Z",
        endsAt: "2099-01-01T00:00:00.000+02:00",
        usageLimit: 100,
        perUserLimit: 1,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code,
      kind: "fixed",
      value: 500,
      minOrder: 2000,
      startsAt: "2026-01-01T00:00:00.000Z",
      endsAt: "2098-12-31T22:00:00.000Z",
      usageLimit: 100,
      perUserLimit: 1,
      active: true,
      used: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await api<Coupon>("GET", `/api/coupons/${code.toLowerCase()}`, { as: admin });
    expect(read.body).toEqual(created.body);

    const changed = await api<Coupon>("PATCH", `/api/coupons/${code}`, {
      as: admin,
      body: { kind: "percent", value: 15, active: false, endsAt: null },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      code,
      kind: "percent",
      value: 15,
      active: false,
      endsAt: null,
      minOrder: 2000,
    });

    const list = await api<{ items: Coupon[]; total: number; page: number; limit: number }>(
      "GET",
      "/api/coupons?limit=100",
      { as: admin },
    );
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, limit: 100 });
    expect(list.body.items.map((c) => c.code)).toContain(code);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
  });

  it("treats codes case-insensitively: a second SAVE10 in any case is 409", async () => {
    const code = couponCode();
    await makeCoupon({ code });
    const again = await api("POST", "/api/coupons", {
      as: admin,
      body: { code: code.toLowerCase(), kind: "percent", value: 5 },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "conflict" });
  });

  it("answers 400 with field errors for bad terms, also when a change makes them inconsistent", async () => {
    const bad = await api("POST", "/api/coupons", {
      as: admin,
      body: { code: "x", kind: "half", value: 0, usageLimit: 0, startsAt: "tomorrow", extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "validation_failed" });
    const paths = (bad.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["code", "kind", "value", "usageLimit", "startsAt"]));

    const percent = await api("POST", "/api/coupons", {
      as: admin,
      body: { code: couponCode(), kind: "percent", value: 101 },
    });
    expect(percent.status).toBe(400);
    expect(percent.body.errors).toEqual([
      { path: "value", message: "A percent coupon takes 1 to 100 percent off." },
    ]);
    const dates = await api("POST", "/api/coupons", {
      as: admin,
      body: {
        code: couponCode(),
        kind: "fixed",
        value: 1,
        startsAt: iso(Date.now()),
        endsAt: iso(Date.now() - DAY),
      },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.errors).toEqual([{ path: "endsAt", message: "The end must be after the start." }]);

    const fixed = await makeCoupon({ kind: "fixed", value: 5000 });
    const toPercent = await api("PATCH", `/api/coupons/${fixed.code}`, {
      as: admin,
      body: { kind: "percent" },
    });
    expect(toPercent.status).toBe(400);
    expect(toPercent.body.errors).toEqual([
      { path: "value", message: "A percent coupon takes 1 to 100 percent off." },
    ]);
    const empty = await api("PATCH", `/api/coupons/${fixed.code}`, { as: admin, body: {} });
    expect(empty.status).toBe(400);
    const unchanged = await api<Coupon>("GET", `/api/coupons/${fixed.code}`, { as: admin });
    expect(unchanged.body).toMatchObject({ kind: "fixed", value: 5000 });
  });

  it("answers 404 for a coupon that does not exist", async () => {
    expect((await api("GET", "/api/coupons/NOPE123", { as: admin })).status).toBe(404);
    const patch = await api("PATCH", "/api/coupons/NOPE123", { as: admin, body: { value: 5 } });
    expect(patch.status).toBe(404);
  });
});

describe("POST and DELETE /api/carts/:id/coupon", () => {
  it("applies a coupon (any letter case) to the totals, and removes it", async () => {
    const mug = await sellable({ price: 2500 });
    const coupon = await makeCoupon({ kind: "percent", value: 10 });
    const id = await newCart();
    await add(id, mug.sku, 2);
    const res = await api<PricedCart>("POST", `/api/carts/${id}/coupon`, {
      body: { code: coupon.code.toLowerCase() },
    });
    expect(res.status).toBe(200);
    expect(res.body.coupon).toEqual({
      code: coupon.code,
      kind: "percent",
      value: 10,
      minOrder: 0,
      applied: true,
      rule: null,
      discount: usd(500),
    });
    // 5000 - 500 = 4500; tax 360; shipping 599.
    expect(res.body.totals).toEqual({
      subtotal: usd(5000),
      discount: usd(500),
      tax: usd(360),
      shipping: usd(599),
      total: usd(5459),
    });
    const removed = await api<PricedCart>("DELETE", `/api/carts/${id}/coupon`);
    expect(removed.status).toBe(200);
    expect(removed.body.coupon).toBeNull();
    expect(removed.body.totals.discount).toEqual(usd(0));
  });

  it("caps a fixed coupon at the subtotal", async () => {
    const mug = await sellable({ price: 300 });
    const coupon = await makeCoupon({ kind: "fixed", value: 1000 });
    const id = await newCart();
    await add(id, mug.sku, 1);
    const res = await api<PricedCart>("POST", `/api/carts/${id}/coupon`, { body: { code: coupon.code } });
    expect(res.body.totals).toMatchObject({
      subtotal: usd(300),
      discount: usd(300),
      tax: usd(0),
      total: usd(599),
    });
  });

  it("refuses with 422 coupon_invalid naming the rule that fails", async () => {
    const mug = await sellable({ price: 1000 });
    const now = Date.now();
    const me = customer();
    const cases: [string, Promise<Coupon> | null, string][] = [
      ["unknown", null, "NO-SUCH-COUPON"],
      ["inactive", makeCoupon({ active: false }), ""],
      ["not_started", makeCoupon({ startsAt: iso(now + DAY) }), ""],
      ["expired", makeCoupon({ startsAt: iso(now - 2 * DAY), endsAt: iso(now - DAY) }), ""],
      ["min_order", makeCoupon({ minOrder: 5000 }), ""],
    ];
    const usedUp = await makeCoupon({ usageLimit: 2 });
    await redeem(usedUp.code, 2);
    const oncePerCustomer = await makeCoupon({ perUserLimit: 1 });
    await redeem(oncePerCustomer.code, 1, { userId: me.userId });

    const id = `u_${me.userId}`;
    await add(id, mug.sku, 2, me);
    const attempts: [string, string][] = [
      ...(await Promise.all(
        cases.map(async ([rule, made, code]) => [rule, made ? (await made).code : code] as [string, string]),
      )),
      ["usage_limit", usedUp.code],
      ["per_user_limit", oncePerCustomer.code],
    ];
    for (const [rule, code] of attempts) {
      const res = await api("POST", `/api/carts/${id}/coupon`, { as: me, body: { code } });
      expect(res.status, rule).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body, rule).toMatchObject({ code: "coupon_invalid", rule });
      expect(String(res.body.detail)).not.toBe("");
    }
    const cart = await api<PricedCart>("GET", `/api/carts/${id}`, { as: me });
    expect(cart.body.coupon).toBeNull();

    // The per-customer limit is the customer's: someone else may still use the coupon.
    const other = customer();
    await add(`u_${other.userId}`, mug.sku, 1, other);
    const theirs = await api("POST", `/api/carts/u_${other.userId}/coupon`, {
      as: other,
      body: { code: oncePerCustomer.code },
    });
    expect(theirs.status).toBe(200);
  });

  it("answers 400 for a missing code", async () => {
    const id = await newCart();
    const res = await api("POST", `/api/carts/${id}/coupon`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ path: "code" }] });
  });

  it("keeps a coupon that stops qualifying attached, at no discount and with a notice, until it qualifies again", async () => {
    const mug = await sellable({ price: 2000 });
    const coupon = await makeCoupon({ kind: "fixed", value: 500, minOrder: 4000 });
    const id = await newCart();
    await add(id, mug.sku, 2);
    await api("POST", `/api/carts/${id}/coupon`, { body: { code: coupon.code } });
    const lowered = await api<PricedCart>("PATCH", `/api/carts/${id}/items/${mug.sku}`, {
      body: { quantity: 1 },
    });
    expect(lowered.body.coupon).toMatchObject({
      code: coupon.code,
      applied: false,
      rule: "min_order",
      discount: usd(0),
    });
    expect(lowered.body.totals.discount).toEqual(usd(0));
    expect(lowered.body.notices).toEqual([
      { code: "coupon_not_applied", rule: "min_order", message: expect.stringContaining("at least 40.00") },
    ]);
    const raised = await api<PricedCart>("PATCH", `/api/carts/${id}/items/${mug.sku}`, {
      body: { quantity: 2 },
    });
    expect(raised.body.coupon).toMatchObject({ applied: true, discount: usd(500) });
    expect(raised.body.notices).toEqual([]);
  });

  it("stops discounting a coupon that expired or was switched off since it was applied", async () => {
    const mug = await sellable({ price: 2000 });
    const coupon = await makeCoupon();
    const id = await newCart();
    await add(id, mug.sku, 1);
    await api("POST", `/api/carts/${id}/coupon`, { body: { code: coupon.code } });
    await api("PATCH", `/api/coupons/${coupon.code}`, {
      as: admin,
      body: { endsAt: iso(Date.now() - 1000) },
    });
    const expired = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(expired.body.coupon).toMatchObject({ applied: false, rule: "expired" });
    expect(expired.body.notices).toEqual([
      expect.objectContaining({ code: "coupon_not_applied", rule: "expired" }),
    ]);
    await api("PATCH", `/api/coupons/${coupon.code}`, { as: admin, body: { endsAt: null, active: false } });
    const inactive = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(inactive.body.coupon).toMatchObject({ applied: false, rule: "inactive" });
  });
});
