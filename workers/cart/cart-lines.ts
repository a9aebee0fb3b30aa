import {
  type CartLine,
  type CartRefusal,
  MAX_LINE_QUANTITY,
  type MergeAdjustment,
  type MergeEntry,
} from "./cart.schemas";

/**
 * The lines of a CartDO: its tables, the SQL over them and the rules for quantities. Kept apart
 * from the object so the rules read (and are tested) on their own; every function here runs
 * inside the object's synchronous transactions.
 */

/** The cart's tables: one row of facts, its lines, and the guest carts merged into it. */
export const CART_TABLES = `
  CREATE TABLE IF NOT EXISTS cart_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kind TEXT NOT NULL CHECK (kind IN ('guest', 'user')),
    coupon_code TEXT,
    lock_id TEXT,
    lock_expires_at INTEGER,
    created_at INTEGER NOT NULL,
    touched_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cart_lines (
    sku TEXT PRIMARY KEY,
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND ${MAX_LINE_QUANTITY}),
    position INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cart_merges (
    guest_cart_id TEXT PRIMARY KEY,
    merged_at INTEGER NOT NULL
  );
`;

/** Units of `sku` in the cart (0 without a line). */
export function quantityOf(sql: SqlStorage, sku: string): number {
  const row = sql
    .exec<{ quantity: number }>("SELECT quantity FROM cart_lines WHERE sku = ?", sku)
    .toArray()[0];
  return row?.quantity ?? 0;
}

export function lineCount(sql: SqlStorage): number {
  return sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM cart_lines").one().n;
}

/** Sets a line's quantity; a new line goes after the others (lines keep the order they came in). */
export function putLine(sql: SqlStorage, sku: string, quantity: number): void {
  sql.exec(
    `INSERT INTO cart_lines (sku, quantity, position)
     VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM cart_lines))
     ON CONFLICT (sku) DO UPDATE SET quantity = excluded.quantity`,
    sku,
    quantity,
  );
}

/** The lines in the order they were first added. */
export function linesOf(sql: SqlStorage): CartLine[] {
  return sql
    .exec<{ sku: string; quantity: number }>("SELECT sku, quantity FROM cart_lines ORDER BY position")
    .toArray()
    .map((row) => ({ sku: row.sku, quantity: row.quantity }));
}

/** The refusal for more units than can be bought now, with the figures a shopper needs. */
export function outOfStock(sku: string, available: number, inCart: number): CartRefusal {
  const already = inCart > 0 ? `; the cart already has ${inCart}` : "";
  const detail =
    available === 0 ? `${sku} is out of stock.` : `Only ${available} of ${sku} can be bought now${already}.`;
  return { ok: false, code: "out_of_stock", detail, sku, available, inCart };
}

/** Quantities and stock figures from the worker are whole numbers; anything else is a bug. */
export function assertUnits(quantity: number, available: number): void {
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new TypeError(`quantity must be >= 1, got ${quantity}.`);
  if (!Number.isInteger(available) || available < 0) {
    throw new TypeError(`available must be >= 0, got ${available}.`);
  }
}

/**
 * The quantity a merged line ends with: the sum of both carts, capped by the units available now
 * and by the per-line limit. Stock caps only what the guest cart adds, never what the user's cart
 * already held (that is the shopper's own choice; the cart warns if it is more than available).
 * Returns the adjustment to report when the sum did not fit.
 */
export function mergedQuantity(
  inCart: number,
  entry: MergeEntry,
): { quantity: number; adjustment: MergeAdjustment | null } {
  const wanted = inCart + entry.quantity;
  const stockCap = Math.max(inCart, entry.available);
  const quantity = Math.min(wanted, stockCap, MAX_LINE_QUANTITY);
  if (quantity === wanted) return { quantity, adjustment: null };
  const reason = stockCap <= MAX_LINE_QUANTITY ? "capped_by_stock" : "capped_by_limit";
  return { quantity, adjustment: { sku: entry.sku, requested: entry.quantity, quantity, reason } };
}
