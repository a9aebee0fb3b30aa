import { describe, expect, it } from "vitest";
import type { StockLevelMessage } from "../../../queues/stock-levels.schema";
import { deliverBatch } from "../../../test/queue";
import type { Caller } from "../../shared/caller";
import worker from "../index";
import type { LowStockItem, LowStockPage } from "../low-stock.schemas";
import { admin, api, makeCategory, makeProduct, seller, sku } from "./factories";
import { testEnv } from "./harness";

async function lowStock(as: Caller, query = ""): Promise<LowStockPage> {
  const res = await api<LowStockPage>("GET", `/api/inventory/low-stock${query}`, { as });
  expect(res.status).toBe(200);
  return res.body;
}

const skusOf = (page: { items: LowStockItem[] }) => page.items.map((i) => i.sku);

/** Every item an admin sees, page by page (other tests of this file add SKUs of their own). */
async function everyItemForAdmin(): Promise<LowStockItem[]> {
  const items: LowStockItem[] = [];
  for (let page = 1; ; page += 1) {
    const body = await lowStock(admin, `?limit=100&page=${page}`);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}

async function deliverLevels(levels: readonly StockLevelMessage[]): Promise<void> {
  const result = await deliverBatch("shop-stock-levels", levels, (batch) => worker.queue(batch, testEnv));
  expect(result.explicitAcks).toHaveLength(levels.length);
}

describe("GET /api/inventory/low-stock", () => {
  it("lists a seller's SKUs at or below their threshold, emptiest first, then by SKU", async () => {
    const owner = seller();
    const category = await makeCategory();
    const [a, b, c, d] = [sku("LSA"), sku("LSB"), sku("LSC"), sku("LSD")];
    const boots = await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      name: "Hiking boots",
      variants: [
        { sku: b, available: 2, lowStockThreshold: 5, options: { size: "42" } },
        { sku: d, available: 6, lowStockThreshold: 5 }, // above its threshold: not listed
        { sku: sku("LSX"), available: 0, status: "archived" }, // not sold any more
        { sku: c, available: 5, lowStockThreshold: 5 }, // at the threshold: listed
      ],
    });
    const draft = await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      name: "Draft tent",
      status: "draft",
      variants: [{ sku: a, available: 2, lowStockThreshold: 3 }],
    });
    await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      status: "archived",
      variants: [{ available: 0 }],
    });
    const empty = await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      name: "Camp stove",
      variants: [{ available: 0, lowStockThreshold: 0, options: { fuel: "gas" } }],
    });

    const page = await lowStock(owner);
    expect(page).toMatchObject({ total: 4, page: 1, limit: 24 });
    expect(page.items).toEqual([
      {
        sku: empty.skus[0],
        productId: empty.id,
        productName: "Camp stove",
        options: { fuel: "gas" },
        available: 0,
        lowStockThreshold: 0,
        status: "out_of_stock",
      },
      {
        sku: a,
        productId: draft.id,
        productName: "Draft tent",
        options: {},
        available: 2,
        lowStockThreshold: 3,
        status: "low_stock",
      },
      {
        sku: b,
        productId: boots.id,
        productName: "Hiking boots",
        options: { size: "42" },
        available: 2,
        lowStockThreshold: 5,
        status: "low_stock",
      },
      {
        sku: c,
        productId: boots.id,
        productName: "Hiking boots",
        options: {},
        available: 5,
        lowStockThreshold: 5,
        status: "low_stock",
      },
    ]);
  });

  it("gives an admin every seller's low SKUs", async () => {
    const [one, two] = [seller(), seller()];
    const category = await makeCategory();
    const first = await makeProduct({
      categoryId: category.id,
      sellerId: one.userId,
      variants: [{ available: 1 }],
    });
    const second = await makeProduct({
      categoryId: category.id,
      sellerId: two.userId,
      variants: [{ available: 0 }],
    });
    const plenty = await makeProduct({
      categoryId: category.id,
      sellerId: two.userId,
      variants: [{ available: 50 }],
    });
    const seen = (await everyItemForAdmin()).map((i) => i.sku);
    expect(seen).toEqual(expect.arrayContaining([first.skus[0], second.skus[0]]));
    expect(seen).not.toContain(plenty.skus[0]);
  });

  it("pages with page and limit, keeping the total", async () => {
    const owner = seller();
    const category = await makeCategory();
    const skus = ["LP1", "LP2", "LP3", "LP4", "LP5"].map((prefix) => sku(prefix));
    await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      variants: skus.map((s) => ({ sku: s, available: 1 })),
    });
    const pages = await Promise.all([1, 2, 3, 4].map((p) => lowStock(owner, `?limit=2&page=${p}`)));
    expect(pages.map((p) => [p.total, p.page, p.limit])).toEqual([
      [5, 1, 2],
      [5, 2, 2],
      [5, 3, 2],
      [5, 4, 2],
    ]);
    expect(pages.map(skusOf)).toEqual([skus.slice(0, 2), skus.slice(2, 4), skus.slice(4), []]);
  });

  it("follows the stock levels the queue delivers", async () => {
    const owner = seller();
    const category = await makeCategory();
    const product = await makeProduct({
      categoryId: category.id,
      sellerId: owner.userId,
      variants: [{ available: 20, lowStockThreshold: 5 }],
    });
    const skuValue = product.skus[0]!;
    expect((await lowStock(owner)).items).toEqual([]);

    await deliverLevels([{ sku: skuValue, available: 4, onHand: 6, lowStockThreshold: 5, at: 1_000 }]);
    expect((await lowStock(owner)).items).toMatchObject([
      { sku: skuValue, available: 4, status: "low_stock" },
    ]);

    await deliverLevels([{ sku: skuValue, available: 0, onHand: 2, lowStockThreshold: 5, at: 2_000 }]);
    expect((await lowStock(owner)).items).toMatchObject([
      { sku: skuValue, available: 0, status: "out_of_stock" },
    ]);

    // Restocked, and the threshold lowered: off the list.
    await deliverLevels([{ sku: skuValue, available: 3, onHand: 3, lowStockThreshold: 2, at: 3_000 }]);
    expect((await lowStock(owner)).items).toEqual([]);
  });

  it("answers 400 validation_failed to a bad page or limit", async () => {
    const owner = seller();
    for (const query of ["?limit=0", "?limit=101", "?page=0", "?page=x"]) {
      const res = await api<{ code: string; errors: { path: string }[] }>(
        "GET",
        `/api/inventory/low-stock${query}`,
        { as: owner },
      );
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe("validation_failed");
    }
  });

  it("tells shared caches not to store the answer", async () => {
    const res = await api("GET", "/api/inventory/low-stock", { as: seller() });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});
