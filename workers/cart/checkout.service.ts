import type { CartOutcome, CartRelease, CheckoutHold, PricedCartResult } from "./cart.schemas";
import { type CartDeps, priceCart, readCart } from "./cart.service";
import { customerKey, parseCartId } from "./cart-ids";

/**
 * What the orders worker does with a cart at checkout, over RPC (CartService). There is no
 * caller here: orders has already decided who may check out the cart. Per-customer coupon
 * limits are judged for the cart's owner when it is a user's cart (a guest is counted by email
 * when orders redeems the coupon).
 */

const noCart = (id: string) => ({
  ok: false as const,
  code: "not_found" as const,
  detail: `No cart with id ${id}.`,
});

/** The owner's customer key of a user's cart; null for a guest cart. */
function ownerKey(id: string): string | null {
  const address = parseCartId(id);
  return address?.kind === "user" ? customerKey({ userId: address.userId }) : null;
}

/** The priced cart, exactly as `GET /api/carts/:id` shows it to its owner. */
export async function getCart(deps: CartDeps, id: string): Promise<PricedCartResult> {
  if (!parseCartId(id)) return noCart(id);
  return readCart(deps, id, ownerKey(id));
}

/**
 * Holds the cart for `checkoutId` (edits answer 409 meanwhile) and returns it priced; the hold
 * ends by itself after `ttlSeconds`. The same checkout again gets the same hold and expiry.
 */
export async function beginCheckout(
  deps: CartDeps,
  id: string,
  checkoutId: string,
  ttlSeconds: number,
): Promise<CheckoutHold> {
  if (!parseCartId(id)) return noCart(id);
  const outcome = await deps.carts.getByName(id).beginCheckout(checkoutId, ttlSeconds);
  if (!outcome.ok) return outcome;
  const cart = await priceCart(deps, outcome.cart, ownerKey(id));
  return { ok: true, cart, checkoutId, expiresAt: outcome.cart.lock!.expiresAt };
}

function released(outcome: CartOutcome): CartRelease {
  return outcome.ok ? { ok: true } : outcome;
}

/** Lets go of the hold (idempotent); refused only while another checkout holds the cart. */
export async function endCheckout(deps: CartDeps, id: string, checkoutId: string): Promise<CartRelease> {
  if (!parseCartId(id)) return noCart(id);
  return released(await deps.carts.getByName(id).endCheckout(checkoutId));
}

/** Empties the cart and lets go of the hold: the order has been placed. */
export async function clearCart(deps: CartDeps, id: string, checkoutId?: string): Promise<CartRelease> {
  if (!parseCartId(id)) return noCart(id);
  return released(await deps.carts.getByName(id).clear(checkoutId));
}
