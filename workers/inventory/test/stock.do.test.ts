import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { StockDO } from "../../../durable-objects/stock.do";
import { testEnv } from "./harness";

/** Writes a reservation straight into the object's storage (reserve() arrives with checkout). */
async function seedReservation(sku: string, orderId: string, quantity: number, expiresAt: number) {
  await runInDurableObject(testEnv.STOCK.getByName(sku), (instance, state) => {
    expect(instance).toBeInstanceOf(StockDO);
    state.storage.sql.exec(
      "INSERT INTO reservations (order_id, quantity, expires_at, created_at) VALUES (?, ?, ?, ?)",
      orderId,
      quantity,
      expiresAt,
      Date.now(),
    );
  });
}

async function adjustmentCount(sku: string): Promise<number> {
  return runInDurableObject(
    testEnv.STOCK.getByName(sku),
    (_instance, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM adjustments").one().n,
  );
}

describe("StockDO", () => {
  it("starts a SKU at zero and remembers the SKU it was addressed by", async () => {
    const stock = testEnv.STOCK.getByName("NEW-SKU");
    expect(await stock.ping()).toBe("ok");
    expect(await stock.snapshot()).toEqual({
      sku: "NEW-SKU",
      onHand: 0,
      reserved: 0,
      available: 0,
      lowStockThreshold: 5,
    });
  });

  it("sets and adjusts on-hand units, logging each change", async () => {
    const stock = testEnv.STOCK.getByName("SET-ADJ");
    expect(await stock.set(10, "stock count")).toMatchObject({
      ok: true,
      stock: { onHand: 10, available: 10 },
    });
    expect(await stock.adjust(-3, "damaged")).toMatchObject({ ok: true, stock: { onHand: 7, available: 7 } });
    expect(await stock.adjust(5, "delivery")).toMatchObject({
      ok: true,
      stock: { onHand: 12, available: 12 },
    });
    const log = await runInDurableObject(stock, (_instance, state) =>
      state.storage.sql.exec("SELECT delta, on_hand_after, reason FROM adjustments ORDER BY id").toArray(),
    );
    expect(log).toEqual([
      { delta: 10, on_hand_after: 10, reason: "stock count" },
      { delta: -3, on_hand_after: 7, reason: "damaged" },
      { delta: 5, on_hand_after: 12, reason: "delivery" },
    ]);
  });

  it("counts live reservations and ignores expired ones", async () => {
    const stock = testEnv.STOCK.getByName("RESERVED");
    await stock.set(10, "stock count");
    await seedReservation("RESERVED", "order-live", 4, Date.now() + 60_000);
    await seedReservation("RESERVED", "order-expired", 3, Date.now() - 1);
    expect(await stock.snapshot()).toEqual({
      sku: "RESERVED",
      onHand: 10,
      reserved: 4,
      available: 6,
      lowStockThreshold: 5,
    });
  });

  it("refuses to go below the reserved units, and writes nothing", async () => {
    const stock = testEnv.STOCK.getByName("NO-OVERSELL");
    await stock.set(5, "stock count");
    await seedReservation("NO-OVERSELL", "order-1", 4, Date.now() + 60_000);
    const held = { onHand: 5, reserved: 4, available: 1 };
    expect(await stock.adjust(-2, "damaged")).toMatchObject({ ok: false, code: "conflict", stock: held });
    const refused = await stock.set(3, "recount");
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(refused.ok ? "" : refused.detail).toMatch(/4 units are reserved/);
    expect(await stock.snapshot()).toMatchObject(held);
    expect(await adjustmentCount("NO-OVERSELL")).toBe(1);
    expect(await stock.adjust(-1, "damaged")).toMatchObject({ ok: true, stock: { onHand: 4, available: 0 } });
  });

  it("refuses to go below zero", async () => {
    const stock = testEnv.STOCK.getByName("BELOW-ZERO");
    await stock.set(1, "stock count");
    expect(await stock.adjust(-2, "damaged")).toMatchObject({
      ok: false,
      code: "conflict",
      stock: { onHand: 1 },
    });
  });

  // Called on the instance, not over RPC: a rejecting DO RPC leaks an unhandled rejection in
  // vitest-pool-workers (cloudflare/workers-sdk#14736) even when the test handles it.
  it("throws a TypeError for malformed arguments, and writes nothing", async () => {
    await runInDurableObject(testEnv.STOCK.getByName("BAD-INPUT"), async (instance: StockDO) => {
      await expect(instance.set(-1, "count")).rejects.toThrow(TypeError);
      await expect(instance.set(1.5, "count")).rejects.toThrow(TypeError);
      await expect(instance.adjust(0, "nothing")).rejects.toThrow(TypeError);
      await expect(instance.adjust(1, "   ")).rejects.toThrow(/reason/);
    });
    expect(await adjustmentCount("BAD-INPUT")).toBe(0);
  });
});
