import {
  type CartNotice,
  MAX_LINE_QUANTITY,
  MAX_LINES,
  type MergeEntry,
  type PricedCartResult,
} from "./cart.schemas";
import { type CartDeps, priceCart, priced } from "./cart.service";
import { customerKey, parseCartId, userCartId } from "./cart-ids";

/** How long a merge holds the guest cart; a merge that dies half-way lets go of it by itself. */
const MERGE_HOLD_SECONDS = 60;

/**
 * Folds a guest cart into the user's own cart at sign-in, then deletes the guest cart. Safe to
 * repeat and safe to crash at any step, across the two objects:
 *
 * 1. The guest cart is held (its checkout lock, under the id `merge:<user cart>`), so no tab can
 *    add to it unseen while it is being folded; the same merge again gets the same hold.
 * 2. The user's cart folds the lines in and records the guest cart's id in the SAME transaction;
 *    a repeat of this step changes nothing.
 * 3. The guest cart is deleted.
 *
 * A crash after 2 leaves a held guest cart that the next merge (or its own expiry) cleans up; a
 * crash before 2 changed nothing. A guest cart that does not exist (never created, merged
 * already, expired), or an id that is not a guest cart's, changes nothing: the answer is the
 * user's cart as it is. A guest cart held by a real checkout, or a user cart being checked out,
 * is a 409 `conflict`.
 */
export async function mergeGuestCart(
  deps: CartDeps,
  userId: string,
  guestCartId: string,
): Promise<PricedCartResult> {
  const id = userCartId(userId);
  const customer = customerKey({ userId });
  const userCart = deps.carts.getByName(id);
  const guestAddress = parseCartId(guestCartId);
  if (guestAddress?.kind !== "guest") return priced(deps, await userCart.read(), customer);

  const guestCart = deps.carts.getByName(guestAddress.id);
  const holdId = `merge:${id}`;
  const hold = await guestCart.beginCheckout(holdId, MERGE_HOLD_SECONDS);
  if (!hold.ok && hold.code === "not_found") return priced(deps, await userCart.read(), customer);
  if (!hold.ok)
    return { ok: false, code: "conflict", detail: "The guest cart is being checked out; try again later." };

  const notices: CartNotice[] = [];
  const guestLines = hold.cart.lines;
  const skus = guestLines.map((l) => l.sku);
  const [details, available] =
    skus.length === 0
      ? [[], {} as Record<string, number>]
      : await Promise.all([deps.catalog.skuDetails(skus), deps.inventory.availability(skus)]);
  const bySku = new Map(details.map((d) => [d.sku, d]));
  const entries: MergeEntry[] = [];
  for (const line of guestLines) {
    const detail = bySku.get(line.sku);
    if (!detail?.purchasable) {
      notices.push({
        code: "removed_unavailable",
        sku: line.sku,
        message: `${detail?.name ?? line.sku} is no longer available and was not added to your cart.`,
      });
      continue;
    }
    entries.push({ sku: line.sku, quantity: line.quantity, available: available[line.sku] ?? 0 });
  }

  const outcome = await userCart.mergeGuest(guestAddress.id, entries, hold.cart.couponCode);
  if (!outcome.ok) {
    await guestCart.endCheckout(holdId);
    return outcome;
  }
  await guestCart.destroy();
  if (!outcome.merged) notices.length = 0;
  for (const change of outcome.adjustments) {
    const name = bySku.get(change.sku)?.name ?? change.sku;
    if (change.reason === "line_limit") {
      notices.push({
        code: "merge_line_skipped",
        sku: change.sku,
        message: `${name} was not added: a cart holds at most ${MAX_LINES} lines.`,
      });
    } else {
      const why =
        change.reason === "capped_by_stock"
          ? `only ${available[change.sku] ?? 0} can be bought now`
          : `at most ${MAX_LINE_QUANTITY} per cart`;
      notices.push({
        code: "merge_quantity_capped",
        sku: change.sku,
        available: available[change.sku] ?? 0,
        message: `${name}: your cart now has ${change.quantity} (${why}).`,
      });
    }
  }
  return { ok: true, cart: await priceCart(deps, outcome.cart, customer, notices) };
}
