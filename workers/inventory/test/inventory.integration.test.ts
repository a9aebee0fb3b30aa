import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { describeWorkerContract } from "../../../test/worker-contract";
import { InventoryService } from "../index";
import { call, self, testEnv } from "./harness";

describeWorkerContract({
  service: "inventory",
  checks: { stock: "ok" },
  call: (path, init) => call(path, { init }),
  unknown: { path: "/nope" },
});

describe("GET /api/inventory/:sku", () => {
  it("answers the inventory record to a seller", async () => {
    await testEnv.STOCK.getByName("TEE-RED-M").set(12, "initial count");
    const res = await call("/api/inventory/TEE-RED-M", { role: "seller" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      sku: "TEE-RED-M",
      onHand: 12,
      reserved: 0,
      available: 12,
      lowStockThreshold: 5,
      shards: 1,
    });
  });

  it("answers to an admin, with zero stock for a SKU never stocked", async () => {
    const res = await call("/api/inventory/NEVER-STOCKED", { role: "admin" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ sku: "NEVER-STOCKED", onHand: 0, available: 0 });
  });

  it("rejects a malformed SKU with 400 validation_failed", async () => {
    const res = await call(`/api/inventory/${encodeURIComponent("bad sku!")}`, { role: "admin" });
    expect(res.status).toBe(400);
    const body = await res.json<{ code: string; errors: { path: string }[] }>();
    expect(body.code).toBe("validation_failed");
    expect(body.errors[0]?.path).toBe("sku");
  });
});

describe("InventoryService (RPC)", () => {
  it("answers ping", async () => {
    expect(await self.InventoryService.ping()).toBe("ok");
  });

  it("getStock returns the SKU's snapshot", async () => {
    await testEnv.STOCK.getByName("MUG-1").set(3, "initial count");
    expect(await self.InventoryService.getStock("MUG-1")).toEqual({
      sku: "MUG-1",
      onHand: 3,
      reserved: 0,
      available: 3,
      lowStockThreshold: 5,
    });
  });

  // On an instance, not over RPC: see stock.do.test.ts on cloudflare/workers-sdk#14736.
  it("getStock refuses a malformed SKU", async () => {
    const service = new InventoryService(createExecutionContext(), testEnv);
    await expect(service.getStock("~health")).rejects.toThrow(/Not a SKU/);
  });
});
