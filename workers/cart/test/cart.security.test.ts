import { describe, expect, it } from "vitest";
import type { Caller } from "../../shared/caller";
import type { PricedCart } from "../cart.schemas";
import { add, admin, customer, makeCoupon, newCart, sellable } from "./factories";
import { api } from "./harness";

describe("user carts are their owner's alone", () => {
  it("answers 404 to anyone else, signed in or not, admins included, for every cart route", async () => {
    const owner = customer();
    const mug = await sellable();
    const coupon = await makeCoupon();
    const id = `u_${owner.userId}`;
    await add(id, mug.sku, 1, owner);
    const others: (Caller | undefined)[] = [
      customer(),
      admin,
      { userId: "seller-x", role: "seller" },
      undefined,
    ];
    for (const as of others) {
      const attempts = [
        await api("GET", `/api/carts/${id}`, { as }),
        await api("POST", `/api/carts/${id}/items`, { as, body: { sku: mug.sku, quantity: 1 } }),
        await api("PATCH", `/api/carts/${id}/items/${mug.sku}`, { as, body: { quantity: 3 } }),
        await api("DELETE", `/api/carts/${id}/items/${mug.sku}`, { as }),
        await api("POST", `/api/carts/${id}/coupon`, { as, body: { code: coupon.code } }),
        await api("DELETE", `/api/carts/${id}/coupon`, { as }),
      ];
      for (const res of attempts) {
        expect(res.status, `${as?.userId ?? "anonymous"}`).toBe(404);
        expect(res.body).toMatchObject({ code: "not_found", detail: `No cart with id ${id}.` });
      }
    }
    const mine = await api<PricedCart>("GET", `/api/carts/${id}`, { as: owner });
    expect(mine.body.lines.map((l) => [l.sku, l.quantity])).toEqual([[mug.sku, 1]]);
    expect(mine.body.coupon).toBeNull();
  });

  it("does not confirm that another user's cart exists: the same answer as a user with no cart", async () => {
    const owner = customer();
    await api("GET", "/api/cart", { as: owner });
    const stranger = customer();
    const existing = await api("GET", `/api/carts/u_${owner.userId}`, { as: stranger });
    const missing = await api("GET", "/api/carts/u_nobody-at-all", { as: stranger });
    expect(existing.status).toBe(missing.status);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(missing.body).sort());
  });
});

describe("guest carts", () => {
  it("are open to whoever holds the id, signed in or not", async () => {
    const mug = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    const res = await api<PricedCart>("GET", `/api/carts/${id}`, { as: customer() });
    expect(res.status).toBe(200);
    expect(res.body.lines).toHaveLength(1);
  });
});

describe("signed-in routes", () => {
  it("GET /api/cart is 401 when anonymous", async () => {
    const res = await api("GET", "/api/cart");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ code: "unauthorized" });
  });

  it("POST /api/cart/merge is 401 when anonymous, before the body is looked at", async () => {
    const bad = await api("POST", "/api/cart/merge", { body: { nope: true } });
    expect(bad.status).toBe(401);
    const good = await api("POST", "/api/cart/merge", { body: { guestCartId: await newCart() } });
    expect(good.status).toBe(401);
  });
});

describe("/api/coupons is for admins", () => {
  const routes: [string, string, unknown?][] = [
    ["GET", "/api/coupons"],
    ["POST", "/api/coupons", { code: "HACK50", kind: "percent", value: 50 }],
    ["POST", "/api/coupons", { nonsense: true }],
    ["GET", "/api/coupons/HACK50"],
    ["PATCH", "/api/coupons/HACK50", { value: 90 }],
  ];

  it("answers 401 to anonymous callers and 403 to customers and sellers", async () => {
    for (const [method, path, body] of routes) {
      const anonymous = await api(method, path, { body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      for (const as of [customer(), { userId: "seller-1", role: "seller" } as Caller]) {
        const res = await api(method, path, { as, body });
        expect(res.status, `${as.role} ${method} ${path}`).toBe(403);
        expect(res.body).toMatchObject({ code: "forbidden" });
      }
    }
    const check = await api("GET", "/api/coupons/HACK50", { as: admin });
    expect(check.status).toBe(404);
  });
});
