import { z } from "zod";
import { skuSchema } from "../catalog/products.schemas";
import type { Money, Totals } from "../shared/money";
import type { CouponKind, CouponRule } from "./coupon.schemas";

/**
 * Request and response shapes of the cart API and of the CartDO's RPC. Imports no runtime code
 * beyond zod and the catalog's SKU rule (a cart line's SKU is a catalog SKU), so the storefront
 * can share them.
 */

/** Most units of one SKU in a cart. */
export const MAX_LINE_QUANTITY = 99;
/** Most lines (distinct SKUs) in a cart: also keeps one pricing read within the catalog's 100 SKUs. */
export const MAX_LINES = 50;

export const quantitySchema = z
  .number("Enter a quantity.")
  .int("Use a whole number of units.")
  .min(1, "Add at least 1 unit (remove a line with DELETE).")
  .max(MAX_LINE_QUANTITY, `Use at most ${MAX_LINE_QUANTITY} units per line.`);

export const addItemInput = z.strictObject({ sku: skuSchema, quantity: quantitySchema });
export const setQuantityInput = z.strictObject({ quantity: quantitySchema });
export const skuParam = z.object({ sku: skuSchema });
export const applyCouponInput = z.strictObject({
  code: z.string().trim().min(1, "Enter a coupon code.").max(64, "Use at most 64 characters."),
});
export const mergeInput = z.strictObject({
  guestCartId: z.string().trim().min(1, "Send the guest cart's id.").max(200),
});

export type AddItemInput = z.infer<typeof addItemInput>;

/** A guest cart (anyone holding its unguessable id) or a signed-in user's own cart. */
export type CartKind = "guest" | "user";

/** One line of a cart as stored: a SKU and how many. Prices are looked up live, never stored. */
export interface CartLine {
  sku: string;
  quantity: number;
}

/** A cart as the CartDO holds it; the API's priced cart is built from this. */
export interface CartState {
  id: string;
  kind: CartKind;
  lines: CartLine[];
  /** The coupon applied, upper-case; checked again on every read. */
  couponCode: string | null;
  /** The checkout holding the cart, while it is held (edits are refused meanwhile). */
  lock: { checkoutId: string; expiresAt: number } | null;
}

/**
 * A refusal from the cart, as a value (docs/decisions/0008): RPC callers get it as is; the HTTP
 * routes answer it as problem+json with the same `code` and the extra fields as members.
 */
export type CartRefusal =
  | { ok: false; code: "not_found"; detail: string }
  | { ok: false; code: "conflict"; detail: string; limit?: number }
  | { ok: false; code: "out_of_stock"; detail: string; sku: string; available: number; inCart: number }
  | { ok: false; code: "coupon_invalid"; detail: string; rule: CouponRule };

/** The outcome of a CartDO call that reads or changes a cart. */
export type CartOutcome = { ok: true; cart: CartState } | CartRefusal;

/** What a merge could not take over in full, line by line (the cart turns these into notices). */
export interface MergeAdjustment {
  sku: string;
  /** Units the guest cart had. */
  requested: number;
  /** Units the user's cart holds now. */
  quantity: number;
  reason: "capped_by_stock" | "capped_by_limit" | "line_limit";
}

/** A guest line offered to a merge, with the units that can be bought now. */
export interface MergeEntry {
  sku: string;
  quantity: number;
  available: number;
}

/** The outcome of `CartDO.mergeGuest`: `merged` is false when that guest cart was merged before. */
export type MergeOutcome =
  | { ok: true; merged: boolean; cart: CartState; adjustments: MergeAdjustment[] }
  | CartRefusal;

/** A line of the priced cart (API.md "Cart"), with what the storefront needs to show it. */
export interface PricedLine {
  sku: string;
  productId: string;
  slug: string;
  name: string;
  options: Record<string, string>;
  image: string | null;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  /** Units that can be bought now; below `quantity` the cart carries an `insufficient_stock` notice. */
  available: number;
}

/** The cart's coupon: attached, and whether it gives its discount right now. */
export interface CartCoupon {
  code: string;
  kind: CouponKind;
  /** Percent (1..100), or minor units for a fixed coupon. */
  value: number;
  /** Minimum subtotal in minor units (0 = none). */
  minOrder: number;
  /** Whether the discount applies now; when not, `rule` says which rule fails (and a notice why). */
  applied: boolean;
  rule: CouponRule | null;
  discount: Money;
}

export type NoticeCode =
  | "removed_unavailable"
  | "insufficient_stock"
  | "coupon_not_applied"
  | "coupon_removed"
  | "merge_quantity_capped"
  | "merge_line_skipped";

/** Something the shopper should know about their cart, e.g. a line that dropped out. */
export interface CartNotice {
  code: NoticeCode;
  message: string;
  sku?: string;
  available?: number;
  rule?: CouponRule;
}

/** The cart as the API and `CartService.getCart` return it: priced live, with notices. */
export interface PricedCart {
  id: string;
  kind: CartKind;
  lines: PricedLine[];
  coupon: CartCoupon | null;
  totals: Totals;
  notices: CartNotice[];
  /** True while a checkout holds the cart: edits answer 409 until it ends. */
  locked: boolean;
}

/** `CartService.getCart` and friends: the priced cart, or a refusal. */
export type PricedCartResult = { ok: true; cart: PricedCart } | CartRefusal;

/** `CartService.beginCheckout`: the priced cart held for `checkoutId` until `expiresAt` (epoch ms). */
export type CheckoutHold =
  | { ok: true; cart: PricedCart; checkoutId: string; expiresAt: number }
  | CartRefusal;

/** `CartService.endCheckout` and `clear`. */
export type CartRelease = { ok: true } | CartRefusal;
