import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { users } from "../../db/identity/schema";

/**
 * How a user is named in public (on reviews): the first word of their name and the initial of
 * the last, "Cora Customer" -> "Cora C.", so a review does not publish anyone's full name. A
 * one-word name is shown as it is. Whitespace runs count as one space.
 */
export function publicDisplayName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "Shopper";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  // Array.from: an initial is one code point, never half of a surrogate pair.
  const initial = last ? Array.from(last)[0]?.toLocaleUpperCase("en") : undefined;
  return initial ? `${first} ${initial}.` : first;
}

/**
 * The public display name of user `userId`, or null when there is no such user (or the id
 * cannot be one). Refusals over RPC are values, never throws (ADR 8).
 */
export async function displayName(db: D1Database, userId: string): Promise<string | null> {
  if (typeof userId !== "string" || userId.length === 0 || userId.length > 128) return null;
  const row = await drizzle(db).select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
  return row ? publicDisplayName(row.name) : null;
}
