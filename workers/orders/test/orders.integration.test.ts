import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { describeWorkerContract } from "../../../test/worker-contract";
import worker, { OrdersService } from "../index";
import { call, seedOrder, self, testEnv } from "./harness";

describeWorkerContract({
  service: "orders",
  checks: { database: "ok" },
  call,
  unknown: { path: "/api/orders/nope" },
});

describe("OrdersService (RPC)", () => {
  it("answers ping", async () => {
    expect(await self.OrdersService.ping()).toBe("ok");
  });

  it("hasPurchased is true for confirmed-or-later orders with the product", async () => {
    await seedOrder({ userId: "buyer-1", status: "confirmed", productIds: ["p-tee", "p-mug"] });
    await seedOrder({ userId: "buyer-2", status: "delivered", productIds: ["p-tee"] });
    expect(await self.OrdersService.hasPurchased("buyer-1", "p-tee")).toBe(true);
    expect(await self.OrdersService.hasPurchased("buyer-1", "p-mug")).toBe(true);
    expect(await self.OrdersService.hasPurchased("buyer-2", "p-tee")).toBe(true);
  });

  it("hasPurchased is false for orders not (or no longer) paid", async () => {
    for (const status of ["pending_payment", "expired", "cancelled", "refunded"] as const) {
      await seedOrder({ userId: `unpaid-${status}`, status, productIds: ["p-hat"] });
      expect(await self.OrdersService.hasPurchased(`unpaid-${status}`, "p-hat")).toBe(false);
    }
  });

  it("hasPurchased is false for another user's order or another product", async () => {
    await seedOrder({ userId: "buyer-3", status: "shipped", productIds: ["p-sock"] });
    expect(await self.OrdersService.hasPurchased("someone-else", "p-sock")).toBe(false);
    expect(await self.OrdersService.hasPurchased("buyer-3", "p-other")).toBe(false);
  });

  it("hasPurchased ignores guest orders", async () => {
    await seedOrder({ userId: null, status: "confirmed", productIds: ["p-guest"] });
    expect(await self.OrdersService.hasPurchased("guest", "p-guest")).toBe(false);
  });

  // On an instance, not over RPC: a rejecting RPC leaks an unhandled rejection in
  // vitest-pool-workers (cloudflare/workers-sdk#14736) even when the test handles it.
  it("hasPurchased refuses an empty id", async () => {
    const service = new OrdersService(createExecutionContext(), testEnv);
    await expect(service.hasPurchased("", "p-tee")).rejects.toThrow(/user id and a product id/);
  });
});

describe("scheduled", () => {
  it("runs without error when there is nothing to expire or retry", async () => {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), testEnv, ctx);
    await waitOnExecutionContext(ctx);
  });
});
