import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { productVariants } from "../../../db/catalog/schema";
import type { StockLevelMessage } from "../../../queues/stock-levels.schema";
import { deliverBatch } from "../../../test/queue";
import worker from "../index";
import type { ProductPage } from "../products.schemas";
import { newestLevelPerSku } from "../stock-levels.consumer";
import { api, cacheVersion, db, makeCategory, makeProduct, sku } from "./factories";
import { testEnv, withFailingDatabase } from "./harness";

/** Delivers `bodies` to the worker's queue handler as one batch of `queue`; returns what it did. */
function deliver(bodies: readonly unknown[], options: { queue?: string; env?: typeof testEnv } = {}) {
  return deliverBatch(options.queue ?? "shop-stock-levels", bodies, (batch) =>
    worker.queue(batch, options.env ?? testEnv),
  );
}

/** Delivers levels and checks every message was acknowledged, none retried. */
async function deliverLevels(levels: readonly StockLevelMessage[]): Promise<void> {
  const result = await deliver(levels);
  expect(result.retryMessages).toEqual([]);
  expect(result.explicitAcks).toHaveLength(levels.length);
}

/** A level for `sku` (onHand equal to available unless given). */
function level(skuValue: string, at: number, available: number, lowStockThreshold = 5): StockLevelMessage {
  return { sku: skuValue, available, onHand: available, lowStockThreshold, at };
}

async function variantStock(skuValue: string) {
  const [row] = await db()
    .select({
      available: productVariants.available,
      lowStockThreshold: productVariants.lowStockThreshold,
      stockReportedAt: productVariants.stockReportedAt,
    })
    .from(productVariants)
    .where(eq(productVariants.sku, skuValue));
  return row;
}

/** One product with one variant (10 available, threshold 5); returns its SKU and category. */
async function stockedVariant() {
  const category = await makeCategory();
  const product = await makeProduct({ categoryId: category.id, variants: [{ available: 10 }] });
  return { sku: product.skus[0]!, product, category };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("stock-levels consumer", () => {
  it("applies a level to the variant's stock projection", async () => {
    const { sku: skuValue } = await stockedVariant();
    await deliverLevels([{ sku: skuValue, available: 3, onHand: 7, lowStockThreshold: 4, at: 1_000 }]);
    expect(await variantStock(skuValue)).toEqual({
      available: 3,
      lowStockThreshold: 4,
      stockReportedAt: 1_000,
    });
  });

  it("ignores a level older than, or as old as, the one it holds", async () => {
    const { sku: skuValue } = await stockedVariant();
    await deliverLevels([level(skuValue, 2_000, 7)]);
    await deliverLevels([level(skuValue, 1_000, 1, 9)]);
    expect(await variantStock(skuValue)).toEqual({
      available: 7,
      lowStockThreshold: 5,
      stockReportedAt: 2_000,
    });
    // A duplicate `at` is a redelivery: it changes nothing either.
    await deliverLevels([level(skuValue, 2_000, 0)]);
    expect((await variantStock(skuValue))?.available).toBe(7);
    await deliverLevels([level(skuValue, 2_001, 0)]);
    expect((await variantStock(skuValue))?.available).toBe(0);
  });

  it("keeps the newest level when one batch carries a SKU's levels out of order", async () => {
    const { sku: skuValue } = await stockedVariant();
    await deliverLevels([level(skuValue, 3_000, 2), level(skuValue, 5_000, 9), level(skuValue, 4_000, 1)]);
    expect(await variantStock(skuValue)).toMatchObject({ available: 9, stockReportedAt: 5_000 });
  });

  it("acknowledges a level for a SKU the catalog does not have, and still applies the rest", async () => {
    const { sku: known } = await stockedVariant();
    const unknown = sku("GHOST");
    await deliverLevels([level(unknown, 1_000, 3), level(known, 1_000, 4)]);
    expect(await variantStock(unknown)).toBeUndefined();
    expect((await variantStock(known))?.available).toBe(4);
  });

  it("acknowledges and logs malformed messages without throwing, and applies the valid ones", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { sku: skuValue } = await stockedVariant();
    const malformed = [
      "not an object",
      { sku: skuValue },
      { ...level(skuValue, 1_000, 3), available: -1 },
      { ...level(skuValue, 1_000, 3), at: 0 },
      { ...level(skuValue, 1_000, 3), available: 1.5 },
      { ...level(skuValue, 1_000, 3), sku: "" },
    ];
    const result = await deliver([...malformed, level(skuValue, 1_000, 2)]);
    expect(result.explicitAcks).toHaveLength(malformed.length + 1);
    expect(result.retryMessages).toEqual([]);
    expect(result.retryBatch.retry).toBe(false);
    expect(errors).toHaveBeenCalledTimes(malformed.length);
    expect(String(errors.mock.calls[0]?.[0])).toContain("malformed stock-level message");
    expect((await variantStock(skuValue))?.available).toBe(2);
  });

  it("does not bump the catalog cache version", async () => {
    const { sku: skuValue } = await stockedVariant();
    const before = await cacheVersion();
    await deliverLevels([level(skuValue, 1_000, 1)]);
    expect(await cacheVersion()).toBe(before);
  });

  it("retries every valid message with backoff when the database fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = withFailingDatabase();
    const batch = createMessageBatch("shop-stock-levels", [
      { id: "fails", timestamp: new Date(), attempts: 3, body: level("SKU-ANY", 1_000, 1) },
      { id: "bad", timestamp: new Date(), attempts: 1, body: { sku: "SKU-ANY" } },
    ]);
    const retry = vi.spyOn(batch.messages[0]!, "retry");
    const ctx = createExecutionContext();
    await worker.queue(batch, failing);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([{ msgId: "fails" }]);
    expect(result.explicitAcks).toEqual(["bad"]);
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 20 });
  });

  it("retries a batch from a queue it has no consumer for", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await deliver([level("SKU-ANY", 1_000, 1)], { queue: "shop-unheard-of" });
    expect(result.retryBatch.retry).toBe(true);
    expect(result.explicitAcks).toEqual([]);
    expect(String(errors.mock.calls[0]?.[0])).toContain("no consumer for queue");
  });
});

describe("listings follow consumed stock levels", () => {
  async function listCategory(slug: string, extra = ""): Promise<ProductPage> {
    const res = await api<ProductPage>("GET", `/api/products?category=${slug}${extra}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it("changes the stock status and the inStock filter", async () => {
    const { sku: skuValue, product, category } = await stockedVariant();
    const status = async () => (await listCategory(category.slug)).items[0]?.stock.status;
    const inStock = async () => (await listCategory(category.slug, "&inStock=true")).items.map((i) => i.id);
    expect(await status()).toBe("in_stock");

    await deliverLevels([level(skuValue, 1_000, 0)]);
    expect(await status()).toBe("out_of_stock");
    expect(await inStock()).toEqual([]);

    await deliverLevels([level(skuValue, 2_000, 3, 5)]);
    expect(await status()).toBe("low_stock");
    expect(await inStock()).toEqual([product.id]);

    await deliverLevels([level(skuValue, 3_000, 50, 5)]);
    expect(await status()).toBe("in_stock");
  });
});

describe("newestLevelPerSku", () => {
  it("keeps one level per SKU, the one with the highest at (the first on a tie)", () => {
    const levels = [
      level("A1", 2, 1),
      level("B1", 1, 1),
      level("A1", 3, 2),
      level("A1", 3, 3),
      level("A1", 1, 4),
    ];
    expect(newestLevelPerSku(levels)).toEqual([level("A1", 3, 2), level("B1", 1, 1)]);
  });
});
