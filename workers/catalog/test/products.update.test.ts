import { afterEach, describe, expect, it } from "vitest";
import type { ProductDetail, ProductPage } from "../products.schemas";
import {
  admin,
  api,
  cacheVersion,
  makeCategory,
  makeProduct,
  newProductBody,
  productRow,
  seller,
  sku,
  unique,
  watchSearchIndex,
} from "./factories";

type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };

let watcher: ReturnType<typeof watchSearchIndex> | undefined;
afterEach(() => watcher?.stop());

describe("PATCH /api/products/:id", () => {
  async function created(owner = seller()) {
    const res = await api<ProductDetail>("POST", "/api/products", {
      as: owner,
      body: await newProductBody(),
    });
    return { owner, product: res.body };
  }

  it("changes fields and variants, keeps the shown price right, bumps and re-indexes", async () => {
    const { owner, product } = await created();
    watcher = watchSearchIndex();
    const before = await cacheVersion();
    const newSku = sku();
    const [first, second] = product.variants;
    const res = await api<ProductDetail>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: {
        name: "Renamed",
        featured: true,
        variants: [
          { sku: second!.sku, status: "archived" }, // was the cheapest
          { sku: first!.sku, price: { amount: 9500, currency: "USD" } },
          { sku: newSku, options: { size: "44" }, price: { amount: 9100, currency: "USD" } },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Renamed", featured: true, slug: product.slug });
    expect(res.body.price).toEqual({ amount: 9100, currency: "USD" });
    expect(res.body.variants.map((v) => [v.sku, v.status])).toEqual([
      [first!.sku, "active"],
      [second!.sku, "archived"],
      [newSku, "active"],
    ]);
    expect(await cacheVersion()).toBe(before + 1);
    expect(watcher.messages()).toEqual([
      { action: "upsert", productIds: [product.id], at: expect.any(Number) },
    ]);
  });

  it("keeps the slug stable: the same slug is fine, another is refused", async () => {
    const { owner, product } = await created();
    const same = await api("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { slug: product.slug },
    });
    expect(same.status).toBe(200);
    const changed = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { slug: unique("new") },
    });
    expect(changed.status).toBe(400);
    expect(changed.body.errors?.[0]?.path).toBe("slug");
  });

  it("removes the brand with null and moves to another category", async () => {
    const owner = seller();
    const { product } = await created(owner);
    await api("PATCH", `/api/products/${product.id}`, { as: owner, body: { brand: "Zed" } });
    const target = await makeCategory();
    const res = await api<ProductDetail>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { brand: null, category: target.slug },
    });
    expect(res.body.brand).toBeNull();
    expect(res.body.category.slug).toBe(target.slug);
  });

  it("refuses a new variant without a price, another product's SKU, an empty body", async () => {
    const { owner, product } = await created();
    const category = await makeCategory();
    const other = await makeProduct({ categoryId: category.id });
    const unpriced = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { variants: [{ sku: sku() }] },
    });
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.errors?.[0]?.path).toBe("variants.0.price");
    const stolen = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { variants: [{ sku: other.skus[0], price: { amount: 1, currency: "USD" } }] },
    });
    expect(stolen.status).toBe(409);
    const empty = await api<Problem>("PATCH", `/api/products/${product.id}`, { as: owner, body: {} });
    expect(empty.status).toBe(400);
  });

  it("refuses to keep a product active once its last active variant is archived", async () => {
    const { owner, product } = await created();
    const res = await api<Problem>("PATCH", `/api/products/${product.id}`, {
      as: owner,
      body: { variants: product.variants.map((v) => ({ sku: v.sku, status: "archived" })) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe("status");
  });

  it("lets an admin edit any product and move it to another seller", async () => {
    const { product } = await created();
    const next = seller();
    const res = await api<ProductDetail>("PATCH", `/api/products/${product.id}`, {
      as: admin,
      body: { sellerId: next.userId, description: "Checked by an admin." },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sellerId: next.userId, description: "Checked by an admin." });
  });
});

describe("DELETE /api/products/:id", () => {
  it("archives: out of listings, still resolvable by id for its seller and admins", async () => {
    const owner = seller();
    const category = await makeCategory();
    const product = await makeProduct({ categoryId: category.id, sellerId: owner.userId });
    watcher = watchSearchIndex();
    const before = await cacheVersion();
    const res = await api("DELETE", `/api/products/${product.id}`, { as: owner });
    expect(res.status).toBe(204);
    expect((await productRow(product.id))?.status).toBe("archived");
    expect(await cacheVersion()).toBe(before + 1);
    expect(watcher.messages()).toEqual([
      { action: "remove", productIds: [product.id], at: expect.any(Number) },
    ]);
    const listed = await api<ProductPage>("GET", `/api/products?category=${category.slug}`);
    expect(listed.body.total).toBe(0);
    expect((await api("GET", `/api/products/${product.id}`)).status).toBe(404);
    expect((await api("GET", `/api/products/${product.id}`, { as: owner })).status).toBe(200);
    expect((await api("GET", `/api/products/${product.id}`, { as: admin })).status).toBe(200);
    // Archiving again changes nothing.
    expect((await api("DELETE", `/api/products/${product.id}`, { as: admin })).status).toBe(204);
    expect(await cacheVersion()).toBe(before + 1);
  });

  it("answers 404 for an unknown product", async () => {
    expect((await api("DELETE", "/api/products/nope", { as: admin })).status).toBe(404);
  });
});
