/**
 * The shop's one money module: every total a shopper sees (cart, checkout, order) comes from
 * `computeTotals`, so the cart and the order can never disagree by a cent.
 *
 * All amounts are integers in minor units (cents) of ONE currency; nothing here ever holds a
 * fraction of a cent. The rules:
 *
 * - subtotal = Σ unit price × quantity.
 * - discount: a percent coupon takes `value`% of the subtotal, rounded half-up to the cent; a fixed
 *   coupon takes `value` minor units, capped at the subtotal (a discount never makes money owed
 *   negative).
 * - tax = `taxRateBps` basis points of (subtotal − discount), rounded half-up. Shipping is not taxed.
 * - shipping is free when (subtotal − discount) >= `freeShippingThreshold` (exactly the threshold
 *   ships free: "free shipping from $100"); otherwise `shippingFlatRate`; and 0 for an empty cart
 *   (there is nothing to ship).
 * - total = subtotal − discount + tax + shipping.
 *
 * Half-up (x.5 cents go up) rather than banker's rounding: it is what shoppers and most tax
 * authorities expect of a single rounded figure. All amounts here are >= 0, so "half-up" and
 * "half away from zero" are the same thing.
 */

/** An amount of money (API.md): integer minor units plus an ISO 4217 currency code. */
export interface Money {
  amount: number;
  currency: string;
}

/** The shop's currency when there is no line to take one from (an empty cart). */
export const DEFAULT_CURRENCY = "USD";

/** A coupon's terms as far as money is concerned. */
export interface DiscountTerms {
  kind: "percent" | "fixed";
  /** Percent 1..100, or minor units for `fixed`. */
  value: number;
}

/** Tax and shipping settings (the cart worker's vars). */
export interface TotalsConfig {
  /** Tax rate in basis points: 800 = 8%. */
  taxRateBps: number;
  /** (subtotal − discount) at or above this ships free, in minor units. */
  freeShippingThreshold: number;
  /** Shipping below the threshold, in minor units. */
  shippingFlatRate: number;
  /** Currency of an empty cart's totals; defaults to DEFAULT_CURRENCY. */
  currency?: string;
}

export interface Totals {
  subtotal: Money;
  discount: Money;
  tax: Money;
  shipping: Money;
  total: Money;
}

export interface PricedQuantity {
  unitPrice: Money;
  quantity: number;
}

function assertMinorUnits(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${what} must be a whole number of minor units >= 0, got ${value}.`);
  }
}

/**
 * `amount × numerator / denominator`, rounded half-up, in integer arithmetic (no float can turn
 * 100.5 into 100.49999). For the non-negative amounts and rates of the shop.
 */
export function fractionHalfUp(amount: number, numerator: number, denominator: number): number {
  return Math.floor((amount * numerator + denominator / 2) / denominator);
}

/** The discount a coupon gives on `subtotal` (minor units): percent half-up, fixed capped. */
export function discountFor(terms: DiscountTerms, subtotal: number): number {
  assertMinorUnits(subtotal, "subtotal");
  if (terms.kind === "percent") {
    if (!Number.isInteger(terms.value) || terms.value < 0 || terms.value > 100) {
      throw new TypeError(`A percent discount must be 0..100, got ${terms.value}.`);
    }
    return fractionHalfUp(subtotal, terms.value, 100);
  }
  assertMinorUnits(terms.value, "fixed discount");
  return Math.min(terms.value, subtotal);
}

/** `money(1999, "USD")` -> `{ amount: 1999, currency: "USD" }`. */
export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

/**
 * Subtotal, discount, tax, shipping and total of `lines` by the rules above. `coupon` null means
 * no discount. Throws a TypeError for lines in more than one currency or for amounts that are
 * not whole minor units: those are bugs of the caller, never a shopper's input.
 */
export function computeTotals(input: {
  lines: readonly PricedQuantity[];
  coupon: DiscountTerms | null;
  config: TotalsConfig;
}): Totals {
  const { lines, coupon, config } = input;
  const currency = lines[0]?.unitPrice.currency ?? config.currency ?? DEFAULT_CURRENCY;
  let subtotal = 0;
  for (const line of lines) {
    if (line.unitPrice.currency !== currency) {
      throw new TypeError(`Lines in ${currency} and ${line.unitPrice.currency} cannot share one total.`);
    }
    assertMinorUnits(line.unitPrice.amount, "unit price");
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new TypeError(`A line quantity must be a whole number >= 1, got ${line.quantity}.`);
    }
    subtotal += line.unitPrice.amount * line.quantity;
  }
  const discount = coupon ? discountFor(coupon, subtotal) : 0;
  const taxable = subtotal - discount;
  const tax = fractionHalfUp(taxable, config.taxRateBps, 10_000);
  let shipping = 0;
  if (lines.length > 0 && taxable < config.freeShippingThreshold) shipping = config.shippingFlatRate;
  return {
    subtotal: money(subtotal, currency),
    discount: money(discount, currency),
    tax: money(tax, currency),
    shipping: money(shipping, currency),
    total: money(taxable + tax + shipping, currency),
  };
}
