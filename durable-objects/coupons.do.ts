import { DurableObject } from "cloudflare:workers";
import {
  type Coupon,
  type CouponCheck,
  type CouponContext,
  type CouponPatch,
  type CouponRedemption,
  type CouponRelease,
  type CouponTerms,
  type CouponWrite,
  couponTermProblems,
} from "../workers/cart/coupon.schemas";
import { evaluateCoupon } from "../workers/cart/coupon-rules";
import type { Env } from "../workers/cart/worker-configuration";

/** The one object holding every coupon: `env.COUPONS.getByName(COUPONS_OBJECT)`. */
export const COUPONS_OBJECT = "coupons";

type CouponRow = {
  code: string;
  kind: "percent" | "fixed";
  value: number;
  min_order: number;
  starts_at: number | null;
  ends_at: number | null;
  usage_limit: number | null;
  per_user_limit: number | null;
  active: number;
  created_at: number;
  updated_at: number;
  used: number;
};

type RedemptionRow = { discount: number; released_at: number | null };

/** Codes are case-insensitive: one canonical (upper-case) form is stored and compared. */
const canonical = (code: string) => code.trim().toUpperCase();

/** The refusal of terms that contradict each other (couponTermProblems), field by field. */
function termsDoNotFit(errors: ReturnType<typeof couponTermProblems>): CouponWrite {
  return { ok: false, code: "validation_failed", detail: "The coupon's terms do not fit together.", errors };
}

/**
 * Every coupon and every use of one, in one SQLite-backed object. Checking a limit and counting a
 * use happen in one synchronous transaction, so 20 orders racing for the last 3 uses of a coupon
 * get exactly 3 (the single object is the serialisation point). Uses are counted from the
 * redemptions table (never a separate counter that could drift), one row per (coupon, order),
 * which is also what makes `redeem` and `release` idempotent per order.
 *
 * Refusals are values (docs/decisions/0008); only malformed arguments throw (TypeError).
 */
export class CouponsDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => this.createTables());
  }

  private createTables(): void {
    this.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS coupons (
        code TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
        value INTEGER NOT NULL CHECK (value > 0),
        min_order INTEGER NOT NULL CHECK (min_order >= 0),
        starts_at INTEGER,
        ends_at INTEGER,
        usage_limit INTEGER CHECK (usage_limit IS NULL OR usage_limit > 0),
        per_user_limit INTEGER CHECK (per_user_limit IS NULL OR per_user_limit > 0),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS redemptions (
        code TEXT NOT NULL REFERENCES coupons (code),
        order_id TEXT NOT NULL,
        customer TEXT,
        subtotal INTEGER NOT NULL,
        discount INTEGER NOT NULL,
        redeemed_at INTEGER NOT NULL,
        released_at INTEGER,
        PRIMARY KEY (code, order_id)
      );
      CREATE INDEX IF NOT EXISTS redemptions_customer_idx ON redemptions (code, customer);
    `);
  }

  /** Answers "ok": proves the object can be reached and its storage opened. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** Creates a coupon; a code already taken (in any letter case) is a conflict. */
  async create(terms: CouponTerms): Promise<CouponWrite> {
    const code = canonical(terms.code);
    const problems = couponTermProblems(terms);
    if (problems.length > 0) return termsDoNotFit(problems);
    return this.ctx.storage.transactionSync((): CouponWrite => {
      if (this.row(code)) return { ok: false, code: "conflict", detail: `Coupon ${code} already exists.` };
      const now = Date.now();
      this.ctx.storage.sql.exec(
        `INSERT INTO coupons (code, kind, value, min_order, starts_at, ends_at, usage_limit, per_user_limit,
           active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        code,
        terms.kind,
        terms.value,
        terms.minOrder,
        terms.startsAt,
        terms.endsAt,
        terms.usageLimit,
        terms.perUserLimit,
        terms.active ? 1 : 0,
        now,
        now,
      );
      return { ok: true, coupon: this.view(this.row(code)!) };
    });
  }

  /**
   * Changes a coupon's terms. The terms after the change are checked as a whole in the same
   * transaction as the write, so two admins editing at once cannot combine into a bad coupon.
   */
  async update(code: string, patch: CouponPatch): Promise<CouponWrite> {
    const key = canonical(code);
    return this.ctx.storage.transactionSync((): CouponWrite => {
      const row = this.row(key);
      if (!row) return { ok: false, code: "not_found", detail: `No coupon ${key}.` };
      const next = { ...this.terms(row), ...stripUndefined(patch) };
      const problems = couponTermProblems(next);
      if (problems.length > 0) return termsDoNotFit(problems);
      this.ctx.storage.sql.exec(
        `UPDATE coupons SET kind = ?, value = ?, min_order = ?, starts_at = ?, ends_at = ?, usage_limit = ?,
           per_user_limit = ?, active = ?, updated_at = ? WHERE code = ?`,
        next.kind,
        next.value,
        next.minOrder,
        next.startsAt,
        next.endsAt,
        next.usageLimit,
        next.perUserLimit,
        next.active ? 1 : 0,
        Date.now(),
        key,
      );
      return { ok: true, coupon: this.view(this.row(key)!) };
    });
  }

  /** One coupon, or null. */
  async get(code: string): Promise<Coupon | null> {
    const row = this.row(canonical(code));
    return row ? this.view(row) : null;
  }

  /** A page of coupons, newest first, with the total. */
  async list(page: number, limit: number): Promise<{ items: Coupon[]; total: number }> {
    const sql = this.ctx.storage.sql;
    const total = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM coupons").one().n;
    const rows = sql
      .exec<CouponRow>(
        `SELECT c.*, ${USED_SQL} FROM coupons c ORDER BY c.created_at DESC, c.code LIMIT ? OFFSET ?`,
        limit,
        (page - 1) * limit,
      )
      .toArray();
    return { items: rows.map((r) => this.view(r)), total };
  }

  /** Whether a coupon can be used for `context.subtotal` now, and its discount; counts no use. */
  async check(code: string, context: CouponContext): Promise<CouponCheck> {
    const key = canonical(code);
    const row = this.row(key);
    if (!row)
      return {
        ok: false,
        code: "coupon_invalid",
        rule: "unknown",
        detail: `There is no coupon ${key}.`,
        coupon: null,
      };
    const verdict = evaluateCoupon(this.terms(row), context, {
      used: row.used,
      usedByCustomer: context.userKey === null ? null : this.usedBy(key, context.userKey),
    });
    if (!verdict.ok) {
      return {
        ok: false,
        code: "coupon_invalid",
        rule: verdict.rule,
        detail: verdict.detail,
        coupon: this.view(row),
      };
    }
    return { ok: true, coupon: this.view(row), discount: verdict.discount };
  }

  /**
   * Counts one use of a coupon by `orderId`, after checking every rule, in one transaction.
   * Idempotent per (coupon, order): while that use stands, a repeat returns the same discount and
   * counts nothing; after `release`, redeeming again is checked and counted afresh.
   */
  async redeem(input: { code: string; orderId: string } & CouponContext): Promise<CouponRedemption> {
    const key = canonical(input.code);
    const sql = this.ctx.storage.sql;
    return this.ctx.storage.transactionSync((): CouponRedemption => {
      const row = this.row(key);
      if (!row)
        return { ok: false, code: "coupon_invalid", rule: "unknown", detail: `There is no coupon ${key}.` };
      const earlier = sql
        .exec<RedemptionRow>(
          "SELECT discount, released_at FROM redemptions WHERE code = ? AND order_id = ?",
          key,
          input.orderId,
        )
        .toArray()[0];
      if (earlier && earlier.released_at === null) {
        return { ok: true, coupon: this.view(row), discount: earlier.discount };
      }
      const verdict = evaluateCoupon(this.terms(row), input, {
        used: row.used,
        usedByCustomer: input.userKey === null ? null : this.usedBy(key, input.userKey),
      });
      if (!verdict.ok)
        return { ok: false, code: "coupon_invalid", rule: verdict.rule, detail: verdict.detail };
      sql.exec(
        `INSERT INTO redemptions (code, order_id, customer, subtotal, discount, redeemed_at, released_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (code, order_id) DO UPDATE SET customer = excluded.customer, subtotal = excluded.subtotal,
           discount = excluded.discount, redeemed_at = excluded.redeemed_at, released_at = NULL`,
        key,
        input.orderId,
        input.userKey,
        input.subtotal,
        verdict.discount,
        Date.now(),
      );
      return { ok: true, coupon: this.view(this.row(key)!), discount: verdict.discount };
    });
  }

  /** Undoes `orderId`'s use of a coupon (a cancelled or expired order); idempotent. */
  async release(code: string, orderId: string): Promise<CouponRelease> {
    const cursor = this.ctx.storage.sql.exec(
      "UPDATE redemptions SET released_at = ? WHERE code = ? AND order_id = ? AND released_at IS NULL",
      Date.now(),
      canonical(code),
      orderId,
    );
    return { ok: true, released: cursor.rowsWritten > 0 };
  }

  private row(code: string): CouponRow | undefined {
    return this.ctx.storage.sql
      .exec<CouponRow>(`SELECT c.*, ${USED_SQL} FROM coupons c WHERE c.code = ?`, code)
      .toArray()[0];
  }

  private usedBy(code: string, customer: string): number {
    return this.ctx.storage.sql
      .exec<{ n: number }>(
        "SELECT COUNT(*) AS n FROM redemptions WHERE code = ? AND customer = ? AND released_at IS NULL",
        code,
        customer,
      )
      .one().n;
  }

  private terms(row: CouponRow): CouponTerms {
    return {
      code: row.code,
      kind: row.kind,
      value: row.value,
      minOrder: row.min_order,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      usageLimit: row.usage_limit,
      perUserLimit: row.per_user_limit,
      active: row.active === 1,
    };
  }

  private view(row: CouponRow): Coupon {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const { startsAt, endsAt, ...terms } = this.terms(row);
    return {
      ...terms,
      startsAt: iso(startsAt),
      endsAt: iso(endsAt),
      used: row.used,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}

/** The uses that count against a coupon's limit: redemptions not released. */
const USED_SQL =
  "(SELECT COUNT(*) FROM redemptions r WHERE r.code = c.code AND r.released_at IS NULL) AS used";

/** A patch without its absent fields (so spreading it never overwrites a term with undefined). */
function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
