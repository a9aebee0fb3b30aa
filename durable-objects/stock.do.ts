import { DurableObject } from "cloudflare:workers";
import type { LowStockMessage } from "../queues/low-stock.schema";
import type { StockLevelMessage } from "../queues/stock-levels.schema";
import type { Reservation, StockChange, StockSnapshot } from "../workers/inventory/inventory.schemas";
import { checkedReason, checkOrderId, checkReservation, checkUnits } from "../workers/inventory/stock-args";
import {
  type ObjectSettlement,
  type ShardLayout,
  StockLedger,
  shardName,
  sumSnapshots,
} from "../workers/inventory/stock-ledger";
import {
  changeIn,
  commitIn,
  releaseIn,
  reserveIn,
  reserveShareIn,
  restockIn,
  type ShardedRefusal,
  type ShareTaken,
  takeIn,
} from "../workers/inventory/stock-reservations";
import type { Env } from "../workers/inventory/worker-configuration";

/**
 * How long after a change a SKU reports its level (catalog projection) and checks its low-stock
 * threshold. Everything that changes within this window becomes one message, so a flash sale of
 * a thousand units sends a handful of messages, not a thousand.
 */
export const LEVEL_FLUSH_DELAY_MS = 2_000;

/** When reporting a level fails, try again this much later. */
const LEVEL_RETRY_DELAY_MS = 10_000;

/** The outcome of `initialise`: applied only to a SKU that had never been stocked. */
export interface StockInitialisation {
  applied: boolean;
  stock: StockSnapshot;
}

/**
 * The stock of one SKU (one object per SKU: `env.STOCK.getByName(sku)`), or of one shard of a
 * hot SKU (`env.STOCK.getByName("SKU~2")`). Every change runs in one synchronous SQLite
 * transaction (the steps are in workers/inventory/stock-reservations.ts), so two requests for the
 * last unit can never both win.
 *
 * Reservations past their expiry count for nothing on every read, so correctness never waits for
 * the alarm: the alarm only tidies them into settlements (as `expired`), then reports the level
 * and checks the low-stock threshold. A late, early or repeated alarm therefore changes nothing a
 * read would not already show. Refusals are returned (`ok: false`, answered with 409), not
 * thrown; only a caller's bug (malformed arguments) throws a `TypeError`.
 */
export class StockDO extends DurableObject<Env> {
  private readonly ledger: StockLedger;
  /** The alarm time this object last asked for (null: none), so hot paths skip redundant sets. */
  private alarmAt: number | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ledger = new StockLedger(ctx.storage.sql, () => ctx.id.name);
    void ctx.blockConcurrencyWhile(async () => {
      this.ledger.createTables();
      this.alarmAt = await ctx.storage.getAlarm();
    });
  }

  /** Answers "ok": proves the object can be reached and its storage opened. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** This object's stock; reservations that have expired are not counted. */
  async snapshot(): Promise<StockSnapshot> {
    return this.ledger.snapshot();
  }

  /** Units that can be bought now (on hand minus live reservations). */
  async available(): Promise<number> {
    return this.ledger.snapshot().available;
  }

  /** This object's stock with the SKU's shard layout (meaningful on the primary). */
  async describe(): Promise<{ stock: StockSnapshot; layout: ShardLayout }> {
    return { stock: this.ledger.snapshot(), layout: this.ledger.layout() };
  }

  /** Sets the units on hand (a stock count); refused below the units currently reserved. */
  async set(onHand: number, reason: string): Promise<StockChange> {
    checkUnits("onHand", onHand);
    const why = checkedReason(reason);
    return this.write((now) => changeIn(this.ledger, () => onHand, why, now));
  }

  /** Adds `delta` (negative to remove) to the units on hand; refused below the units reserved. */
  async adjust(delta: number, reason: string): Promise<StockChange> {
    if (!Number.isSafeInteger(delta) || delta === 0) {
      throw new TypeError(`delta must be a non-zero whole number of units, got ${delta}.`);
    }
    const why = checkedReason(reason);
    return this.write((now) => changeIn(this.ledger, (current) => current + delta, why, now));
  }

  /** Sets the low-stock threshold; the next level check alerts if stock is already at or below it. */
  async setLowStockThreshold(threshold: number): Promise<StockSnapshot> {
    checkUnits("lowStockThreshold", threshold);
    return this.write((now) => {
      this.ledger.row();
      this.ledger.exec(
        "UPDATE stock SET low_stock_threshold = ?, updated_at = ? WHERE id = 1",
        threshold,
        now,
      );
      this.ledger.markLevelChanged(now);
      return this.ledger.snapshot();
    });
  }

  /**
   * Gives a SKU that has never been stocked its starting stock and low-stock threshold, once:
   * only while nothing has ever happened to the object, checked in the same transaction as the
   * write, so a repeated or concurrent call is a no-op and stock that moved since is never
   * overwritten. The audit entry doubles as the "initialised" mark, also for a SKU that starts at 0.
   */
  async initialise(onHand: number, lowStockThreshold: number, reason: string): Promise<StockInitialisation> {
    checkUnits("onHand", onHand);
    checkUnits("lowStockThreshold", lowStockThreshold);
    const why = checkedReason(reason);
    return this.write((now) => {
      if (this.ledger.touched()) return { applied: false, stock: this.ledger.snapshot() };
      this.ledger.exec(
        "UPDATE stock SET on_hand = ?, low_stock_threshold = ?, updated_at = ? WHERE id = 1",
        onHand,
        lowStockThreshold,
        now,
      );
      this.ledger.audit(onHand, onHand, why, now);
      return { applied: true, stock: this.ledger.snapshot() };
    });
  }

  /** Holds `quantity` units for `orderId` for `ttlSeconds` (see reserveIn); `sharded` on a split SKU's primary. */
  async reserve(
    orderId: string,
    quantity: number,
    ttlSeconds: number,
  ): Promise<Reservation | ShardedRefusal> {
    checkReservation(orderId, quantity, ttlSeconds);
    return this.write((now) => reserveIn(this.ledger, orderId, quantity, ttlSeconds, now));
  }

  /** Holds what this shard has of `quantity` units for `orderId` (see reserveShareIn). */
  async reserveUpTo(orderId: string, quantity: number, ttlSeconds: number): Promise<ShareTaken> {
    checkReservation(orderId, quantity, ttlSeconds);
    return this.write((now) => reserveShareIn(this.ledger, orderId, quantity, ttlSeconds, now));
  }

  /** Sells the order's reserved units; idempotent, refused after expiry or release. */
  async commit(orderId: string): Promise<ObjectSettlement> {
    checkOrderId(orderId);
    return this.write((now) => commitIn(this.ledger, orderId, now));
  }

  /** Hands the order's reserved units back; idempotent, refused once they were sold. */
  async release(orderId: string): Promise<ObjectSettlement> {
    checkOrderId(orderId);
    return this.write((now) => releaseIn(this.ledger, orderId, now));
  }

  /** Puts a committed order's units back on hand, once. */
  async restock(orderId: string): Promise<ObjectSettlement> {
    checkOrderId(orderId);
    return this.write((now) => restockIn(this.ledger, orderId, now));
  }

  /** Removes up to `units` of the available units and says how many (moving or lowering split stock). */
  async take(units: number, reason: string): Promise<number> {
    checkUnits("units", units);
    const why = checkedReason(reason);
    return this.write((now) => takeIn(this.ledger, units, why, now));
  }

  /** Adds `units` on hand (the other half of `take`). */
  async give(units: number, reason: string): Promise<void> {
    checkUnits("units", units);
    const why = checkedReason(reason);
    if (units === 0) return;
    this.write((now) => {
      const onHand = this.ledger.row().on_hand + units;
      this.ledger.setOnHand(onHand, now);
      this.ledger.audit(units, onHand, why, now);
    });
  }

  /**
   * Splits the SKU over `shards` objects (on the primary). `span` remembers the most shards ever
   * used: units reserved on a shard stay there until settled, and commit and release must still
   * find them after the SKU is split over fewer shards.
   */
  async setLayout(shards: number): Promise<ShardLayout> {
    checkUnits("shards", shards, 1);
    if (this.ledger.isShard()) throw new TypeError("Only a SKU's primary object holds its shard layout.");
    return this.write((now) => {
      this.ledger.exec("UPDATE meta SET shards = ?, span = MAX(span, ?) WHERE id = 1", shards, shards);
      this.ledger.markLevelChanged(now);
      return this.ledger.layout();
    });
  }

  /** A shard's stock changed: the primary reports the SKU's level after the usual delay. */
  async shardChanged(): Promise<void> {
    this.write((now) => {
      this.ledger.row();
      this.ledger.markLevelChanged(now);
    });
  }

  /**
   * The alarm: tidies expired reservations, then, once a change has settled, reports the level
   * and checks the threshold. Every step reads the current state, so running it late, early or
   * twice does no harm.
   */
  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    this.ctx.storage.transactionSync(() => this.ledger.expire(now));
    const dirtySince = this.ledger.meta().level_dirty_since;
    if (dirtySince > 0 && now >= dirtySince + LEVEL_FLUSH_DELAY_MS - 50) {
      try {
        await this.reportLevel();
      } catch (error) {
        console.error(
          JSON.stringify({ level: "error", message: "stock level report failed", error: String(error) }),
        );
        const retryAt = now + LEVEL_RETRY_DELAY_MS - LEVEL_FLUSH_DELAY_MS;
        this.ledger.exec("UPDATE meta SET level_dirty_since = ? WHERE id = 1", retryAt);
      }
    }
    this.scheduleAlarm();
  }

  /**
   * Sends the SKU's level to the catalog and checks the low-stock threshold once per crossing:
   * `low_alerted` goes up with the alert and down when stock recovers above the threshold. A
   * shard tells its primary instead, which judges the whole SKU.
   */
  private async reportLevel(): Promise<void> {
    this.ledger.exec("UPDATE meta SET level_dirty_since = 0 WHERE id = 1");
    if (this.ledger.isShard()) {
      await this.env.STOCK.getByName(this.ledger.sku()).shardChanged();
      return;
    }
    const total = await this.totalStock();
    const now = Date.now();
    const low = total.available <= total.lowStockThreshold;
    const alerted = this.ledger.meta().low_alerted === 1;
    if (low && !alerted) {
      const alert: LowStockMessage = {
        sku: total.sku,
        available: total.available,
        threshold: total.lowStockThreshold,
        at: now,
      };
      await this.env.LOW_STOCK.send(alert);
      this.ledger.exec("UPDATE meta SET low_alerted = 1 WHERE id = 1");
      this.ledger.exec(
        "INSERT INTO low_stock_alerts (available, threshold, sent_at) VALUES (?, ?, ?)",
        alert.available,
        alert.threshold,
        now,
      );
    } else if (!low && alerted) {
      this.ledger.exec("UPDATE meta SET low_alerted = 0 WHERE id = 1");
    }
    const level: StockLevelMessage = {
      sku: total.sku,
      available: Math.max(0, total.available),
      onHand: total.onHand,
      lowStockThreshold: total.lowStockThreshold,
      at: now,
    };
    await this.env.STOCK_LEVELS.send(level);
  }

  /** The whole SKU's stock: this object's, plus its shards' when it is split. */
  private async totalStock(): Promise<StockSnapshot> {
    const own = this.ledger.snapshot();
    const { span } = this.ledger.layout();
    if (span === 1) return own;
    const shards = await Promise.all(
      Array.from({ length: span - 1 }, (_, i) =>
        this.env.STOCK.getByName(shardName(own.sku, i + 1)).snapshot(),
      ),
    );
    return sumSnapshots(own, shards);
  }

  /** Runs `step` in one transaction, then sets the alarm for whatever it left due. */
  private write<T>(step: (now: number) => T): T {
    const result = this.ctx.storage.transactionSync(() => step(Date.now()));
    this.scheduleAlarm();
    return result;
  }

  /** Points the alarm at the next thing due, unless an earlier alarm is already set. */
  private scheduleAlarm(): void {
    const next = this.ledger.nextDueAt(LEVEL_FLUSH_DELAY_MS);
    if (next === null) return;
    if (this.alarmAt !== null && this.alarmAt <= next && this.alarmAt > Date.now() - 1000) return;
    this.alarmAt = next;
    void this.ctx.storage.setAlarm(next);
  }
}
