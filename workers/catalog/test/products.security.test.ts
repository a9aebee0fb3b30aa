import { describe, expect, it } from "vitest";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../../shared/caller";
import { api, cacheVersion, customer, makeCategory, makeProduct, productRow, seller, sku } from "./factories";

type Problem = { code: string };

async function body() {
  const category = await makeCategory();
  return {
    name: "Sneaky",
    category: category.slug,
    variants: [{ sku: sku(), price: { amount: 100, currency: "USD" } }],
  };
}

describe("product writes: who may do what", () => {
  it("answers 401 to anonymous writes", async () => {
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id });
    const results = await Promise.all([
      api<Problem>("POST", "/api/products", { body: await body() }),
      api<Problem>("PATCH", `/api/products/${product.id}`, { body: { name: "x" } }),
      api<Problem>("DELETE", `/api/products/${product.id}`),
    ]);
    expect(results.map((r) => [r.status, r.body.code])).toEqual([
      [401, "unauthorized"],
      [401, "unauthorized"],
      [401, "unauthorized"],
    ]);
  });

  it("answers 403 to customers, before looking at the body", async () => {
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id });
    const results = await Promise.all([
      api<Problem>("POST", "/api/products", { as: customer, body: { nonsense: true } }),
      api<Problem>("PATCH", `/api/products/${product.id}`, { as: customer, body: { name: "x" } }),
      api<Problem>("DELETE", `/api/products/${product.id}`, { as: customer }),
    ]);
    expect(results.map((r) => [r.status, r.body.code])).toEqual([
      [403, "forbidden"],
      [403, "forbidden"],
      [403, "forbidden"],
    ]);
  });

  it("treats a caller header with an unknown role as anonymous", async () => {
    const res = await api<Problem>("POST", "/api/products", {
      body: await body(),
      headers: { [CALLER_ID_HEADER]: "root", [CALLER_ROLE_HEADER]: "superuser" },
    });
    expect(res.status).toBe(401);
  });

  it("answers 404 when a seller touches another seller's product, and changes nothing", async () => {
    const owner = seller();
    const intruder = seller();
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id, sellerId: owner.userId, name: "Mine" });
    const before = await cacheVersion();
    const patch = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: intruder,
      body: { name: "Stolen" },
    });
    const remove = await api<Problem>("DELETE", `/api/products/${product.id}`, { as: intruder });
    expect([patch.status, remove.status]).toEqual([404, 404]);
    expect(patch.body.code).toBe("not_found");
    const row = await productRow(product.id);
    expect(row).toMatchObject({ name: "Mine", status: "active", sellerId: owner.userId });
    expect(await cacheVersion()).toBe(before);
  });

  it("forbids a seller to create for, or hand a product to, another seller", async () => {
    const me = seller();
    const create = await api<Problem>("POST", "/api/products", {
      as: me,
      body: { ...(await body()), sellerId: seller().userId },
    });
    expect(create.status).toBe(403);
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id, sellerId: me.userId });
    const give = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: me,
      body: { sellerId: seller().userId },
    });
    expect(give.status).toBe(403);
    expect((await productRow(product.id))?.sellerId).toBe(me.userId);
  });

  it("does not let a seller take over another product's SKU through its own product", async () => {
    const me = seller();
    const category = await makeCategory();
    const mine = await makeProduct({ categoryId: category.id, sellerId: me.userId });
    const theirs = await makeProduct({
      categoryId: category.id,
      sellerId: seller().userId,
      variants: [{ price: 500 }],
    });
    const res = await api<Problem>("PATCH", `/api/products/${mine.id}`, {
      as: me,
      body: { variants: [{ sku: theirs.skus[0], price: { amount: 1, currency: "USD" } }] },
    });
    expect(res.status).toBe(409);
    expect((await productRow(theirs.id))?.minPrice).toBe(500);
  });
});
