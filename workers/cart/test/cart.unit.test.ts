import { describe, expect, it } from "vitest";
import { cartFor, customerKey, parseCartId } from "../cart-ids";
import { mergedQuantity } from "../cart-lines";
import { type CouponTerms, couponCreateInput, couponTermProblems } from "../coupon.schemas";
import { type CouponUsage, evaluateCoupon } from "../coupon-rules";

const NOW = Date.parse("2026-05-01T12:00:00Z");
const terms = (over: Partial<CouponTerms> = {}): CouponTerms => ({
  code: "SAVE10",
  kind: "percent",
  value: 10,
  minOrder: 0,
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  perUserLimit: null,
  active: true,
  ...over,
});
const fresh: CouponUsage = { used: 0, usedByCustomer: 0 };
const at = (subtotal: number, when = NOW) => ({ subtotal, at: when });

describe("evaluateCoupon", () => {
  it("gives the discount when every rule is met", () => {
    expect(evaluateCoupon(terms(), at(2000), fresh)).toEqual({ ok: true, discount: 200 });
    expect(evaluateCoupon(terms({ kind: "fixed", value: 500 }), at(300), fresh)).toEqual({
      ok: true,
      discount: 300,
    });
  });

  it("names each failing rule", () => {
    const rule = (t: Partial<CouponTerms>, usage: CouponUsage = fresh, subtotal = 2000) => {
      const verdict = evaluateCoupon(terms(t), at(subtotal), usage);
      return verdict.ok ? "ok" : verdict.rule;
    };
    expect(rule({ active: false })).toBe("inactive");
    expect(rule({ startsAt: NOW + 1 })).toBe("not_started");
    expect(rule({ startsAt: NOW })).toBe("ok");
    expect(rule({ endsAt: NOW })).toBe("expired");
    expect(rule({ endsAt: NOW + 1 })).toBe("ok");
    expect(rule({ minOrder: 2001 })).toBe("min_order");
    expect(rule({ minOrder: 2000 })).toBe("ok");
    expect(rule({ usageLimit: 3 }, { used: 3, usedByCustomer: 0 })).toBe("usage_limit");
    expect(rule({ usageLimit: 3 }, { used: 2, usedByCustomer: 0 })).toBe("ok");
    expect(rule({ perUserLimit: 1 }, { used: 1, usedByCustomer: 1 })).toBe("per_user_limit");
    // An unknown customer (anonymous guest) is not held to the per-customer limit here.
    expect(rule({ perUserLimit: 1 }, { used: 1, usedByCustomer: null })).toBe("ok");
  });

  it("reports the first failing rule in a fixed order", () => {
    const verdict = evaluateCoupon(
      terms({ active: false, endsAt: NOW - 1, minOrder: 10_000 }),
      at(10),
      fresh,
    );
    expect(verdict).toMatchObject({ ok: false, rule: "inactive" });
  });
});

describe("coupon terms", () => {
  it("refuse a percent over 100 and an end not after the start", () => {
    expect(couponTermProblems({ ...terms({ value: 101 }) })).toEqual([
      { path: "value", message: "A percent coupon takes 1 to 100 percent off." },
    ]);
    expect(couponTermProblems(terms({ startsAt: NOW, endsAt: NOW }))).toHaveLength(1);
    expect(couponTermProblems(terms({ kind: "fixed", value: 5000 }))).toEqual([]);
  });

  it("normalise the code to upper case and fill defaults", () => {
    const parsed = couponCreateInput.parse({ code: " save10 ", kind: "fixed", value: 500 });
    expect(parsed).toEqual({
      code: "SAVE10",
      kind: "fixed",
      value: 500,
      minOrder: 0,
      startsAt: null,
      endsAt: null,
      usageLimit: null,
      perUserLimit: null,
      active: true,
    });
  });
});

describe("mergedQuantity", () => {
  const entry = (quantity: number, available: number) => ({ sku: "MUG-1", quantity, available });

  it("sums both carts when stock and the line limit allow", () => {
    expect(mergedQuantity(2, entry(3, 10))).toEqual({ quantity: 5, adjustment: null });
    expect(mergedQuantity(0, entry(3, 3))).toEqual({ quantity: 3, adjustment: null });
  });

  it("caps what the guest adds by stock, never below what the user's cart held", () => {
    expect(mergedQuantity(3, entry(3, 4))).toEqual({
      quantity: 4,
      adjustment: { sku: "MUG-1", requested: 3, quantity: 4, reason: "capped_by_stock" },
    });
    expect(mergedQuantity(5, entry(2, 1)).quantity).toBe(5);
    expect(mergedQuantity(0, entry(2, 0))).toMatchObject({
      quantity: 0,
      adjustment: { reason: "capped_by_stock" },
    });
  });

  it("caps at 99 units per line", () => {
    expect(mergedQuantity(90, entry(20, 500))).toEqual({
      quantity: 99,
      adjustment: { sku: "MUG-1", requested: 20, quantity: 99, reason: "capped_by_limit" },
    });
  });
});

describe("cart ids", () => {
  const guestId = `g_${"a".repeat(43)}`;

  it("tell guest carts from user carts and refuse anything else", () => {
    expect(parseCartId(guestId)).toEqual({ id: guestId, kind: "guest" });
    expect(parseCartId("u_42")).toEqual({ id: "u_42", kind: "user", userId: "42" });
    for (const id of ["", "g_", "g_short", `g_${"a".repeat(44)}`, "u_", "x_1", `u_${"1".repeat(129)}`]) {
      expect(parseCartId(id), id).toBeNull();
    }
  });

  it("open a user cart to its owner only, and any guest cart to anyone holding the id", () => {
    const owner = { userId: "42", role: "customer" as const };
    expect(cartFor("u_42", owner)).not.toBeNull();
    expect(cartFor("u_42", { userId: "43", role: "admin" })).toBeNull();
    expect(cartFor("u_42", null)).toBeNull();
    expect(cartFor(guestId, null)).not.toBeNull();
  });

  it("key customers by user id, else by lower-cased email", () => {
    expect(customerKey({ userId: "42", email: "A@B.C" })).toBe("user:42");
    expect(customerKey({ email: " Ann@Example.COM " })).toBe("email:ann@example.com");
    expect(customerKey({})).toBeNull();
  });
});
