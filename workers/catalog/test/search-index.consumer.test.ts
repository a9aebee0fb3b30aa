import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../index";
import { testEnv } from "./harness";

describe("search-index consumer", () => {
  it("acknowledges every message, well-formed or not", async () => {
    const batch = createMessageBatch("shop-search-index", [
      {
        id: "ok-1",
        timestamp: new Date(),
        attempts: 1,
        body: { action: "upsert", productIds: ["p1"], at: 1 },
      },
      { id: "bad-1", timestamp: new Date(), attempts: 1, body: { action: "explode" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, testEnv);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["bad-1", "ok-1"]);
    expect(result.retryMessages).toEqual([]);
  });
});
