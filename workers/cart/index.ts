import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { COUPONS_OBJECT } from "../../durable-objects/coupons.do";
import { fieldErrors } from "../shared/errors";
import { cartRoutes } from "./cart.routes";
import type { CartRelease, CheckoutHold, PricedCartResult } from "./cart.schemas";
import { cartDeps } from "./cart.service";
import { customerKey } from "./cart-ids";
import { beginCheckout, clearCart, endCheckout, getCart } from "./checkout.service";
import type { CouponRedemption, CouponRelease, RedeemCouponInput } from "./coupon.schemas";
import type { Env } from "./worker-configuration";

export { CartDO } from "../../durable-objects/cart.do";
export { CouponsDO } from "../../durable-objects/coupons.do";

const cartId = z.string().min(1).max(200);
const checkoutId = z.string().min(1).max(200);
const code = z.string().trim().min(1).max(64);
const orderId = z.string().min(1).max(200);

const redeemInput = z.strictObject({
  code,
  orderId,
  userId: z.string().min(1).max(128).optional(),
  email: z.email().max(320).optional(),
  subtotal: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  at: z.number().int().min(0).optional(),
});

/**
 * Arguments from another worker are checked like a request body; malformed ones are a bug of the
 * caller and throw a TypeError (which keeps its type across RPC). Refusals are values.
 */
function args<S extends z.ZodType>(schema: S, value: unknown, method: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = fieldErrors(parsed.error.issues).map((e) => `${e.path}: ${e.message}`);
    throw new TypeError(`CartService.${method}: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/**
 * Carts and coupons for other workers over a service binding: orders reads and holds the cart at
 * checkout, redeems the coupon for the order, and empties the cart once the order is placed.
 * Every refusal is a value (`{ ok: false, code, detail, ... }`), never a throw.
 */
export class CartService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The priced cart, as `GET /api/carts/:id` shows it to its owner; `not_found` if there is none. */
  async getCart(id: string): Promise<PricedCartResult> {
    return getCart(cartDeps(this.env), args(cartId, id, "getCart"));
  }

  /**
   * Holds the cart for `checkoutId` for `ttlSeconds` (edits answer 409 meanwhile) and returns it
   * priced. Idempotent for the same checkout; another checkout gets `conflict` while the hold lasts.
   */
  async beginCheckout(id: string, checkout: string, ttlSeconds: number): Promise<CheckoutHold> {
    const ttl = args(z.number().int().min(1).max(86_400), ttlSeconds, "beginCheckout");
    return beginCheckout(
      cartDeps(this.env),
      args(cartId, id, "beginCheckout"),
      args(checkoutId, checkout, "beginCheckout"),
      ttl,
    );
  }

  /** Ends the hold of `checkout` (idempotent). */
  async endCheckout(id: string, checkout: string): Promise<CartRelease> {
    return endCheckout(
      cartDeps(this.env),
      args(cartId, id, "endCheckout"),
      args(checkoutId, checkout, "endCheckout"),
    );
  }

  /** Empties the cart (lines and coupon) and ends any hold; with `checkout`, only that checkout's. */
  async clear(id: string, checkout?: string): Promise<CartRelease> {
    const held = checkout === undefined ? undefined : args(checkoutId, checkout, "clear");
    return clearCart(cartDeps(this.env), args(cartId, id, "clear"), held);
  }

  /**
   * Counts one use of a coupon for an order, after checking every rule again (dates, minimum
   * order on `subtotal`, usage limit, per-customer limit by user id or else lower-cased email), in
   * one transaction. Idempotent per order: a repeat returns the same answer and counts no second use.
   */
  async redeemCoupon(input: RedeemCouponInput): Promise<CouponRedemption> {
    const parsed = args(redeemInput, input, "redeemCoupon");
    return this.env.COUPONS.getByName(COUPONS_OBJECT).redeem({
      code: parsed.code,
      orderId: parsed.orderId,
      subtotal: parsed.subtotal,
      userKey: customerKey({ userId: parsed.userId, email: parsed.email }),
      at: parsed.at ?? Date.now(),
    });
  }

  /** Undoes an order's use of a coupon (order cancelled or expired); idempotent. */
  async releaseCoupon(input: { code: string; orderId: string }): Promise<CouponRelease> {
    const parsed = args(z.strictObject({ code, orderId }), input, "releaseCoupon");
    return this.env.COUPONS.getByName(COUPONS_OBJECT).release(parsed.code, parsed.orderId);
  }
}

export default {
  fetch: cartRoutes.fetch,
} satisfies ExportedHandler<Env>;
