import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import worker from "../index";
import { retryDelaySeconds } from "../search-index.consumer";
import { testEnv, withFailingDatabase } from "./harness";
import {
  deleteProducts,
  deliverSearchIndex,
  indexProducts,
  searchOk,
  seedIndexed,
  seedSearchCatalog,
  slugsOf,
  updateProduct,
} from "./search-fixtures";

describe("search-index consumer", () => {
  it("indexes a created product so search finds it", async () => {
    const [id] = await seedSearchCatalog("created", [{ key: "p", name: "Quokka travel kettle" }]);
    expect(slugsOf(await searchOk({ q: "quokka" }), "created")).toEqual([]);
    await indexProducts([id!]);
    expect(slugsOf(await searchOk({ q: "quokka" }), "created")).toEqual([id]);
  });

  it("drops an archived product from the index on upsert and on remove", async () => {
    const [a, b] = await seedIndexed("archived", [
      { key: "a", name: "Wombat lamp one" },
      { key: "b", name: "Wombat lamp two" },
    ]);
    expect(slugsOf(await searchOk({ q: "wombat" }), "archived").sort()).toEqual([a, b]);
    await updateProduct(a!, { status: "archived" });
    await indexProducts([a!]);
    await updateProduct(b!, { status: "archived" });
    await indexProducts([b!], "remove");
    expect((await searchOk({ q: "wombat" })).total).toBe(0);
  });

  it("drops a product that no longer exists", async () => {
    const [id] = await seedIndexed("deleted", [{ key: "p", name: "Narwhal bottle" }]);
    await deleteProducts([id!]);
    await indexProducts([id!], "remove");
    expect((await searchOk({ q: "narwhal" })).total).toBe(0);
  });

  it("replaces the document on update: the new name is found, the old one is not", async () => {
    const [id] = await seedIndexed("renamed", [{ key: "p", name: "Pelican backpack" }]);
    await updateProduct(id!, { name: "Albatross backpack" });
    await indexProducts([id!]);
    expect(slugsOf(await searchOk({ q: "albatross" }), "renamed")).toEqual([id]);
    expect(slugsOf(await searchOk({ q: "pelican" }), "renamed")).toEqual([]);
  });

  it("keeps a re-activated product even when a stale remove arrives after its upsert", async () => {
    const [id] = await seedIndexed("reorder", [{ key: "p", name: "Ocelot scarf" }]);
    await deliverSearchIndex([
      { action: "upsert", productIds: [id], at: 2 },
      { action: "remove", productIds: [id], at: 1 },
    ]);
    expect(slugsOf(await searchOk({ q: "ocelot" }), "reorder")).toEqual([id]);
  });

  it("is idempotent: replaying messages leaves one document per product", async () => {
    const ids = await seedIndexed("replay", [
      { key: "a", name: "Marmot tent" },
      { key: "b", name: "Marmot stove" },
    ]);
    const message = { action: "upsert", productIds: ids, at: 1 };
    const result = await deliverSearchIndex([message, message]);
    expect(result.explicitAcks).toHaveLength(2);
    await indexProducts(ids);
    const found = await searchOk({ q: "marmot" });
    expect(found.total).toBe(2);
    const docs = await testEnv.CATALOG_DB.prepare(
      "SELECT COUNT(*) AS n FROM search_documents WHERE product_id IN (?1, ?2)",
    )
      .bind(...ids)
      .first<{ n: number }>();
    expect(docs?.n).toBe(2);
  });

  it("indexes brand and every category name up the tree", async () => {
    const [id] = await seedIndexed("fields", [
      { key: "p", name: "Studio monitor", brand: "Zenithal", category: "speakers" },
    ]);
    for (const q of ["zenithal", "speakers", "audio", "electronics"]) {
      expect(slugsOf(await searchOk({ q }), "fields"), q).toEqual([id]);
    }
  });

  it("acknowledges a malformed message and retries nothing", async () => {
    const result = await deliverSearchIndex([{ action: "explode" }, { action: "upsert", productIds: [] }]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toEqual([]);
  });

  it("retries with backoff when the database fails", async () => {
    const failing = withFailingDatabase();
    const batch = createMessageBatch("shop-search-index", [
      {
        id: "fails",
        timestamp: new Date(),
        attempts: 2,
        body: { action: "upsert", productIds: ["x"], at: 1 },
      },
    ]);
    // getQueueResult does not report delays, so watch the call itself.
    const retry = vi.spyOn(batch.messages[0]!, "retry");
    const ctx = createExecutionContext();
    await worker.queue(batch, failing);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: "fails" }]);
    expect(retry).toHaveBeenCalledWith({ delaySeconds: 10 });
  });

  it("backs off exponentially, capped at five minutes", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 80]);
    expect(retryDelaySeconds(20)).toBe(300);
  });
});
