import { discountFor } from "../shared/money";
import type { CouponRule, CouponTerms } from "./coupon.schemas";

/** How much a coupon has been used: in all, and by the customer asking (null when unknown). */
export interface CouponUsage {
  used: number;
  usedByCustomer: number | null;
}

export type CouponVerdict = { ok: true; discount: number } | { ok: false; rule: CouponRule; detail: string };

const formatCents = (minor: number) => (minor / 100).toFixed(2);

/**
 * Whether `terms` can be used for `subtotal` at `at`, checked rule by rule in a fixed order (the
 * first failing rule is the one reported): active, started (`startsAt` inclusive), not ended
 * (`endsAt` exclusive), minimum order (`subtotal >= minOrder`), overall usage limit, per-customer
 * limit (skipped when the customer is unknown: an anonymous guest is counted by email at
 * checkout). Pure, so the cart's reads and the atomic redemption decide by the same rules.
 */
export function evaluateCoupon(
  terms: CouponTerms,
  context: { subtotal: number; at: number },
  usage: CouponUsage,
): CouponVerdict {
  const { code } = terms;
  if (!terms.active) return { ok: false, rule: "inactive", detail: `Coupon ${code} is not active.` };
  if (terms.startsAt !== null && context.at < terms.startsAt) {
    const from = new Date(terms.startsAt).toISOString();
    return { ok: false, rule: "not_started", detail: `Coupon ${code} is valid from ${from}.` };
  }
  if (terms.endsAt !== null && context.at >= terms.endsAt) {
    const until = new Date(terms.endsAt).toISOString();
    return { ok: false, rule: "expired", detail: `Coupon ${code} expired at ${until}.` };
  }
  if (context.subtotal < terms.minOrder) {
    return {
      ok: false,
      rule: "min_order",
      detail: `Coupon ${code} needs a subtotal of at least ${formatCents(terms.minOrder)}; the cart has ${formatCents(context.subtotal)}.`,
    };
  }
  if (terms.usageLimit !== null && usage.used >= terms.usageLimit) {
    return { ok: false, rule: "usage_limit", detail: `Coupon ${code} has been used up.` };
  }
  if (
    terms.perUserLimit !== null &&
    usage.usedByCustomer !== null &&
    usage.usedByCustomer >= terms.perUserLimit
  ) {
    const times = terms.perUserLimit === 1 ? "once" : `${terms.perUserLimit} times`;
    return { ok: false, rule: "per_user_limit", detail: `Coupon ${code} can be used ${times} per customer.` };
  }
  return { ok: true, discount: discountFor(terms, context.subtotal) };
}
