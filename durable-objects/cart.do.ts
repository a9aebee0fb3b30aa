import { DurableObject } from "cloudflare:workers";
import { cartConfig } from "../workers/cart/cart.config";
import {
  type CartKind,
  type CartOutcome,
  type CartRefusal,
  type CartState,
  MAX_LINE_QUANTITY,
  MAX_LINES,
  type MergeAdjustment,
  type MergeEntry,
  type MergeOutcome,
} from "../workers/cart/cart.schemas";
import { cartKindOf } from "../workers/cart/cart-ids";
import {
  assertUnits,
  CART_TABLES,
  lineCount,
  linesOf,
  mergedQuantity,
  outOfStock,
  putLine,
  quantityOf,
} from "../workers/cart/cart-lines";
import type { Env } from "../workers/cart/worker-configuration";

type MetaRow = {
  kind: CartKind;
  coupon_code: string | null;
  lock_id: string | null;
  lock_expires_at: number | null;
  touched_at: number;
};

const LOCKED_DETAIL = "This cart is being checked out; it can change again when the checkout ends.";

const notFound = (id: string): CartRefusal => ({
  ok: false,
  code: "not_found",
  detail: `No cart with id ${id}.`,
});

function lockHeld(meta: MetaRow, now: number): boolean {
  return meta.lock_id !== null && meta.lock_expires_at !== null && meta.lock_expires_at > now;
}

/**
 * One shopping cart (one object per cart: `env.CARTS.getByName(cartId)`), so a cart survives
 * devices and two tabs adding to it at once never lose a line: every change is a read-modify-write
 * in one synchronous SQLite transaction inside the object.
 *
 * - Existence: a guest cart exists from `create()` until it is merged, expires or is deleted; a
 *   user cart (`u_<userId>`) comes into being on first use. Nothing is written for a name that
 *   was never created, so probing random ids leaves no storage behind.
 * - Expiry: every touch of a guest cart moves its alarm to `touched + GUEST_CART_TTL_SECONDS`;
 *   the alarm deletes the whole storage if the cart is still idle, and a read that finds the cart
 *   idle past the TTL before the alarm ran treats it as gone (and deletes it then).
 * - Checkout lock: `beginCheckout` holds the cart for one checkout id until its expiry; edits are
 *   refused meanwhile (system changes, such as dropping lines that became unavailable, are not).
 * - Refusals are values (docs/decisions/0008); stock figures come from the caller, which read them
 *   from inventory just before (checkout checks stock again for real).
 */
export class CartDO extends DurableObject<Env> {
  /** Whether this object's tables exist; they are created by the first write only. */
  private tablesReady = false;

  /** Answers "ok": proves the object can be reached (the health probe; writes nothing). */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** Creates the cart if it does not exist (idempotent) and returns it. */
  async create(): Promise<CartState> {
    const now = Date.now();
    const state = this.ctx.storage.transactionSync(() => {
      const meta = this.meta() ?? this.insertMeta(now);
      this.touch(meta, now);
      return this.state(meta, now);
    });
    await this.scheduleExpiry(state.kind, now);
    return state;
  }

  /** The cart (a read also counts as activity for a guest cart's expiry). */
  async read(): Promise<CartOutcome> {
    return this.change(() => null, { whileLocked: true });
  }

  /** Adds `quantity` units of `sku` (to the line's quantity if there is one). */
  async addItem(sku: string, quantity: number, available: number): Promise<CartOutcome> {
    assertUnits(quantity, available);
    return this.change(() => {
      const sql = this.ctx.storage.sql;
      const inCart = quantityOf(sql, sku);
      if (inCart === 0 && lineCount(sql) >= MAX_LINES) {
        return {
          ok: false,
          code: "conflict",
          detail: `A cart holds at most ${MAX_LINES} lines.`,
          limit: MAX_LINES,
        };
      }
      const next = inCart + quantity;
      if (next > MAX_LINE_QUANTITY) {
        const detail = `At most ${MAX_LINE_QUANTITY} units of ${sku} per cart; it has ${inCart}.`;
        return { ok: false, code: "conflict", detail, limit: MAX_LINE_QUANTITY };
      }
      if (next > available) return outOfStock(sku, available, inCart);
      putLine(sql, sku, next);
      return null;
    });
  }

  /** Sets the quantity of a line already in the cart. */
  async setQuantity(sku: string, quantity: number, available: number): Promise<CartOutcome> {
    assertUnits(quantity, available);
    return this.change((id) => {
      const inCart = quantityOf(this.ctx.storage.sql, sku);
      if (inCart === 0) return { ok: false, code: "not_found", detail: `Cart ${id} has no line ${sku}.` };
      if (quantity > MAX_LINE_QUANTITY) {
        const detail = `At most ${MAX_LINE_QUANTITY} units of ${sku} per cart.`;
        return { ok: false, code: "conflict", detail, limit: MAX_LINE_QUANTITY };
      }
      if (quantity > available) return outOfStock(sku, available, inCart);
      this.ctx.storage.sql.exec("UPDATE cart_lines SET quantity = ? WHERE sku = ?", quantity, sku);
      return null;
    });
  }

  /** Removes a line. */
  async removeItem(sku: string): Promise<CartOutcome> {
    return this.change((id) => {
      const cursor = this.ctx.storage.sql.exec("DELETE FROM cart_lines WHERE sku = ?", sku);
      return cursor.rowsWritten > 0
        ? null
        : { ok: false, code: "not_found", detail: `Cart ${id} has no line ${sku}.` };
    });
  }

  /** Attaches a coupon (its code, checked by the caller) or, with null, removes it. */
  async setCoupon(code: string | null): Promise<CartOutcome> {
    return this.change(() => {
      this.ctx.storage.sql.exec("UPDATE cart_meta SET coupon_code = ? WHERE id = 1", code);
      return null;
    });
  }

  /**
   * The cart's own upkeep, allowed while a checkout holds it: drops lines whose product can no
   * longer be bought and, when asked, a coupon that no longer exists.
   */
  async dropUnavailable(skus: string[], dropCoupon: boolean): Promise<CartOutcome> {
    return this.change(
      () => {
        for (const sku of skus) this.ctx.storage.sql.exec("DELETE FROM cart_lines WHERE sku = ?", sku);
        if (dropCoupon) this.ctx.storage.sql.exec("UPDATE cart_meta SET coupon_code = NULL WHERE id = 1");
        return null;
      },
      { whileLocked: true },
    );
  }

  /**
   * Holds the cart for `checkoutId` for `ttlSeconds`. The same id again gets the same hold
   * (idempotent, expiry unchanged); another id is refused while the hold lasts.
   */
  async beginCheckout(checkoutId: string, ttlSeconds: number): Promise<CartOutcome> {
    if (typeof checkoutId !== "string" || checkoutId.length === 0 || checkoutId.length > 200) {
      throw new TypeError("A checkout id is a string of 1-200 characters.");
    }
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 24 * 3600) {
      throw new TypeError(`ttlSeconds must be a whole number of seconds from 1 to 86400, got ${ttlSeconds}.`);
    }
    return this.change(
      (_id, meta, now) => {
        if (lockHeld(meta, now)) {
          return meta.lock_id === checkoutId ? null : { ok: false, code: "conflict", detail: LOCKED_DETAIL };
        }
        this.ctx.storage.sql.exec(
          "UPDATE cart_meta SET lock_id = ?, lock_expires_at = ? WHERE id = 1",
          checkoutId,
          now + ttlSeconds * 1000,
        );
        return null;
      },
      { whileLocked: true },
    );
  }

  /** Lets go of the hold of `checkoutId` (idempotent: no hold, or an expired one, is fine). */
  async endCheckout(checkoutId: string): Promise<CartOutcome> {
    return this.change(
      (_id, meta, now) => {
        if (lockHeld(meta, now) && meta.lock_id !== checkoutId) {
          return { ok: false, code: "conflict", detail: "Another checkout holds this cart." };
        }
        this.unlock();
        return null;
      },
      { whileLocked: true },
    );
  }

  /**
   * Empties the cart (lines and coupon) and lets go of any hold: after an order is placed. With a
   * `checkoutId`, refused while another checkout holds the cart.
   */
  async clear(checkoutId?: string): Promise<CartOutcome> {
    return this.change(
      (_id, meta, now) => {
        if (checkoutId !== undefined && lockHeld(meta, now) && meta.lock_id !== checkoutId) {
          return { ok: false, code: "conflict", detail: "Another checkout holds this cart." };
        }
        this.ctx.storage.sql.exec("DELETE FROM cart_lines");
        this.ctx.storage.sql.exec("UPDATE cart_meta SET coupon_code = NULL WHERE id = 1");
        this.unlock();
        return null;
      },
      { whileLocked: true },
    );
  }

  /**
   * Folds a guest cart's lines into this (user) cart, once per guest cart: the guest id is
   * recorded in the same transaction as the fold, so a repeat (say, after a crash before the guest
   * cart was deleted) changes nothing and says `merged: false`. Quantities are summed, capped by
   * the units available (never below what this cart already had) and by the per-line limit; a
   * guest line that would pass the line limit is skipped. The guest's coupon is taken over when
   * this cart has none.
   */
  async mergeGuest(
    guestCartId: string,
    entries: MergeEntry[],
    guestCoupon: string | null,
  ): Promise<MergeOutcome> {
    if (cartKindOf(this.cartId()) !== "user")
      throw new TypeError("Only a user's cart takes in a guest cart.");
    for (const entry of entries) assertUnits(entry.quantity, entry.available);
    let merged = false;
    const adjustments: MergeAdjustment[] = [];
    const outcome = await this.change((_id, meta, now) => {
      const sql = this.ctx.storage.sql;
      const seen = sql.exec("SELECT 1 FROM cart_merges WHERE guest_cart_id = ?", guestCartId).toArray();
      if (seen.length > 0) return null;
      for (const entry of entries) {
        const inCart = quantityOf(sql, entry.sku);
        if (inCart === 0 && lineCount(sql) >= MAX_LINES) {
          adjustments.push({ sku: entry.sku, requested: entry.quantity, quantity: 0, reason: "line_limit" });
          continue;
        }
        const { quantity, adjustment } = mergedQuantity(inCart, entry);
        if (adjustment) adjustments.push(adjustment);
        if (quantity > 0) putLine(sql, entry.sku, quantity);
      }
      if (guestCoupon !== null && meta.coupon_code === null) {
        sql.exec("UPDATE cart_meta SET coupon_code = ? WHERE id = 1", guestCoupon);
      }
      sql.exec("INSERT INTO cart_merges (guest_cart_id, merged_at) VALUES (?, ?)", guestCartId, now);
      merged = true;
      return null;
    });
    if (!outcome.ok) return outcome;
    return { ok: true, merged, cart: outcome.cart, adjustments };
  }

  /** Deletes the cart and everything in it (a merged guest cart). */
  async destroy(): Promise<void> {
    await this.wipe();
  }

  /** Deletes a guest cart that has been idle for the TTL; otherwise moves the alarm on. */
  override async alarm(): Promise<void> {
    const meta = this.meta();
    if (meta?.kind !== "guest") return;
    const now = Date.now();
    const idleUntil = meta.touched_at + this.ttlMs();
    if (now >= idleUntil && !lockHeld(meta, now)) {
      await this.wipe();
      return;
    }
    await this.ctx.storage.setAlarm(Math.max(idleUntil, lockHeld(meta, now) ? meta.lock_expires_at! : 0));
  }

  /**
   * Runs `apply` on the cart in one transaction: it returns a refusal, or null to commit its
   * writes and answer the cart as it now is. A missing or expired cart is `not_found`; a held
   * cart refuses edits unless `whileLocked`. Every call counts as a touch for expiry.
   */
  private async change(
    apply: (id: string, meta: MetaRow, now: number) => CartRefusal | null,
    options: { whileLocked?: boolean } = {},
  ): Promise<CartOutcome> {
    const id = this.cartId();
    const now = Date.now();
    let meta = this.meta();
    if (meta && meta.kind === "guest" && now >= meta.touched_at + this.ttlMs()) {
      await this.wipe();
      meta = null;
    }
    if (!meta && cartKindOf(id) === "user")
      meta = this.ctx.storage.transactionSync(() => this.insertMeta(now));
    if (!meta) return notFound(id);
    const found = meta;
    const outcome = this.ctx.storage.transactionSync((): CartOutcome => {
      if (!options.whileLocked && lockHeld(found, now))
        return { ok: false, code: "conflict", detail: LOCKED_DETAIL };
      const refusal = apply(id, found, now);
      if (refusal) return refusal;
      this.touch(found, now);
      return { ok: true, cart: this.state(this.meta()!, now) };
    });
    if (outcome.ok) await this.scheduleExpiry(found.kind, now);
    return outcome;
  }

  private cartId(): string {
    const id = this.ctx.id.name;
    if (!id || !cartKindOf(id))
      throw new TypeError("A CartDO is addressed by its cart id: env.CARTS.getByName(id).");
    return id;
  }

  private ttlMs(): number {
    return cartConfig(this.env).GUEST_CART_TTL_SECONDS * 1000;
  }

  /** The cart's row, or null when the cart does not exist (no tables are created to find out). */
  private meta(): MetaRow | null {
    if (!this.tablesReady) {
      const tables = this.ctx.storage.sql
        .exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cart_meta'")
        .toArray();
      if (tables.length === 0) return null;
      this.tablesReady = true;
    }
    const row = this.ctx.storage.sql
      .exec<MetaRow>(
        "SELECT kind, coupon_code, lock_id, lock_expires_at, touched_at FROM cart_meta WHERE id = 1",
      )
      .toArray()[0];
    return row ?? null;
  }

  private insertMeta(now: number): MetaRow {
    const kind = cartKindOf(this.cartId())!;
    this.ctx.storage.sql.exec(CART_TABLES);
    this.tablesReady = true;
    this.ctx.storage.sql.exec(
      "INSERT INTO cart_meta (id, kind, created_at, touched_at) VALUES (1, ?, ?, ?)",
      kind,
      now,
      now,
    );
    return { kind, coupon_code: null, lock_id: null, lock_expires_at: null, touched_at: now };
  }

  private touch(meta: MetaRow, now: number): void {
    if (meta.kind === "guest")
      this.ctx.storage.sql.exec("UPDATE cart_meta SET touched_at = ? WHERE id = 1", now);
  }

  /** A guest cart's alarm goes off when it will have been idle for the TTL. User carts never expire. */
  private async scheduleExpiry(kind: CartKind, now: number): Promise<void> {
    if (kind === "guest") await this.ctx.storage.setAlarm(now + this.ttlMs());
  }

  private unlock(): void {
    this.ctx.storage.sql.exec("UPDATE cart_meta SET lock_id = NULL, lock_expires_at = NULL WHERE id = 1");
  }

  private async wipe(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.tablesReady = false;
  }

  private state(meta: MetaRow, now: number): CartState {
    return {
      id: this.cartId(),
      kind: meta.kind,
      lines: linesOf(this.ctx.storage.sql),
      couponCode: meta.coupon_code,
      lock: lockHeld(meta, now) ? { checkoutId: meta.lock_id!, expiresAt: meta.lock_expires_at! } : null,
    };
  }
}
