import { describe, expect, it } from "vitest";
import { catalogSeedSql, demoCatalog, stockSeedItems } from "../../../scripts/seed-catalog.mjs";
import { skuSchema } from "../../inventory/inventory.schemas";

const catalog = demoCatalog();
const active = catalog.products.filter((p) => p.status === "active");
const variants = catalog.products.flatMap((p) => p.variants);

describe("the demo catalog (scripts/seed-catalog.mjs)", () => {
  it("is deterministic: the same SQL on every run", () => {
    const sql = catalogSeedSql();
    expect(catalogSeedSql()).toBe(sql);
    expect(sql).not.toMatch(/Infinity|NaN|undefined/);
    expect(sql.match(/^INSERT OR IGNORE INTO /gm)?.length).toBe(sql.match(/^INSERT/gm)?.length);
  });

  it("has 2,000+ active products, a few drafts and archived ones", () => {
    expect(active.length).toBeGreaterThanOrEqual(2000);
    const others = catalog.products.filter((p) => p.status !== "active");
    expect(others.some((p) => p.status === "draft")).toBe(true);
    expect(others.some((p) => p.status === "archived")).toBe(true);
    expect(others.length).toBeLessThan(active.length * 0.05);
  });

  it("has 30+ categories three levels deep, products on leaves only, and 40+ brands", () => {
    expect(catalog.categories.length).toBeGreaterThanOrEqual(30);
    expect(Math.max(...catalog.categories.map((c) => c.depth))).toBeGreaterThanOrEqual(3);
    const ids = new Set(catalog.categories.map((c) => c.id));
    expect(catalog.categories.every((c) => c.parentId === null || ids.has(c.parentId))).toBe(true);
    const leaves = new Set(catalog.categories.filter((c) => c.leaf).map((c) => c.id));
    expect(catalog.products.every((p) => leaves.has(p.categoryId))).toBe(true);
    expect(catalog.brands.length).toBeGreaterThanOrEqual(40);
    // The first seed's ids and slugs stay, so the storefront's links keep working.
    expect(catalog.categories.find((c) => c.slug === "headphones")).toMatchObject({
      id: "cat-headphones",
      parentId: "cat-audio",
    });
    expect(catalog.brands.find((b) => b.slug === "acme")?.id).toBe("brand-acme");
  });

  it("gives unique names, slugs, ids and well-formed unique SKUs", () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(catalog.products.map((p) => p.name))).toBe(true);
    expect(unique(catalog.products.map((p) => p.slug))).toBe(true);
    expect(unique(catalog.products.map((p) => p.id))).toBe(true);
    expect(unique(variants.map((v) => v.sku))).toBe(true);
    expect(variants.every((v) => skuSchema.safeParse(v.sku).success)).toBe(true);
    expect(catalog.products.every((p) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.slug))).toBe(true);
  });

  it("prices in minor units from about $5 to $2,499, min_price the lowest active variant", () => {
    const prices = variants.map((v) => v.priceAmount);
    expect(prices.every((p) => Number.isInteger(p) && p >= 499 && p <= 249_999)).toBe(true);
    expect(Math.min(...prices)).toBeLessThan(1000);
    expect(Math.max(...prices)).toBeGreaterThan(200_000);
    for (const product of catalog.products) {
      const shown = product.variants.filter((v) => v.status === "active").map((v) => v.priceAmount);
      expect(product.minPrice).toBe(Math.min(...shown));
    }
  });

  it("has variants where they make sense and single SKUs for most small items", () => {
    const byCategory = (slug: string) => active.filter((p) => p.categorySlug === slug);
    expect(byCategory("mens-shirts").every((p) => p.variants.every((v) => v.options.size))).toBe(true);
    expect(byCategory("running-shoes").every((p) => p.variants.length >= 5)).toBe(true);
    expect(byCategory("storage").every((p) => p.variants.every((v) => v.options.capacity))).toBe(true);
    const single = active.filter((p) => p.variants.length === 1).length;
    expect(single / active.length).toBeGreaterThan(0.3);
  });

  it("has ~2% featured, ~3% low and ~3% out of stock, consistent with the variants' stock", () => {
    const share = (n: number) => n / active.length;
    expect(share(active.filter((p) => p.featured).length)).toBeGreaterThan(0.01);
    expect(share(active.filter((p) => p.featured).length)).toBeLessThan(0.03);
    for (const level of ["low_stock", "out_of_stock"] as const) {
      const n = active.filter((p) => p.stockLevel === level).length;
      expect(share(n), level).toBeGreaterThan(0.02);
      expect(share(n), level).toBeLessThan(0.045);
    }
    for (const product of catalog.products) {
      const live = product.variants.filter((v) => v.status === "active");
      const most = Math.max(...live.map((v) => v.available));
      const threshold = Math.max(...live.map((v) => v.lowStockThreshold));
      const level = most <= 0 ? "out_of_stock" : most <= threshold ? "low_stock" : "in_stock";
      expect(level, product.slug).toBe(product.stockLevel);
    }
  });

  it("writes searchable descriptions that differ from product to product", () => {
    const descriptions = active.map((p) => p.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    expect(descriptions.every((d) => d.split(/[.!?](\s|$)/).filter((s) => s.trim()).length >= 2)).toBe(true);
    expect(new Set(descriptions.map((d) => d.split(" ").slice(0, 2).join(" "))).size).toBeGreaterThan(100);
    expect(active.every((p) => Object.keys(p.attributes).length > 0)).toBe(true);
  });

  it("stocks every SKU once, at its projected availability", () => {
    const items = stockSeedItems();
    expect(items).toHaveLength(variants.length);
    expect(items[0]).toEqual({
      sku: variants[0]!.sku,
      onHand: variants[0]!.available,
      lowStockThreshold: variants[0]!.lowStockThreshold,
    });
  });
});
