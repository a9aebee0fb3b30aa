import { afterEach, describe, expect, it } from "vitest";
import type { ProductDetail } from "../products.schemas";
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

describe("POST /api/products", () => {
  it("creates a seller's product with variants, the shown price, a generated slug and a Location", async () => {
    const me = seller();
    const body = await newProductBody({ brand: "Acme Audio", attributes: { material: "mesh" } });
    const res = await api<ProductDetail>("POST", "/api/products", { as: me, body });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/products/${res.body.id}`);
    expect(res.body).toMatchObject({
      name: body.name,
      slug: body.name.toLowerCase().replaceAll(" ", "-"),
      sellerId: me.userId,
      status: "active",
      featured: false,
      brand: { slug: "acme-audio", name: "Acme Audio" },
      attributes: { material: "mesh" },
      price: { amount: 7900, currency: "USD" },
    });
    expect(res.body.variants.map((v) => v.price)).toEqual([
      { amount: 8900, currency: "USD" },
      { amount: 7900, currency: "USD" },
    ]);
    expect((await productRow(res.body.id))?.minPrice).toBe(7900);
  });

  it("defaults to a draft, and normalizes SKUs to upper case", async () => {
    const body = await newProductBody({ status: undefined });
    const lower = `ab-${crypto.randomUUID().slice(0, 6)}`;
    const res = await api<ProductDetail>("POST", "/api/products", {
      as: seller(),
      body: { ...body, variants: [{ sku: lower, price: { amount: 100, currency: "USD" } }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("draft");
    expect(res.body.variants[0]?.sku).toBe(lower.toUpperCase());
  });

  it("gives a second product with the same name a free slug, and reuses brands by slug", async () => {
    const name = `Desk Lamp ${unique("n")}`;
    const a = await api<ProductDetail>("POST", "/api/products", {
      as: seller(),
      body: await newProductBody({ name, brand: `Lumen ${name}` }),
    });
    const b = await api<ProductDetail>("POST", "/api/products", {
      as: seller(),
      body: await newProductBody({ name, brand: `lumen-${name.toLowerCase().replaceAll(" ", "-")}` }),
    });
    expect(b.body.slug).toBe(`${a.body.slug}-2`);
    expect(b.body.brand).toEqual(a.body.brand);
  });

  it("lets an admin create a product for a seller", async () => {
    const owner = seller();
    const res = await api<ProductDetail>("POST", "/api/products", {
      as: admin,
      body: await newProductBody({ sellerId: owner.userId }),
    });
    expect(res.status).toBe(201);
    expect(res.body.sellerId).toBe(owner.userId);
  });

  it("bumps the cache version and tells the search index", async () => {
    watcher = watchSearchIndex();
    const before = await cacheVersion();
    const active = await api<ProductDetail>("POST", "/api/products", {
      as: seller(),
      body: await newProductBody(),
    });
    const draft = await api<ProductDetail>("POST", "/api/products", {
      as: seller(),
      body: await newProductBody({ status: "draft" }),
    });
    expect(await cacheVersion()).toBe(before + 2);
    expect(watcher.messages()).toEqual([
      { action: "upsert", productIds: [active.body.id], at: expect.any(Number) },
      { action: "remove", productIds: [draft.body.id], at: expect.any(Number) },
    ]);
  });

  it.each([
    [{ name: "" }, "name"],
    [{ slug: "Not A Slug" }, "slug"],
    [{ category: undefined }, "category"],
    [{ status: "gone" }, "status"],
    [{ variants: [{ sku: "-BAD", price: { amount: 1, currency: "USD" } }] }, "variants.0.sku"],
    [{ variants: [{ sku: "OK-1", price: { amount: -1, currency: "USD" } }] }, "variants.0.price.amount"],
    [{ variants: [{ sku: "OK-1", price: { amount: 1.5, currency: "USD" } }] }, "variants.0.price.amount"],
    [{ variants: [{ sku: "OK-1", price: { amount: 1, currency: "DOLLARS" } }] }, "variants.0.price.currency"],
    [{ variants: [{ sku: "OK-1" }] }, "variants.0.price"],
    [{ unknownField: 1 }, "(root)"],
  ])("refuses %j with 400 naming %s", async (change, path) => {
    const res = await api<Problem>("POST", "/api/products", {
      as: seller(),
      body: { ...(await newProductBody()), ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors?.map((e) => e.path)).toContain(path);
  });

  it("refuses a SKU repeated in the request, mixed currencies, an unknown category, an active product without variants", async () => {
    const base = await newProductBody();
    const twice = sku();
    const cases: [Record<string, unknown>, string][] = [
      [
        { variants: [0, 1].map(() => ({ sku: twice, price: { amount: 1, currency: "USD" } })) },
        "variants.1.sku",
      ],
      [
        {
          variants: [
            { sku: sku(), price: { amount: 1, currency: "USD" } },
            { sku: sku(), price: { amount: 1, currency: "EUR" } },
          ],
        },
        "variants.1.price.currency",
      ],
      [{ category: unique("missing") }, "category"],
      [{ variants: [] }, "status"],
    ];
    for (const [change, path] of cases) {
      const res = await api<Problem>("POST", "/api/products", { as: seller(), body: { ...base, ...change } });
      expect(res.status, path).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it("answers 409 for a SKU or slug another product already has, and writes nothing", async () => {
    const category = await makeCategory();
    const other = await makeProduct({ categoryId: category.id });
    const before = await cacheVersion();
    const body = await newProductBody();
    const dupSku = await api<Problem>("POST", "/api/products", {
      as: seller(),
      body: {
        ...body,
        variants: [{ sku: other.skus[0]!.toLowerCase(), price: { amount: 1, currency: "USD" } }],
      },
    });
    expect(dupSku.status).toBe(409);
    expect(dupSku.body.code).toBe("conflict");
    expect(dupSku.body.errors).toEqual([
      { path: "variants.0.sku", message: `SKU ${other.skus[0]} already exists.` },
    ]);
    const dupSlug = await api<Problem>("POST", "/api/products", {
      as: seller(),
      body: { ...body, slug: other.slug },
    });
    expect(dupSlug.status).toBe(409);
    expect(await cacheVersion()).toBe(before);
  });
});
