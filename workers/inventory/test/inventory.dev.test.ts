import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { MAX_SEED_ITEMS, SEED_REASON, type StockSeedItem } from "../inventory.dev";
import { call, testEnv } from "./harness";

/** POST /dev/inventory/seed as scripts/seed-stock.mjs sends it. */
function seed(items: unknown): Promise<Response> {
  return call("/dev/inventory/seed", {
    init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(items) },
  });
}

const item = (sku: string, onHand: number, lowStockThreshold = 5): StockSeedItem => ({
  sku,
  onHand,
  lowStockThreshold,
});

describe("POST /dev/inventory/seed", () => {
  it("stocks never-stocked SKUs with their on-hand units and low-stock threshold", async () => {
    const res = await seed([item("DEV-A", 40, 10), item("DEV-B", 0, 3), item("DEV-C", 2)]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ seeded: 3, skipped: 0 });
    expect(await testEnv.STOCK.getByName("DEV-A").snapshot()).toEqual({
      sku: "DEV-A",
      onHand: 40,
      reserved: 0,
      available: 40,
      lowStockThreshold: 10,
    });
    expect(await testEnv.STOCK.getByName("DEV-B").snapshot()).toMatchObject({
      onHand: 0,
      lowStockThreshold: 3,
    });
  });

  it("is idempotent: a second run skips every SKU and changes nothing", async () => {
    await seed([item("DEV-TWICE-1", 12), item("DEV-TWICE-2", 0)]);
    const res = await seed([item("DEV-TWICE-1", 99, 1), item("DEV-TWICE-2", 7, 1)]);
    expect(await res.json()).toEqual({ seeded: 0, skipped: 2 });
    expect(await testEnv.STOCK.getByName("DEV-TWICE-1").snapshot()).toMatchObject({
      onHand: 12,
      lowStockThreshold: 5,
    });
    // A SKU seeded at 0 counts as stocked too: a later seed does not "restock" it.
    expect(await testEnv.STOCK.getByName("DEV-TWICE-2").snapshot()).toMatchObject({ onHand: 0 });
  });

  it("never overwrites stock that changed, even back to zero; a SKU only read so far is stocked", async () => {
    const counted = testEnv.STOCK.getByName("DEV-COUNTED");
    await counted.set(3, "stock count");
    const soldOut = testEnv.STOCK.getByName("DEV-SOLD-OUT");
    await soldOut.set(5, "delivery");
    await soldOut.adjust(-5, "sold");
    await testEnv.STOCK.getByName("DEV-READ").snapshot();

    const res = await seed([item("DEV-COUNTED", 50), item("DEV-SOLD-OUT", 50), item("DEV-READ", 50)]);
    expect(await res.json()).toEqual({ seeded: 1, skipped: 2 });
    expect((await counted.snapshot()).onHand).toBe(3);
    expect((await soldOut.snapshot()).onHand).toBe(0);
    expect((await testEnv.STOCK.getByName("DEV-READ").snapshot()).onHand).toBe(50);
  });

  it("logs the initial stock in the SKU's history, with the seed's reason", async () => {
    await seed([item("DEV-HISTORY", 8)]);
    const stock = testEnv.STOCK.getByName("DEV-HISTORY");
    // A later change builds on the seeded figure, proving the seed went through the audit path.
    expect(await stock.adjust(-1, "sold")).toMatchObject({ ok: true, stock: { onHand: 7 } });
    expect(SEED_REASON).toMatch(/seed/);
  });

  it("answers 400 for malformed SKUs, negative units, duplicates and oversized chunks", async () => {
    const bad = [
      [item("bad sku", 1)],
      [item("DEV-NEG", -1)],
      [{ sku: "DEV-FRACTION", onHand: 1.5, lowStockThreshold: 5 }],
      [item("DEV-DUP", 1), item("DEV-DUP", 2)],
      [],
      Array.from({ length: MAX_SEED_ITEMS + 1 }, (_, i) => item(`DEV-MANY-${i}`, 1)),
      { sku: "DEV-NOT-A-LIST", onHand: 1, lowStockThreshold: 5 },
    ];
    for (const body of bad) {
      const res = await seed(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "validation_failed" });
    }
    expect((await testEnv.STOCK.getByName("DEV-NEG").snapshot()).onHand).toBe(0);
  });

  it("does not exist outside development", async () => {
    const request = new Request("https://inventory.internal/dev/inventory/seed", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([item("DEV-PROD", 10)]),
    }) as Request<unknown, IncomingRequestCfProperties>;
    const production = { ...testEnv, ENVIRONMENT: "production" };
    const res = await worker.fetch(request, production, createExecutionContext());
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect((await testEnv.STOCK.getByName("DEV-PROD").snapshot()).onHand).toBe(0);
  });
});

describe("POST /dev/inventory/reserve", () => {
  function reserveOne(body: unknown): Promise<Response> {
    return call("/dev/inventory/reserve", {
      init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    });
  }

  it("reserves through the checkout coordinator: 200 with the hold, then 409 out_of_stock", async () => {
    await seed([item("DEV-RES", 1)]);
    const ok = await reserveOne({ sku: "DEV-RES", orderId: "bench-1", quantity: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, sku: "DEV-RES", orderId: "bench-1", quantity: 1 });
    const refused = await reserveOne({ sku: "DEV-RES", orderId: "bench-2", quantity: 1 });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "out_of_stock", available: 0 });
    expect((await reserveOne({ sku: "DEV-RES", orderId: "", quantity: 1 })).status).toBe(400);
  });
});
