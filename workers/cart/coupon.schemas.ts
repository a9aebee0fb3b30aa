import { z } from "zod";
import type { FieldError } from "../shared/errors";

/**
 * Coupons: the admin API's input (`/api/coupons`), the stored terms, and the answers of the
 * CouponsDO. Imports no runtime code beyond zod, so the storefront's admin forms can share it.
 *
 * Amounts (`value` of a fixed coupon, `minOrder`) are plain integers in the shop's minor units,
 * like the `minPrice`/`maxPrice` filters: a coupon has no currency of its own.
 */

export const COUPON_KINDS = ["percent", "fixed"] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** Largest amount accepted, in minor units: a typo guard (a million in major units). */
export const MAX_COUPON_AMOUNT = 100_000_000;

/**
 * A coupon code: 3-32 letters, digits, '-' or '_'. Codes are case-insensitive: they are stored
 * and shown upper-case, so `save10` and `SAVE10` are the same coupon.
 */
export const couponCodeSchema = z
  .string("Enter a coupon code.")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, "A code is 3-32 letters, digits, '-' or '_'.");

const amountSchema = z
  .number("Enter an amount in minor units (cents).")
  .int("Use whole minor units (cents), e.g. 1000 for 10.00.")
  .min(0, "Use 0 or more.")
  .max(MAX_COUPON_AMOUNT, `Use at most ${MAX_COUPON_AMOUNT} minor units.`);
const limitSchema = z.number().int("Use a whole number.").min(1, "Use at least 1 (or null for no limit).");
const instantSchema = z.iso.datetime({
  offset: true,
  error: "Use an ISO 8601 date-time, e.g. 2026-05-01T00:00:00Z.",
});

const termFields = {
  kind: z.enum(COUPON_KINDS, "Use 'percent' or 'fixed'."),
  /** Percent off (1..100) or, for a fixed coupon, minor units off. */
  value: amountSchema.min(1, "A coupon must take at least 1 off."),
  /** Smallest subtotal (minor units) the coupon applies to; 0 for none. */
  minOrder: amountSchema,
  /** Valid from (inclusive); null for at once. */
  startsAt: instantSchema.nullable(),
  /** Valid until (exclusive); null for no end. */
  endsAt: instantSchema.nullable(),
  /** Redemptions in all (orders); null for no limit. */
  usageLimit: limitSchema.nullable(),
  /** Redemptions per customer (by user id, or by email for guests); null for no limit. */
  perUserLimit: limitSchema.nullable(),
  active: z.boolean(),
};

/** The terms of a coupon as stored (instants as epoch ms). */
export interface CouponTerms {
  code: string;
  kind: CouponKind;
  value: number;
  minOrder: number;
  startsAt: number | null;
  endsAt: number | null;
  usageLimit: number | null;
  perUserLimit: number | null;
  active: boolean;
}

/** The changeable terms (all but the code). */
export type CouponPatch = Partial<Omit<CouponTerms, "code">>;

/**
 * Problems of a whole set of terms that no single field shows: a percent over 100, an end not
 * after the start. Used on create and again on update, against the terms after the change, so a
 * PATCH of one field cannot leave a coupon inconsistent.
 */
export function couponTermProblems(terms: Omit<CouponTerms, "code">): FieldError[] {
  const problems: FieldError[] = [];
  if (terms.kind === "percent" && terms.value > 100) {
    problems.push({ path: "value", message: "A percent coupon takes 1 to 100 percent off." });
  }
  if (terms.startsAt !== null && terms.endsAt !== null && terms.endsAt <= terms.startsAt) {
    problems.push({ path: "endsAt", message: "The end must be after the start." });
  }
  return problems;
}

function addTermProblems(
  input: { kind?: CouponKind; value?: number; startsAt?: string | null; endsAt?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (input.kind === undefined || input.value === undefined) return;
  const problems = couponTermProblems({
    kind: input.kind,
    value: input.value,
    minOrder: 0,
    startsAt: input.startsAt ? Date.parse(input.startsAt) : null,
    endsAt: input.endsAt ? Date.parse(input.endsAt) : null,
    usageLimit: null,
    perUserLimit: null,
    active: true,
  });
  for (const p of problems) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
}

/** `POST /api/coupons`. */
export const couponCreateInput = z
  .strictObject({
    code: couponCodeSchema,
    kind: termFields.kind,
    value: termFields.value,
    minOrder: termFields.minOrder.default(0),
    startsAt: termFields.startsAt.default(null),
    endsAt: termFields.endsAt.default(null),
    usageLimit: termFields.usageLimit.default(null),
    perUserLimit: termFields.perUserLimit.default(null),
    active: termFields.active.default(true),
  })
  .superRefine(addTermProblems);

/** `PATCH /api/coupons/:code`: any terms but the code; checked again as a whole by the CouponsDO. */
export const couponUpdateInput = z
  .strictObject({
    kind: termFields.kind.optional(),
    value: termFields.value.optional(),
    minOrder: termFields.minOrder.optional(),
    startsAt: termFields.startsAt.optional(),
    endsAt: termFields.endsAt.optional(),
    usageLimit: termFields.usageLimit.optional(),
    perUserLimit: termFields.perUserLimit.optional(),
    active: termFields.active.optional(),
  })
  .superRefine((input, ctx) => {
    if (Object.values(input).every((v) => v === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "Send at least one field to change." });
    }
  });

export const couponCodeParam = z.object({ code: couponCodeSchema });

export const couponListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export type CouponCreateInput = z.infer<typeof couponCreateInput>;
export type CouponUpdateInput = z.infer<typeof couponUpdateInput>;

/** A coupon as the admin API returns it. */
export interface Coupon {
  code: string;
  kind: CouponKind;
  value: number;
  minOrder: number;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  perUserLimit: number | null;
  active: boolean;
  /** Redemptions counted against `usageLimit` (released ones are not). */
  used: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The rule a coupon fails, in the order they are checked: `unknown` (no such code), `inactive`,
 * `not_started`, `expired`, `min_order`, `usage_limit`, `per_user_limit`.
 */
export type CouponRule =
  | "unknown"
  | "inactive"
  | "not_started"
  | "expired"
  | "min_order"
  | "usage_limit"
  | "per_user_limit";

/** Whether a coupon can be used for a subtotal now (and the discount it gives), or why not. */
export type CouponCheck =
  | { ok: true; coupon: Coupon; discount: number }
  | { ok: false; code: "coupon_invalid"; rule: CouponRule; detail: string; coupon: Coupon | null };

/** What to check a coupon against. `userKey` is `user:<id>` or `email:<lower-case email>`, or null. */
export interface CouponContext {
  subtotal: number;
  userKey: string | null;
  at: number;
}

/** `CartService.redeemCoupon`'s input: one use of a coupon by an order, at checkout. */
export interface RedeemCouponInput {
  code: string;
  orderId: string;
  /** The signed-in customer; per-user limits count by it. */
  userId?: string;
  /** A guest's email; per-user limits count by it (lower-cased) when there is no user id. */
  email?: string;
  /** The order's subtotal in minor units (what the discount is taken from). */
  subtotal: number;
  /** When the order is placed (epoch ms); defaults to now. */
  at?: number;
}

/**
 * `redeemCoupon`'s answer: the coupon and the discount (minor units) for the order, or why not.
 * Idempotent per (code, order): a repeat returns the first answer and counts no second use.
 */
export type CouponRedemption =
  | { ok: true; coupon: Coupon; discount: number }
  | { ok: false; code: "coupon_invalid"; rule: CouponRule; detail: string };

/** `releaseCoupon`'s answer: `released` is false when there was no use to undo (idempotent). */
export interface CouponRelease {
  ok: true;
  released: boolean;
}

/** A write of the CouponsDO, or why it was refused. */
export type CouponWrite =
  | { ok: true; coupon: Coupon }
  | { ok: false; code: "conflict" | "not_found"; detail: string }
  | { ok: false; code: "validation_failed"; detail: string; errors: FieldError[] };
