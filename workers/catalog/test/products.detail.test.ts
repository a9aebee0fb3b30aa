import { describe, expect, it } from "vitest";
import { productImages } from "../../../db/catalog/schema";
import type { ProductDetail } from "../products.schemas";
import { getProductDetail, type StockReader } from "../products.service";
import { admin, api, customer, db, makeBrand, makeCategory, makeProduct, seller } from "./factories";

/** A product in a three-level tree, with two images, three variants (one archived) and a brand. */
async function richProduct(overrides: { status?: "draft" | "active" | "archived"; sellerId?: string } = {}) {
  const root = await makeCategory({ name: "Clothing" });
  const mid = await makeCategory({ name: "Women", parentId: root.id });
  const leaf = await makeCategory({ name: "Coats", parentId: mid.id });
  const brand = await makeBrand();
  const product = await makeProduct({
    categoryId: leaf.id,
    brandId: brand.id,
    name: "Trail Coat",
    description: "Warm and dry.",
    status: overrides.status,
    sellerId: overrides.sellerId,
    featured: true,
    variants: [
      { price: 12000, options: { size: "M" }, available: 7 },
      { price: 9900, options: { size: "S" }, available: 3 },
      { price: 100, options: { size: "XS" }, status: "archived" },
    ],
  });
  await db()
    .insert(productImages)
    .values([
      {
        id: `${product.id}-2`,
        productId: product.id,
        key: `${product.id}/b.webp`,
        alt: "",
        position: 1,
        contentType: "image/webp",
        size: 1,
        createdAt: 1,
      },
      {
        id: `${product.id}-1`,
        productId: product.id,
        key: `${product.id}/a.webp`,
        alt: "Front",
        position: 0,
        contentType: "image/webp",
        size: 1,
        createdAt: 1,
      },
    ]);
  return { product, root, mid, leaf, brand };
}

describe("GET /api/products/:id and /api/products/slug/:slug", () => {
  it("answers the product page: list item, description, images, variants, breadcrumb", async () => {
    const { product, root, mid, leaf, brand } = await richProduct();
    const res = await api<ProductDetail>("GET", `/api/products/${product.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: product.id,
      slug: product.slug,
      name: "Trail Coat",
      brand: { slug: brand.slug },
      category: { slug: leaf.slug, name: "Coats" },
      price: { amount: 9900, currency: "USD" },
      image: null,
      description: "Warm and dry.",
      status: "active",
      featured: true,
      sellerId: "seller-factory",
      attributes: {},
      breadcrumb: [
        { id: root.id, slug: root.slug, name: "Clothing" },
        { id: mid.id, slug: mid.slug, name: "Women" },
        { id: leaf.id, slug: leaf.slug, name: "Coats" },
      ],
      images: [
        { url: `/images/${product.id}/a.webp`, alt: "Front" },
        { url: `/images/${product.id}/b.webp`, alt: "Trail Coat" },
      ],
    });
    // The public sees active variants only, in position order, without their status.
    expect(res.body.variants.map((v) => v.options.size)).toEqual(["M", "S"]);
    expect(Object.keys(res.body.variants[0]!).sort()).toEqual(["available", "options", "price", "sku"]);
    const bySlug = await api<ProductDetail>("GET", `/api/products/slug/${product.slug}`);
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(res.body);
  });

  it("reads each variant's availability live from inventory, not from the projection", async () => {
    // The projection says 7 and 3; inventory has never stocked these SKUs, so it says 0.
    const { product } = await richProduct();
    const res = await api<ProductDetail>("GET", `/api/products/${product.id}`);
    expect(res.body.variants.map((v) => v.available)).toEqual([0, 0]);
    expect(res.body.stock).toEqual({ status: "out_of_stock" });
  });

  it("shows a draft or archived product only to its seller and admins", async () => {
    const owner = seller();
    for (const status of ["draft", "archived"] as const) {
      const { product } = await richProduct({ status, sellerId: owner.userId });
      for (const path of [`/api/products/${product.id}`, `/api/products/slug/${product.slug}`]) {
        expect((await api("GET", path)).status).toBe(404);
        expect((await api("GET", path, { as: customer })).status).toBe(404);
        expect((await api("GET", path, { as: seller() })).status).toBe(404);
        const mine = await api<ProductDetail>("GET", path, { as: owner });
        expect(mine.status).toBe(200);
        expect(mine.body.status).toBe(status);
        // The seller sees every variant, with its status.
        expect(mine.body.variants.map((v) => v.status)).toEqual(["active", "active", "archived"]);
        expect((await api("GET", path, { as: admin })).status).toBe(200);
      }
    }
  });

  it("answers 404 problem+json for an unknown id or slug", async () => {
    for (const path of ["/api/products/nope", "/api/products/slug/nope"]) {
      const res = await api<{ code: string; requestId: string }>("GET", path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("not_found");
      expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
    }
  });
});

describe("getProductDetail live stock", () => {
  const reader = (answer: (sku: string) => Promise<{ available: number; lowStockThreshold: number }>) =>
    ({ getStock: answer }) satisfies StockReader;

  it("uses inventory's numbers for availability and stock status", async () => {
    const { product } = await richProduct();
    const detail = await getProductDetail(
      { db: db(), inventory: reader(async () => ({ available: 2, lowStockThreshold: 5 })) },
      { id: product.id },
      null,
    );
    expect(detail.variants.map((v) => v.available)).toEqual([2, 2]);
    expect(detail.stock.status).toBe("low_stock");
  });

  it("falls back to the projection per SKU when inventory fails or is slow", async () => {
    const { product } = await richProduct();
    const [first] = product.skus;
    const flaky = reader((sku) =>
      sku === first ? Promise.reject(new Error("inventory down")) : new Promise(() => {}),
    );
    const detail = await getProductDetail(
      { db: db(), inventory: flaky, liveStockTimeoutMs: 20 },
      { id: product.id },
      null,
    );
    expect(detail.variants.map((v) => v.available)).toEqual([7, 3]);
    expect(detail.stock.status).toBe("in_stock");
  });
});
