import { describe, expect, it } from "vitest";
import { computeTotals, discountFor, fractionHalfUp, type TotalsConfig } from "../../shared/money";

const config: TotalsConfig = { taxRateBps: 800, freeShippingThreshold: 10_000, shippingFlatRate: 599 };
const usd = (amount: number) => ({ amount, currency: "USD" });
const line = (amount: number, quantity = 1) => ({ unitPrice: usd(amount), quantity });
const amounts = (totals: ReturnType<typeof computeTotals>) => ({
  subtotal: totals.subtotal.amount,
  discount: totals.discount.amount,
  tax: totals.tax.amount,
  shipping: totals.shipping.amount,
  total: totals.total.amount,
});

describe("computeTotals", () => {
  it("adds lines, 8% tax and flat shipping under the threshold", () => {
    const totals = computeTotals({ lines: [line(1999, 2), line(500)], coupon: null, config });
    // 4498 subtotal; 8% = 359.84 -> 360; under $100 -> 599 shipping.
    expect(amounts(totals)).toEqual({ subtotal: 4498, discount: 0, tax: 360, shipping: 599, total: 5457 });
    expect(totals.total.currency).toBe("USD");
  });

  it("ships free at exactly the threshold, and charges one cent under it", () => {
    const at = computeTotals({ lines: [line(10_000)], coupon: null, config });
    expect(amounts(at)).toEqual({ subtotal: 10_000, discount: 0, tax: 800, shipping: 0, total: 10_800 });
    const under = computeTotals({ lines: [line(9_999)], coupon: null, config });
    expect(under.shipping.amount).toBe(599);
    expect(under.total.amount).toBe(9_999 + 800 + 599);
  });

  it("judges free shipping after the discount", () => {
    const totals = computeTotals({ lines: [line(10_500)], coupon: { kind: "fixed", value: 501 }, config });
    expect(amounts(totals)).toEqual({
      subtotal: 10_500,
      discount: 501,
      tax: 800,
      shipping: 599,
      total: 11_398,
    });
  });

  it("rounds tax half-up to the cent", () => {
    // 8% of 1006 = 80.48 -> 80; of 1007 = 80.56 -> 81.
    expect(computeTotals({ lines: [line(1006)], coupon: null, config }).tax.amount).toBe(80);
    expect(computeTotals({ lines: [line(1007)], coupon: null, config }).tax.amount).toBe(81);
    // 10% of 1005 = 100.5 -> 101 (half-up; banker's rounding would give 100).
    const tenPercent = { ...config, taxRateBps: 1000 };
    expect(computeTotals({ lines: [line(1005)], coupon: null, config: tenPercent }).tax.amount).toBe(101);
    // 10% of 1025 = 102.5 -> 103; of 1024 = 102.4 -> 102.
    expect(computeTotals({ lines: [line(1025)], coupon: null, config: tenPercent }).tax.amount).toBe(103);
    expect(computeTotals({ lines: [line(1024)], coupon: null, config: tenPercent }).tax.amount).toBe(102);
  });

  it("taxes the discounted subtotal, never shipping", () => {
    const totals = computeTotals({ lines: [line(5000)], coupon: { kind: "percent", value: 20 }, config });
    // 5000 - 1000 = 4000; 8% = 320; under $100 -> shipping 599, untaxed.
    expect(amounts(totals)).toEqual({ subtotal: 5000, discount: 1000, tax: 320, shipping: 599, total: 4919 });
  });

  it("rounds a percent discount half-up to the cent", () => {
    // 10% of 1005 = 100.5 -> 101; 15% of 1010 = 151.5 -> 152; 15% of 1003 = 150.45 -> 150.
    expect(
      computeTotals({ lines: [line(1005)], coupon: { kind: "percent", value: 10 }, config }).discount.amount,
    ).toBe(101);
    expect(discountFor({ kind: "percent", value: 15 }, 1010)).toBe(152);
    expect(discountFor({ kind: "percent", value: 15 }, 1003)).toBe(150);
    expect(discountFor({ kind: "percent", value: 100 }, 4321)).toBe(4321);
  });

  it("caps a fixed discount at the subtotal", () => {
    const totals = computeTotals({ lines: [line(700)], coupon: { kind: "fixed", value: 1000 }, config });
    // Nothing left to tax; still something to ship.
    expect(amounts(totals)).toEqual({ subtotal: 700, discount: 700, tax: 0, shipping: 599, total: 599 });
    expect(discountFor({ kind: "fixed", value: 250 }, 700)).toBe(250);
  });

  it("is all zero for an empty cart (nothing to ship), in the configured currency", () => {
    const totals = computeTotals({ lines: [], coupon: { kind: "fixed", value: 500 }, config });
    expect(amounts(totals)).toEqual({ subtotal: 0, discount: 0, tax: 0, shipping: 0, total: 0 });
    expect(totals.total.currency).toBe("USD");
    expect(
      computeTotals({ lines: [], coupon: null, config: { ...config, currency: "EUR" } }).total.currency,
    ).toBe("EUR");
  });

  it("refuses lines in two currencies and amounts that are not whole minor units", () => {
    const eur = { unitPrice: { amount: 100, currency: "EUR" }, quantity: 1 };
    expect(() => computeTotals({ lines: [line(100), eur], coupon: null, config })).toThrow(TypeError);
    expect(() => computeTotals({ lines: [line(10.5)], coupon: null, config })).toThrow(TypeError);
    expect(() => computeTotals({ lines: [line(100, 0)], coupon: null, config })).toThrow(TypeError);
    expect(() => discountFor({ kind: "percent", value: 101 }, 100)).toThrow(TypeError);
  });
});

describe("fractionHalfUp", () => {
  it("rounds exact halves up and everything else to the nearest", () => {
    expect(fractionHalfUp(1, 1, 2)).toBe(1);
    expect(fractionHalfUp(3, 1, 2)).toBe(2);
    expect(fractionHalfUp(149, 1, 100)).toBe(1);
    expect(fractionHalfUp(150, 1, 100)).toBe(2);
    expect(fractionHalfUp(0, 800, 10_000)).toBe(0);
  });
});
