import type { Caller } from "../shared/caller";
import { randomToken } from "../shared/crypto";
import type { CartKind } from "./cart.schemas";

/**
 * Cart ids are the names of their CartDOs. A guest cart's id is its only credential (whoever
 * holds it may use the cart), so it is 32 random bytes: `g_` + 43 base64url characters. A user's
 * cart is named after the user, `u_<userId>`, so it is found again from any device without a
 * lookup table, and only that user may open it.
 */
const GUEST_PREFIX = "g_";
const USER_PREFIX = "u_";
const GUEST_ID = /^g_[A-Za-z0-9_-]{43}$/;
const MAX_USER_ID_LENGTH = 128;

export type CartAddress = { id: string; kind: "guest" } | { id: string; kind: "user"; userId: string };

/** A fresh, unguessable guest cart id. */
export function newGuestCartId(): string {
  return `${GUEST_PREFIX}${randomToken(32)}`;
}

/** The id of a user's own cart. */
export function userCartId(userId: string): string {
  return `${USER_PREFIX}${userId}`;
}

/** What an id names, or null for a string that cannot be a cart id. */
export function parseCartId(id: string): CartAddress | null {
  if (GUEST_ID.test(id)) return { id, kind: "guest" };
  if (id.startsWith(USER_PREFIX)) {
    const userId = id.slice(USER_PREFIX.length);
    if (userId.length > 0 && userId.length <= MAX_USER_ID_LENGTH) return { id, kind: "user", userId };
  }
  return null;
}

/** The kind a CartDO's name says it is (the object knows its own name). */
export function cartKindOf(id: string): CartKind | null {
  return parseCartId(id)?.kind ?? null;
}

/**
 * The cart `id` names if `caller` may use it: any guest cart (its id is the credential), and a
 * user cart only for that user. Anything else is null, which the API answers 404 like a cart
 * that does not exist: another user's cart is not even confirmed to exist.
 */
export function cartFor(id: string, caller: Caller | null): CartAddress | null {
  const address = parseCartId(id);
  if (!address) return null;
  if (address.kind === "user" && address.userId !== caller?.userId) return null;
  return address;
}

/** How per-customer coupon limits know a customer: by user id, or by lower-cased email. */
export function customerKey(who: { userId?: string | null; email?: string | null }): string | null {
  if (who.userId) return `user:${who.userId}`;
  if (who.email) return `email:${who.email.trim().toLowerCase()}`;
  return null;
}
