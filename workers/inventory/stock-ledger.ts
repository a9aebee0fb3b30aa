import type { ReservationSettlement, StockSnapshot } from "./inventory.schemas";

/** The low-stock threshold a SKU starts with until a seller sets its own. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** The separator between a SKU and its shard number in a shard's object name: `TEE-M~2`. */
export const SHARD_SEPARATOR = "~";

/** The object name of shard `index` of `sku`; shard 0 is the SKU's own object (the primary). */
export function shardName(sku: string, index: number): string {
  return index === 0 ? sku : `${sku}${SHARD_SEPARATOR}${index}`;
}

/** The SKU an object name belongs to (a shard's name carries its number after `~`). */
export function skuOfObject(name: string): string {
  const at = name.indexOf(SHARD_SEPARATOR);
  return at === -1 ? name : name.slice(0, at);
}

/** How a SKU's stock is split: `shards` objects take new reservations; `span` ever held stock. */
export interface ShardLayout {
  shards: number;
  span: number;
}

/** A settlement as a StockDO answers it: with the SKU's layout, so callers find every shard. */
export type ObjectSettlement = ReservationSettlement & { layout: ShardLayout };

/** The whole of several objects' stock (a split SKU's shards), under the first one's SKU. */
export function sumSnapshots(first: StockSnapshot, rest: readonly StockSnapshot[]): StockSnapshot {
  const total = { ...first };
  for (const s of rest) {
    total.onHand += s.onHand;
    total.reserved += s.reserved;
    total.available += s.available;
  }
  return total;
}

export type StockRow = { sku: string; on_hand: number; low_stock_threshold: number };
export type MetaRow = { shards: number; span: number; low_alerted: number; level_dirty_since: number };
type Held = { quantity: number; expires_at: number };
type Settled = { quantity: number; state: "committed" | "released" | "expired" | "restocked" };

const TABLES = `
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
  CREATE TABLE IF NOT EXISTS settlements (
    order_id TEXT PRIMARY KEY,
    quantity INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('committed', 'released', 'expired', 'restocked')),
    settled_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    shards INTEGER NOT NULL DEFAULT 1 CHECK (shards >= 1),
    span INTEGER NOT NULL DEFAULT 1 CHECK (span >= shards),
    low_alerted INTEGER NOT NULL DEFAULT 0,
    level_dirty_since INTEGER NOT NULL DEFAULT 0
  );
  INSERT OR IGNORE INTO meta (id) VALUES (1);
  CREATE TABLE IF NOT EXISTS low_stock_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    available INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    sent_at INTEGER NOT NULL
  );
`;

/**
 * The SQLite storage of one StockDO: the stock row, live reservations, settled orders (what
 * makes commit, release and restock idempotent), the audit log of stock changes, the shard
 * layout and the flags of the level report. Plain synchronous reads and writes; the StockDO
 * wraps every change in one transaction.
 */
export class StockLedger {
  constructor(
    private readonly sql: SqlStorage,
    /** The object's name (its SKU, or `SKU~n` for a shard); alarms run without it. */
    private readonly objectName: () => string | undefined,
  ) {}

  createTables(): void {
    this.sql.exec(TABLES);
  }

  /**
   * The single stock row, created (0 on hand) on the first call. The object's name is stored
   * rather than read from the id each time because alarms run without it.
   */
  row(): StockRow {
    const row = this.sql
      .exec<StockRow>("SELECT sku, on_hand, low_stock_threshold FROM stock WHERE id = 1")
      .toArray()[0];
    if (row) return row;
    const sku = this.objectName();
    if (!sku) throw new TypeError("A StockDO must be addressed by its SKU: env.STOCK.getByName(sku).");
    this.sql.exec(
      "INSERT INTO stock (id, sku, on_hand, low_stock_threshold, updated_at) VALUES (1, ?, 0, ?, ?)",
      sku,
      DEFAULT_LOW_STOCK_THRESHOLD,
      Date.now(),
    );
    return { sku, on_hand: 0, low_stock_threshold: DEFAULT_LOW_STOCK_THRESHOLD };
  }

  /** The SKU this object holds stock of (a shard answers its SKU, not its own name). */
  sku(): string {
    return skuOfObject(this.row().sku);
  }

  /** Whether this object is a shard (not the primary) of a split SKU. */
  isShard(): boolean {
    return this.row().sku.includes(SHARD_SEPARATOR);
  }

  meta(): MetaRow {
    return this.sql
      .exec<MetaRow>("SELECT shards, span, low_alerted, level_dirty_since FROM meta WHERE id = 1")
      .one();
  }

  layout(): ShardLayout {
    const { shards, span } = this.meta();
    return { shards, span };
  }

  setOnHand(onHand: number, now: number): void {
    this.sql.exec("UPDATE stock SET on_hand = ?, updated_at = ? WHERE id = 1", onHand, now);
  }

  liveReservation(orderId: string, now: number): Held | undefined {
    return this.sql
      .exec<Held>(
        "SELECT quantity, expires_at FROM reservations WHERE order_id = ? AND expires_at > ?",
        orderId,
        now,
      )
      .toArray()[0];
  }

  hold(orderId: string, quantity: number, expiresAt: number, now: number): void {
    this.sql.exec(
      "INSERT INTO reservations (order_id, quantity, expires_at, created_at) VALUES (?, ?, ?, ?)",
      orderId,
      quantity,
      expiresAt,
      now,
    );
    this.markLevelChanged(now);
  }

  dropReservation(orderId: string): void {
    this.sql.exec("DELETE FROM reservations WHERE order_id = ?", orderId);
  }

  settlement(orderId: string): Settled | undefined {
    return this.sql
      .exec<Settled>("SELECT quantity, state FROM settlements WHERE order_id = ?", orderId)
      .toArray()[0];
  }

  settle(orderId: string, quantity: number, state: Settled["state"], now: number): void {
    this.sql.exec(
      `INSERT INTO settlements (order_id, quantity, state, settled_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET state = excluded.state, settled_at = excluded.settled_at`,
      orderId,
      quantity,
      state,
      now,
    );
  }

  /** Moves reservations that have run out into `settlements` as expired (their units are free). */
  expire(now: number): void {
    const expired = this.sql
      .exec<{ n: number }>("SELECT COUNT(*) AS n FROM reservations WHERE expires_at <= ?", now)
      .one().n;
    if (expired === 0) return;
    this.sql.exec(
      `INSERT OR IGNORE INTO settlements (order_id, quantity, state, settled_at)
       SELECT order_id, quantity, 'expired', ? FROM reservations WHERE expires_at <= ?`,
      now,
      now,
    );
    this.sql.exec("DELETE FROM reservations WHERE expires_at <= ?", now);
    this.markLevelChanged(now);
  }

  /** Logs a change of the units on hand with its reason. */
  audit(delta: number, onHandAfter: number, reason: string, now: number): void {
    this.sql.exec(
      "INSERT INTO adjustments (delta, on_hand_after, reason, created_at) VALUES (?, ?, ?, ?)",
      delta,
      onHandAfter,
      reason,
      now,
    );
    this.markLevelChanged(now);
  }

  /** Whether anything ever happened to this object's stock (a logged change or a reservation). */
  touched(): boolean {
    const count = (table: string) =>
      this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).one().n;
    return this.row().on_hand !== 0 || count("adjustments") > 0 || count("reservations") > 0;
  }

  /** Notes that the level changed; the first change since the last report starts the delay. */
  markLevelChanged(now = Date.now()): void {
    this.sql.exec("UPDATE meta SET level_dirty_since = ? WHERE id = 1 AND level_dirty_since = 0", now);
  }

  /** When the next thing is due: the earliest expiry, or the pending level report. */
  nextDueAt(levelDelayMs: number): number | null {
    const expiry = this.sql
      .exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM reservations")
      .one().at;
    const dirtySince = this.meta().level_dirty_since;
    const report = dirtySince > 0 ? dirtySince + levelDelayMs : null;
    if (expiry === null) return report;
    return report === null ? expiry : Math.min(expiry, report);
  }

  reservedUnits(now = Date.now()): number {
    return this.sql
      .exec<{ reserved: number }>(
        "SELECT COALESCE(SUM(quantity), 0) AS reserved FROM reservations WHERE expires_at > ?",
        now,
      )
      .one().reserved;
  }

  snapshot(row = this.row(), reserved = this.reservedUnits()): StockSnapshot {
    return {
      sku: row.sku,
      onHand: row.on_hand,
      reserved,
      available: row.on_hand - reserved,
      lowStockThreshold: row.low_stock_threshold,
    };
  }

  exec(query: string, ...bindings: (string | number | null)[]): void {
    this.sql.exec(query, ...bindings);
  }
}
