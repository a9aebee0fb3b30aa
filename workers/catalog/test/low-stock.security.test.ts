import { describe, expect, it } from "vitest";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../../shared/caller";
import type { LowStockPage } from "../low-stock.schemas";
import { api, customer, makeCategory, makeProduct, seller } from "./factories";

type Problem = { code: string };

describe("GET /api/inventory/low-stock: who may see what", () => {
  it("answers 401 to an anonymous caller", async () => {
    const res = await api<Problem>("GET", "/api/inventory/low-stock");
    expect([res.status, res.body.code]).toEqual([401, "unauthorized"]);
  });

  it("answers 403 to a customer, before looking at the query", async () => {
    const res = await api<Problem>("GET", "/api/inventory/low-stock?limit=nonsense", { as: customer });
    expect([res.status, res.body.code]).toEqual([403, "forbidden"]);
  });

  it("ignores a role header without a caller id (as anonymous)", async () => {
    const res = await api<Problem>("GET", "/api/inventory/low-stock", {
      headers: { [CALLER_ROLE_HEADER]: "admin" },
    });
    expect(res.status).toBe(401);
  });

  it("never shows a seller another seller's SKUs", async () => {
    const [me, rival] = [seller(), seller()];
    const category = await makeCategory();
    const mine = await makeProduct({
      categoryId: category.id,
      sellerId: me.userId,
      variants: [{ available: 1 }],
    });
    const theirs = await makeProduct({
      categoryId: category.id,
      sellerId: rival.userId,
      variants: [{ available: 0 }, { available: 2 }],
    });
    const mySkus = (await api<LowStockPage>("GET", "/api/inventory/low-stock", { as: me })).body;
    expect(mySkus.items.map((i) => i.sku)).toEqual(mine.skus);
    expect(mySkus.total).toBe(1);
    const rivalSkus = (await api<LowStockPage>("GET", "/api/inventory/low-stock", { as: rival })).body;
    expect(rivalSkus.items.map((i) => i.sku).sort()).toEqual([...theirs.skus].sort());
  });

  it("does not let a seller widen the list with query parameters", async () => {
    const [me, rival] = [seller(), seller()];
    const category = await makeCategory();
    await makeProduct({ categoryId: category.id, sellerId: rival.userId, variants: [{ available: 0 }] });
    const res = await api<LowStockPage>(
      "GET",
      `/api/inventory/low-stock?sellerId=${rival.userId}&seller=${rival.userId}&all=true`,
      { as: me, headers: { [CALLER_ID_HEADER]: me.userId } },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });
});
