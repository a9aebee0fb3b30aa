import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReviewSummaryMessage } from "../../../queues/review-summaries.schema";
import { deliverBatch } from "../../../test/queue";
import worker from "../index";
import type { ProductPage } from "../products.schemas";
import { newestSummaryPerProduct } from "../review-summaries.consumer";
import { api, cacheVersion, makeCategory, makeProduct, productRow } from "./factories";
import { self, testEnv, withFailingDatabase } from "./harness";

/** Delivers `bodies` to the worker's queue handler as one batch of `queue`; returns what it did. */
function deliver(bodies: readonly unknown[], queue = "shop-review-summaries") {
  return deliverBatch(queue, bodies, (batch) => worker.queue(batch, testEnv));
}

/** Delivers summaries and checks every message was acknowledged, none retried. */
async function deliverSummaries(summaries: readonly ReviewSummaryMessage[]): Promise<void> {
  const result = await deliver(summaries);
  expect(result.retryMessages).toEqual([]);
  expect(result.explicitAcks).toHaveLength(summaries.length);
}

function summary(productId: string, at: number, average: number, count: number): ReviewSummaryMessage {
  return { productId, average, count, at };
}

async function rating(productId: string) {
  const row = await productRow(productId);
  return row && { average: row.ratingAverage, count: row.ratingCount, at: row.ratingReportedAt };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("review-summaries consumer", () => {
  it("applies a summary to the product's rating projection and bumps the cache version once", async () => {
    const category = await makeCategory();
    const a = await makeProduct({ categoryId: category.id });
    const b = await makeProduct({ categoryId: category.id });
    const before = await cacheVersion();
    await deliverSummaries([summary(a.id, 1_000, 4.5, 2), summary(b.id, 1_000, 3, 1)]);
    expect(await rating(a.id)).toEqual({ average: 4.5, count: 2, at: 1_000 });
    expect(await rating(b.id)).toEqual({ average: 3, count: 1, at: 1_000 });
    expect(await cacheVersion()).toBe(before + 1);
  });

  it("ignores a summary older than, or as old as, the one it holds", async () => {
    const product = await makeProduct({ categoryId: (await makeCategory()).id });
    await deliverSummaries([summary(product.id, 2_000, 4, 3)]);
    await deliverSummaries([summary(product.id, 1_000, 1, 1)]);
    await deliverSummaries([summary(product.id, 2_000, 2, 9)]);
    expect(await rating(product.id)).toEqual({ average: 4, count: 3, at: 2_000 });
    await deliverSummaries([summary(product.id, 2_001, 0, 0)]);
    expect(await rating(product.id)).toEqual({ average: 0, count: 0, at: 2_001 });
  });

  it("keeps the newest summary when one batch carries a product's summaries out of order", async () => {
    const product = await makeProduct({ categoryId: (await makeCategory()).id });
    await deliverSummaries([
      summary(product.id, 3_000, 2, 1),
      summary(product.id, 5_000, 4.7, 3),
      summary(product.id, 4_000, 3.5, 2),
    ]);
    expect(await rating(product.id)).toEqual({ average: 4.7, count: 3, at: 5_000 });
  });

  it("acknowledges a summary for a product the catalog does not have", async () => {
    await deliverSummaries([summary("prod-ghost", 1_000, 5, 1)]);
    expect(await productRow("prod-ghost")).toBeUndefined();
  });

  it("acknowledges and logs malformed messages without throwing, and applies the valid ones", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const product = await makeProduct({ categoryId: (await makeCategory()).id });
    const good = summary(product.id, 1_000, 4, 1);
    const malformed = [
      "not an object",
      { productId: product.id },
      { ...good, average: 5.1 },
      { ...good, average: 0.5 },
      { ...good, count: 0 },
      { ...good, count: -1 },
      { ...good, count: 1.5 },
      { ...good, at: 0 },
      { ...good, productId: "" },
    ];
    const result = await deliver([...malformed, good]);
    expect(result.explicitAcks).toHaveLength(malformed.length + 1);
    expect(result.retryMessages).toEqual([]);
    expect(errors).toHaveBeenCalledTimes(malformed.length);
    expect(String(errors.mock.calls[0]?.[0])).toContain("malformed review-summary message");
    expect(await rating(product.id)).toEqual({ average: 4, count: 1, at: 1_000 });
  });

  it("retries every valid message with backoff when the database fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = withFailingDatabase();
    const batch = createMessageBatch("shop-review-summaries", [
      { id: "fails", timestamp: new Date(), attempts: 2, body: summary("prod-any", 1_000, 5, 1) },
      { id: "bad", timestamp: new Date(), attempts: 1, body: { productId: "prod-any" } },
    ]);
    const retry = vi.spyOn(batch.messages[0]!, "retry");
    const ctx = createExecutionContext();
    await worker.queue(batch, failing);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([{ msgId: "fails" }]);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 10 });
  });
});

describe("listings follow consumed review summaries", () => {
  it("show the rating, filter by minRating and sort by rating with the same numbers", async () => {
    const category = await makeCategory();
    const good = await makeProduct({ categoryId: category.id });
    const better = await makeProduct({ categoryId: category.id });
    const unrated = await makeProduct({ categoryId: category.id });
    const list = async (extra: string) => {
      const res = await api<ProductPage>("GET", `/api/products?category=${category.slug}${extra}`);
      expect(res.status).toBe(200);
      return res.body.items;
    };
    await deliverSummaries([summary(good.id, 1_000, 4, 12), summary(better.id, 1_000, 4.6, 3)]);
    expect((await list("&sort=rating")).map((p) => [p.id, p.rating])).toEqual([
      [better.id, { average: 4.6, count: 3 }],
      [good.id, { average: 4, count: 12 }],
      [unrated.id, { average: 0, count: 0 }],
    ]);
    expect((await list("&minRating=4.5")).map((p) => p.id)).toEqual([better.id]);
    await deliverSummaries([summary(good.id, 2_000, 4.8, 13)]);
    expect((await list("&minRating=4.5&sort=rating")).map((p) => p.id)).toEqual([good.id, better.id]);
  });
});

describe("CatalogService.reviewProduct (RPC)", () => {
  it("answers id, slug, name, status and seller; null for an unknown or impossible id", async () => {
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id, name: "Kettle", sellerId: "seller-7" });
    const archived = await makeProduct({ categoryId: category.id, status: "archived" });
    expect(await self.CatalogService.reviewProduct(product.id)).toEqual({
      id: product.id,
      slug: product.slug,
      name: "Kettle",
      status: "active",
      sellerId: "seller-7",
    });
    expect((await self.CatalogService.reviewProduct(archived.id))?.status).toBe("archived");
    expect(await self.CatalogService.reviewProduct("prod-nope")).toBeNull();
    expect(await self.CatalogService.reviewProduct("")).toBeNull();
    expect(await self.CatalogService.reviewProduct("x".repeat(500))).toBeNull();
  });
});

describe("newestSummaryPerProduct", () => {
  it("keeps one summary per product, the one with the highest at (the first on a tie)", () => {
    const summaries = [
      summary("A", 2, 1, 1),
      summary("B", 1, 1, 1),
      summary("A", 3, 2, 1),
      summary("A", 3, 3, 1),
      summary("A", 1, 4, 1),
    ];
    expect(newestSummaryPerProduct(summaries)).toEqual([summary("A", 3, 2, 1), summary("B", 1, 1, 1)]);
  });
});
