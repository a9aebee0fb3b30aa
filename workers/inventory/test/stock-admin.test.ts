import { describe, expect, it } from "vitest";
import type { Role } from "../../shared/caller";
import { call, self } from "./harness";

const inventory = self.InventoryService;

function patch(sku: string, body: unknown, role: Role | null = "seller"): Promise<Response> {
  return call(`/api/inventory/${sku}`, {
    role: role ?? undefined,
    init: { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  });
}

function putShards(sku: string, body: unknown, role: Role | null = "admin"): Promise<Response> {
  return call(`/api/inventory/${sku}/shards`, {
    role: role ?? undefined,
    init: { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  });
}

describe("PATCH /api/inventory/:sku", () => {
  it("sets on-hand units (a stock count) and answers the inventory record", async () => {
    const res = await patch("ADM-SET", { set: 40, reason: "stock count" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sku: "ADM-SET",
      onHand: 40,
      reserved: 0,
      available: 40,
      lowStockThreshold: 5,
      shards: 1,
    });
  });

  it("adjusts by a delta and changes the low-stock threshold", async () => {
    await patch("ADM-ADJ", { set: 10, reason: "count" });
    const res = await patch("ADM-ADJ", { adjust: -3, reason: "damaged", lowStockThreshold: 2 }, "admin");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ onHand: 7, available: 7, lowStockThreshold: 2 });
    const thresholdOnly = await patch("ADM-ADJ", { lowStockThreshold: 9 });
    expect(await thresholdOnly.json()).toMatchObject({ onHand: 7, lowStockThreshold: 9 });
  });

  it("refuses going below the reserved units with 409 conflict and changes nothing", async () => {
    await patch("ADM-FLOOR", { set: 5, reason: "count" });
    await inventory.reserve("ADM-FLOOR", "order-1", 4, 600);
    const res = await patch("ADM-FLOOR", { set: 3, reason: "recount" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "conflict", stock: { onHand: 5, reserved: 4 } });
    expect(await inventory.getStock("ADM-FLOOR")).toMatchObject({ onHand: 5, reserved: 4, available: 1 });
  });

  it.each([
    [{ set: 5, adjust: 1, reason: "both" }, "adjust"],
    [{ set: 5 }, "reason"],
    [{ adjust: 0, reason: "nothing" }, "adjust"],
    [{ set: -1, reason: "negative" }, "set"],
    [{ reason: "nothing to do" }, "set"],
    [{ set: 1, reason: "x", extra: true }, ""],
  ])("rejects %j with 400 validation_failed", async (body, path) => {
    const res = await patch("ADM-BAD", body);
    expect(res.status).toBe(400);
    const problem = await res.json<{ code: string; errors: { path: string }[] }>();
    expect(problem.code).toBe("validation_failed");
    if (path) expect(problem.errors.map((e) => e.path)).toContain(path);
    expect(await inventory.getStock("ADM-BAD")).toMatchObject({ onHand: 0 });
  });

  it("is 401 anonymous and 403 for a customer", async () => {
    expect((await patch("ADM-SEC", { set: 1, reason: "x" }, null)).status).toBe(401);
    expect((await patch("ADM-SEC", { set: 1, reason: "x" }, "customer")).status).toBe(403);
    expect(await inventory.getStock("ADM-SEC")).toMatchObject({ onHand: 0 });
  });
});

describe("PUT /api/inventory/:sku/shards", () => {
  it("splits a SKU's stock over shards and joins it back, keeping the totals", async () => {
    await patch("ADM-HOT", { set: 100, reason: "flash sale stock" });
    const split = await putShards("ADM-HOT", { shards: 4 });
    expect(split.status).toBe(200);
    expect(await split.json()).toMatchObject({ sku: "ADM-HOT", onHand: 100, available: 100, shards: 4 });
    const read = await call("/api/inventory/ADM-HOT", { role: "seller" });
    expect(await read.json()).toMatchObject({ onHand: 100, shards: 4 });
    const adjusted = await patch("ADM-HOT", { adjust: -10, reason: "damaged" });
    expect(await adjusted.json()).toMatchObject({ onHand: 90, available: 90, shards: 4 });
    const joined = await putShards("ADM-HOT", { shards: 1 });
    expect(await joined.json()).toMatchObject({ onHand: 90, available: 90, shards: 1 });
  });

  it("is for admins only: a seller gets 403, anonymous 401", async () => {
    expect((await putShards("ADM-HOT2", { shards: 2 }, "seller")).status).toBe(403);
    expect((await putShards("ADM-HOT2", { shards: 2 }, null)).status).toBe(401);
    expect(await inventory.getStock("ADM-HOT2")).toMatchObject({ onHand: 0 });
  });

  it("rejects a shard count outside 1-16", async () => {
    for (const shards of [0, 17, 2.5]) {
      const res = await putShards("ADM-HOT3", { shards });
      expect(res.status).toBe(400);
    }
  });
});
