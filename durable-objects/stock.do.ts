import { DurableObject } from "cloudflare:workers";
import type { StockChange, StockSnapshot } from "../workers/inventory/inventory.schemas";
import type { Env } from "../workers/inventory/worker-configuration";

/** The low-stock threshold a SKU starts with until a seller sets its own. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

const MAX_REASON_LENGTH = 200;

type StockRow = { sku: string; on_hand: number; low_stock_threshold: number };

/** The outcome of `initialise`: applied only to a SKU that had never been stocked. */
export interface StockInitialisation {
  applied: boolean;
  stock: StockSnapshot;
}

/**
 * The stock of one SKU (one object per SKU: `env.STOCK.getByName(sku)`). Everything that must
 * not oversell happens here, in synchronous SQLite transactions, so two requests for the last
 * unit can never both win. Reservations past `expires_at` count for nothing on every read, so
 * correctness never waits for a cleanup alarm.
 *
 * A change the reservations forbid is an expected outcome, so it is returned (`ok: false`, answer
 * it with 409) rather than thrown; only a caller's bug (malformed arguments) throws, a `TypeError`,
 * which keeps its type across RPC.
 */
export class StockDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => this.createTables());
  }

  private createTables(): void {
    this.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS stock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sku TEXT NOT NULL,
        on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
        low_stock_threshold INTEGER NOT NULL CHECK (low_stock_threshold >= 0),
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS reservations (
        order_id TEXT PRIMARY KEY,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS reservations_expires_idx ON reservations (expires_at);
      CREATE TABLE IF NOT EXISTS adjustments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        delta INTEGER NOT NULL,
        on_hand_after INTEGER NOT NULL,
        reason TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
  }

  /** Answers "ok": proves the object can be reached and its storage opened. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The SKU's current stock; reservations that have expired are not counted. */
  async snapshot(): Promise<StockSnapshot> {
    return this.snapshotOf(this.stockRow());
  }

  /** Sets the units on hand (a stock count); refused below the units currently reserved. */
  async set(onHand: number, reason: string): Promise<StockChange> {
    if (!Number.isSafeInteger(onHand) || onHand < 0) {
      throw new TypeError(`onHand must be a whole number of units >= 0, got ${onHand}.`);
    }
    return this.change(() => onHand, reason);
  }

  /** Adds `delta` (negative to remove) to the units on hand; refused below the units reserved. */
  async adjust(delta: number, reason: string): Promise<StockChange> {
    if (!Number.isSafeInteger(delta) || delta === 0) {
      throw new TypeError(`delta must be a non-zero whole number of units, got ${delta}.`);
    }
    return this.change((current) => current + delta, reason);
  }

  /**
   * Gives a SKU that has never been stocked its starting stock and low-stock threshold, once.
   * Applies only while nothing has ever happened to the object (no stock change logged, no
   * reservation, nothing on hand), checked in the same transaction as the write, so a repeated
   * or concurrent call is a no-op and stock that has moved since is never overwritten. Returns
   * whether it applied, with the stock as it now is.
   */
  async initialise(onHand: number, lowStockThreshold: number, reason: string): Promise<StockInitialisation> {
    if (!Number.isSafeInteger(onHand) || onHand < 0) {
      throw new TypeError(`onHand must be a whole number of units >= 0, got ${onHand}.`);
    }
    if (!Number.isSafeInteger(lowStockThreshold) || lowStockThreshold < 0) {
      throw new TypeError(`lowStockThreshold must be a whole number >= 0, got ${lowStockThreshold}.`);
    }
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON_LENGTH) {
      throw new TypeError(`A reason of 1-${MAX_REASON_LENGTH} characters is required for a stock change.`);
    }
    return this.ctx.storage.transactionSync(() => {
      const row = this.stockRow();
      const sql = this.ctx.storage.sql;
      const touched =
        row.on_hand !== 0 ||
        sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM adjustments").one().n > 0 ||
        sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM reservations").one().n > 0;
      if (touched) return { applied: false, stock: this.snapshotOf(row) };
      const now = Date.now();
      sql.exec(
        "UPDATE stock SET on_hand = ?, low_stock_threshold = ?, updated_at = ? WHERE id = 1",
        onHand,
        lowStockThreshold,
        now,
      );
      // The audit entry doubles as the "initialised" mark, also for a SKU that starts at 0.
      sql.exec(
        "INSERT INTO adjustments (delta, on_hand_after, reason, created_at) VALUES (?, ?, ?, ?)",
        onHand,
        onHand,
        why,
        now,
      );
      return {
        applied: true,
        stock: this.snapshotOf({ ...row, on_hand: onHand, low_stock_threshold: lowStockThreshold }, 0),
      };
    });
  }

  /** Applies a new on-hand figure and its audit entry in one transaction, or nothing at all. */
  private change(next: (onHand: number) => number, reason: string): StockChange {
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON_LENGTH) {
      throw new TypeError(`A reason of 1-${MAX_REASON_LENGTH} characters is required for a stock change.`);
    }
    return this.ctx.storage.transactionSync(() => {
      const row = this.stockRow();
      const onHand = next(row.on_hand);
      const reserved = this.reservedUnits();
      if (onHand < reserved) {
        return {
          ok: false,
          code: "conflict",
          detail: `Stock of ${row.sku} cannot go to ${onHand} on hand: ${reserved} units are reserved by open orders.`,
          stock: this.snapshotOf(row, reserved),
        };
      }
      const now = Date.now();
      const sql = this.ctx.storage.sql;
      sql.exec("UPDATE stock SET on_hand = ?, updated_at = ? WHERE id = 1", onHand, now);
      sql.exec(
        "INSERT INTO adjustments (delta, on_hand_after, reason, created_at) VALUES (?, ?, ?, ?)",
        onHand - row.on_hand,
        onHand,
        why,
        now,
      );
      return { ok: true, stock: this.snapshotOf({ ...row, on_hand: onHand }, reserved) };
    });
  }

  /**
   * The single stock row, created (0 on hand) on the first call. The SKU is stored rather than
   * read from the id each time because alarms, which will expire reservations, run without it.
   */
  private stockRow(): StockRow {
    const sql = this.ctx.storage.sql;
    const row = sql
      .exec<StockRow>("SELECT sku, on_hand, low_stock_threshold FROM stock WHERE id = 1")
      .toArray()[0];
    if (row) return row;
    const sku = this.ctx.id.name;
    if (!sku) throw new TypeError("A StockDO must be addressed by its SKU: env.STOCK.getByName(sku).");
    sql.exec(
      "INSERT INTO stock (id, sku, on_hand, low_stock_threshold, updated_at) VALUES (1, ?, 0, ?, ?)",
      sku,
      DEFAULT_LOW_STOCK_THRESHOLD,
      Date.now(),
    );
    return { sku, on_hand: 0, low_stock_threshold: DEFAULT_LOW_STOCK_THRESHOLD };
  }

  private reservedUnits(): number {
    return this.ctx.storage.sql
      .exec<{ reserved: number }>(
        "SELECT COALESCE(SUM(quantity), 0) AS reserved FROM reservations WHERE expires_at > ?",
        Date.now(),
      )
      .one().reserved;
  }

  private snapshotOf(row: StockRow, reserved = this.reservedUnits()): StockSnapshot {
    return {
      sku: row.sku,
      onHand: row.on_hand,
      reserved,
      available: row.on_hand - reserved,
      lowStockThreshold: row.low_stock_threshold,
    };
  }
}
