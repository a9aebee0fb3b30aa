import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { LEVEL_FLUSH_DELAY_MS, type StockDO } from "../../../durable-objects/stock.do";
import type { Reservation } from "../inventory.schemas";
import { reserve, settle } from "../stock.service";
import { shardName } from "../stock-ledger";
import { self, testEnv } from "./harness";

const inventory = self.InventoryService;
const TTL = 600;

/** Stocks a fresh SKU with `units` on hand (and optionally splits it) through the public RPC. */
async function stocked(sku: string, units: number, shards = 1): Promise<void> {
  expect((await inventory.setStock(sku, units, "delivery")).ok).toBe(true);
  if (shards > 1) await inventory.setShards(sku, shards);
}

/** The invariant of DESIGN.md: on hand is always available plus reserved. */
async function expectConsistent(sku: string) {
  const stock = await inventory.getStock(sku);
  expect(stock.onHand).toBe(stock.available + stock.reserved);
  expect(stock.available).toBeGreaterThanOrEqual(0);
  return stock;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes a pending level report due now, as if LEVEL_FLUSH_DELAY_MS had passed. */
async function reportDue(name: string): Promise<void> {
  await runInDurableObject(testEnv.STOCK.getByName(name), (_i, state) => {
    state.storage.sql.exec(
      "UPDATE meta SET level_dirty_since = ? WHERE level_dirty_since > 0",
      Date.now() - LEVEL_FLUSH_DELAY_MS - 1,
    );
  });
}

async function alertsOf(sku: string): Promise<{ available: number; threshold: number }[]> {
  return runInDurableObject(testEnv.STOCK.getByName(sku), (_i, state) =>
    state.storage.sql
      .exec<{ available: number; threshold: number }>(
        "SELECT available, threshold FROM low_stock_alerts ORDER BY id",
      )
      .toArray(),
  );
}

describe("reserve, commit, release", () => {
  it("holds units for an order: available goes down, reserved up, on hand stays", async () => {
    await stocked("RES-1", 10);
    const held = await inventory.reserve("RES-1", "order-a", 3, TTL);
    expect(held).toMatchObject({ ok: true, sku: "RES-1", orderId: "order-a", quantity: 3 });
    expect(await expectConsistent("RES-1")).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect(await testEnv.STOCK.getByName("RES-1").available()).toBe(7);
  });

  it("does not double a reservation when the same order reserves again", async () => {
    await stocked("RES-TWICE", 10);
    const first = await inventory.reserve("RES-TWICE", "order-a", 4, TTL);
    const again = await inventory.reserve("RES-TWICE", "order-a", 4, TTL);
    expect(again).toEqual(first);
    expect(await inventory.getStock("RES-TWICE")).toMatchObject({ reserved: 4, available: 6 });
  });

  it("refuses more than is available with out_of_stock and the available count", async () => {
    await stocked("RES-OOS", 2);
    expect(await inventory.reserve("RES-OOS", "order-a", 3, TTL)).toEqual({
      ok: false,
      code: "out_of_stock",
      sku: "RES-OOS",
      requested: 3,
      available: 2,
    });
    expect(await inventory.getStock("RES-OOS")).toMatchObject({ reserved: 0, available: 2 });
  });

  it("commit sells the units once; a second commit is harmless; release after commit is refused", async () => {
    await stocked("RES-COMMIT", 5);
    await inventory.reserve("RES-COMMIT", "order-a", 2, TTL);
    expect(await inventory.commit("RES-COMMIT", "order-a")).toMatchObject({
      ok: true,
      quantity: 2,
      state: "committed",
    });
    expect(await inventory.commit("RES-COMMIT", "order-a")).toMatchObject({ ok: true, quantity: 2 });
    expect(await expectConsistent("RES-COMMIT")).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(await inventory.release("RES-COMMIT", "order-a")).toMatchObject({ ok: false, code: "conflict" });
    expect(await inventory.getStock("RES-COMMIT")).toMatchObject({ onHand: 3, available: 3 });
    // A late retry of the reservation cannot take stock again for a settled order.
    expect(await inventory.reserve("RES-COMMIT", "order-a", 2, TTL)).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("release hands the units back; twice is harmless; commit after release is refused", async () => {
    await stocked("RES-RELEASE", 5);
    await inventory.reserve("RES-RELEASE", "order-a", 5, TTL);
    expect(await inventory.release("RES-RELEASE", "order-a")).toMatchObject({ ok: true, quantity: 5 });
    expect(await inventory.release("RES-RELEASE", "order-a")).toMatchObject({ ok: true, quantity: 5 });
    expect(await expectConsistent("RES-RELEASE")).toMatchObject({ onHand: 5, available: 5 });
    expect(await inventory.commit("RES-RELEASE", "order-a")).toMatchObject({ ok: false, code: "conflict" });
    // Releasing an order that never reserved here is a no-op, not an error.
    expect(await inventory.release("RES-RELEASE", "order-none")).toMatchObject({ ok: true, quantity: 0 });
    expect(await inventory.commit("RES-RELEASE", "order-never")).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("restock puts a committed order's units back once", async () => {
    await stocked("RES-RESTOCK", 4);
    await inventory.reserve("RES-RESTOCK", "order-a", 3, TTL);
    await inventory.commit("RES-RESTOCK", "order-a");
    expect(await inventory.restock("RES-RESTOCK", "order-a")).toMatchObject({
      ok: true,
      quantity: 3,
      state: "restocked",
    });
    expect(await inventory.restock("RES-RESTOCK", "order-a")).toMatchObject({ ok: true, quantity: 3 });
    expect(await expectConsistent("RES-RESTOCK")).toMatchObject({ onHand: 4, available: 4 });
    expect(await inventory.restock("RES-RESTOCK", "order-b")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses lowering stock below what open orders hold", async () => {
    await stocked("RES-FLOOR", 5);
    await inventory.reserve("RES-FLOOR", "order-a", 4, TTL);
    expect(await inventory.adjust("RES-FLOOR", -2, "damaged")).toMatchObject({ ok: false, code: "conflict" });
    expect(await inventory.setStock("RES-FLOOR", 3, "count")).toMatchObject({ ok: false, code: "conflict" });
    expect(await inventory.adjust("RES-FLOOR", -1, "damaged")).toMatchObject({
      ok: true,
      stock: { onHand: 4 },
    });
  });

  it("rejects malformed arguments with a TypeError (a caller's bug, not a refusal)", async () => {
    // Inside the object: an RPC rejection crossing the test runner's loopback is also reported as
    // an unhandled error, which would fail the run even though the test expects it.
    await runInDurableObject(testEnv.STOCK.getByName("RES-BAD"), async (instance: StockDO) => {
      await expect(instance.reserve("order-a", 0, TTL)).rejects.toThrow(/quantity/);
      await expect(instance.reserve("order-a", 1, 0)).rejects.toThrow(/ttlSeconds/);
      await expect(instance.reserve("", 1, TTL)).rejects.toThrow(/orderId/);
      await expect(instance.commit("")).rejects.toThrow(TypeError);
      await expect(instance.take(-1, "x")).rejects.toThrow(TypeError);
    });
    expect(await inventory.getStock("RES-BAD")).toMatchObject({ onHand: 0, reserved: 0 });
  });
});

describe("expiry", () => {
  it("returns expired units at once on every read, refuses a late commit, and the alarm tidies up", async () => {
    await stocked("EXP-1", 3);
    await inventory.reserve("EXP-1", "order-late", 2, 1);
    expect(await inventory.getStock("EXP-1")).toMatchObject({ reserved: 2, available: 1 });
    await sleep(1_100);
    // No alarm has run yet: the read alone ignores the expired hold.
    expect(await expectConsistent("EXP-1")).toMatchObject({ onHand: 3, reserved: 0, available: 3 });
    expect(await inventory.commit("EXP-1", "order-late")).toMatchObject({ ok: false, code: "expired" });
    // The alarm (and a repeated one) change nothing a read did not already show.
    await runDurableObjectAlarm(testEnv.STOCK.getByName("EXP-1"));
    await runDurableObjectAlarm(testEnv.STOCK.getByName("EXP-1"));
    expect(await expectConsistent("EXP-1")).toMatchObject({ onHand: 3, available: 3 });
    expect(await inventory.release("EXP-1", "order-late")).toMatchObject({ ok: true });
    expect(await inventory.getStock("EXP-1")).toMatchObject({ onHand: 3, available: 3 });
  });

  it("sets an alarm for the earliest expiry, and the alarm moves expired holds to settlements", async () => {
    await stocked("EXP-ALARM", 5);
    const held = (await inventory.reserve("EXP-ALARM", "order-a", 1, 1)) as Extract<
      Reservation,
      { ok: true }
    >;
    const stub = testEnv.STOCK.getByName("EXP-ALARM");
    const alarm = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeLessThanOrEqual(held.expiresAt);
    await sleep(1_100);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const rows = await runInDurableObject(stub, (_i, state) => ({
      live: state.storage.sql.exec("SELECT * FROM reservations").toArray().length,
      settled: state.storage.sql.exec("SELECT order_id, state FROM settlements").toArray(),
    }));
    expect(rows).toEqual({ live: 0, settled: [{ order_id: "order-a", state: "expired" }] });
  });
});

describe("concurrency: never oversell", () => {
  /**
   * 200 shoppers at once for 10 units. The calls go through the same coordinator InventoryService
   * runs (stock.service.ts), straight from the test: the test runner's RPC loopback serialises
   * invocations at milliseconds each, which would measure the runner, not the objects. Every
   * StockDO still receives the 200 calls concurrently.
   */
  async function flashSale(sku: string, shards: number) {
    await stocked(sku, 10, shards);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserve(testEnv.STOCK, sku, `order-${i}`, 1, TTL)),
    );
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(190);
    expect(lost.every((r) => !r.ok && r.code === "out_of_stock")).toBe(true);
    expect(await expectConsistent(sku)).toMatchObject({ onHand: 10, reserved: 10, available: 0 });
    // Selling every winner empties the SKU exactly; releasing the losers changes nothing.
    const commits = await Promise.all(
      won.map((r) => settle(testEnv.STOCK, sku, (r as { orderId: string }).orderId, "commit")),
    );
    expect(commits.every((c) => c.ok && c.quantity === 1)).toBe(true);
    await Promise.all(lost.map((_, i) => settle(testEnv.STOCK, sku, `order-lost-${i}`, "release")));
    expect(await expectConsistent(sku)).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
  }

  it("200 concurrent reserves of 1 on 10 units: exactly 10 succeed", { timeout: 30_000 }, async () => {
    await flashSale("FLASH-1", 1);
  });

  it("the same with the SKU split over 4 shards", { timeout: 30_000 }, async () => {
    await flashSale("FLASH-4", 4);
  });

  it("the same over RPC: 30 concurrent InventoryService.reserve calls for 5 units of a split SKU", async () => {
    await stocked("FLASH-RPC", 5, 4);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => inventory.reserve("FLASH-RPC", `order-${i}`, 1, TTL)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await expectConsistent("FLASH-RPC")).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
  });

  it("concurrent multi-unit orders never oversell a split SKU", async () => {
    await stocked("FLASH-MULTI", 20, 4);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        reserve(testEnv.STOCK, "FLASH-MULTI", `order-${i}`, 1 + (i % 3), TTL),
      ),
    );
    const held = results.reduce((sum, r) => sum + (r.ok ? r.quantity : 0), 0);
    expect(held).toBeLessThanOrEqual(20);
    expect(await expectConsistent("FLASH-MULTI")).toMatchObject({
      onHand: 20,
      reserved: held,
      available: 20 - held,
    });
    // A split order that found too few units gave back what it took: no unit is lost, so the
    // rest can still be bought, one by one, exactly.
    let extra = 0;
    while ((await reserve(testEnv.STOCK, "FLASH-MULTI", `after-${extra}`, 1, TTL)).ok) extra++;
    expect(held + extra).toBe(20);
  });
});

describe("shards", () => {
  it("spreads available units evenly and reports the total", async () => {
    await stocked("SHARD-SPREAD", 10, 4);
    const parts = await Promise.all(
      [0, 1, 2, 3].map((i) => testEnv.STOCK.getByName(shardName("SHARD-SPREAD", i)).snapshot()),
    );
    expect(parts.map((p) => p.onHand)).toEqual([3, 3, 2, 2]);
    expect(await inventory.getStock("SHARD-SPREAD")).toMatchObject({
      onHand: 10,
      available: 10,
      reserved: 0,
    });
  });

  it("reserves across shards when no single shard holds the quantity, idempotently", async () => {
    await stocked("SHARD-SPAN", 10, 4);
    const first = await inventory.reserve("SHARD-SPAN", "order-big", 5, TTL);
    expect(first).toMatchObject({ ok: true, quantity: 5 });
    expect(await inventory.reserve("SHARD-SPAN", "order-big", 5, TTL)).toMatchObject({
      ok: true,
      quantity: 5,
    });
    expect(await expectConsistent("SHARD-SPAN")).toMatchObject({ reserved: 5, available: 5 });
    expect(await inventory.commit("SHARD-SPAN", "order-big")).toMatchObject({ ok: true, quantity: 5 });
    expect(await expectConsistent("SHARD-SPAN")).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it("leaves nothing held when the shards together cannot cover the quantity", async () => {
    await stocked("SHARD-SHORT", 10, 4);
    expect(await inventory.reserve("SHARD-SHORT", "order-huge", 11, TTL)).toMatchObject({
      ok: false,
      code: "out_of_stock",
      available: 10,
    });
    expect(await expectConsistent("SHARD-SHORT")).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
  });

  it("joins back into one object without losing units, and held units stay committable", async () => {
    await stocked("SHARD-JOIN", 12, 4);
    await inventory.reserve("SHARD-JOIN", "order-held", 2, TTL);
    expect(await inventory.setShards("SHARD-JOIN", 1)).toMatchObject({ onHand: 12, reserved: 2, shards: 1 });
    expect(await inventory.commit("SHARD-JOIN", "order-held")).toMatchObject({ ok: true, quantity: 2 });
    expect(await expectConsistent("SHARD-JOIN")).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    const primary = await testEnv.STOCK.getByName("SHARD-JOIN").snapshot();
    expect(primary.available).toBe(10);
  });

  it("adjusts and sets a split SKU's total", async () => {
    await stocked("SHARD-ADJ", 8, 4);
    expect(await inventory.adjust("SHARD-ADJ", 4, "delivery")).toMatchObject({
      ok: true,
      stock: { onHand: 12 },
    });
    expect(await inventory.adjust("SHARD-ADJ", -7, "damaged")).toMatchObject({
      ok: true,
      stock: { onHand: 5 },
    });
    expect(await inventory.setStock("SHARD-ADJ", 9, "count")).toMatchObject({
      ok: true,
      stock: { onHand: 9 },
    });
    await inventory.reserve("SHARD-ADJ", "order-a", 6, TTL);
    expect(await inventory.adjust("SHARD-ADJ", -4, "damaged")).toMatchObject({ ok: false, code: "conflict" });
    expect(await expectConsistent("SHARD-ADJ")).toMatchObject({ onHand: 9, reserved: 6, available: 3 });
  });
});

describe("low-stock alerts and level reports", () => {
  it("alerts once when stock crosses the threshold, and again only after it recovered", async () => {
    const sku = "LOW-ONCE";
    await stocked(sku, 8);
    await inventory.reserve(sku, "order-1", 2, TTL); // 6 left: above the threshold of 5
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    expect(await alertsOf(sku)).toEqual([]);

    for (let i = 2; i <= 5; i++) await inventory.reserve(sku, `order-${i}`, 1, TTL); // down to 2
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    await inventory.reserve(sku, "order-6", 1, TTL); // 1 left: still low, no second alert
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    expect(await alertsOf(sku)).toEqual([{ available: 2, threshold: 5 }]);

    await inventory.adjust(sku, 20, "delivery"); // recovers
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    await inventory.adjust(sku, -18, "damaged"); // low again
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    expect(await alertsOf(sku)).toHaveLength(2);
  });

  it("waits for changes to settle: a report is not sent before the delay", async () => {
    const sku = "LOW-WAIT";
    await stocked(sku, 3);
    const stub = testEnv.STOCK.getByName(sku);
    await runDurableObjectAlarm(stub); // not due yet: nothing reported, still pending
    const pending = await runInDurableObject(
      stub,
      (_i, s) => s.storage.sql.exec("SELECT level_dirty_since AS d FROM meta").one().d,
    );
    expect(pending).toBeGreaterThan(0);
    expect(await alertsOf(sku)).toEqual([]);
    await reportDue(sku);
    await runDurableObjectAlarm(stub);
    expect(await alertsOf(sku)).toEqual([{ available: 3, threshold: 5 }]);
  });

  it("checks a split SKU's threshold on its total, once, from the primary", async () => {
    const sku = "LOW-SHARDED";
    await stocked(sku, 12, 4);
    await Promise.all(Array.from({ length: 8 }, (_, i) => inventory.reserve(sku, `order-${i}`, 1, TTL)));
    for (const i of [0, 1, 2, 3]) {
      await reportDue(shardName(sku, i));
      await runDurableObjectAlarm(testEnv.STOCK.getByName(shardName(sku, i)));
    }
    await reportDue(sku);
    await runDurableObjectAlarm(testEnv.STOCK.getByName(sku));
    expect(await alertsOf(sku)).toEqual([{ available: 4, threshold: 5 }]);
    for (const i of [1, 2, 3]) expect(await alertsOf(shardName(sku, i))).toEqual([]);
  });
});
