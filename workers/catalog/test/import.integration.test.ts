import { afterEach, describe, expect, it } from "vitest";
import { catalogDb } from "../catalog.service";
import { type ImportReport, importProducts } from "../import.service";
import { readImportRows } from "../import-rows";
import type { ProductDetail } from "../products.schemas";
import { admin, api, cacheVersion, makeCategory, makeProduct, unique, watchSearchIndex } from "./factories";
import { testEnv } from "./harness";

let watcher: ReturnType<typeof watchSearchIndex> | undefined;
afterEach(() => watcher?.stop());

/** CSV text from rows of cells, quoting every cell the way spreadsheets do when needed. */
function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

function importCsv(text: string, as = admin) {
  return api<ImportReport>("POST", "/api/products/import", {
    as,
    rawBody: text,
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
}

function importJson(body: unknown, as = admin) {
  return api<ImportReport>("POST", "/api/products/import", { as, body });
}

function productBySlug(slug: string) {
  return api<ProductDetail>("GET", `/api/products/slug/${slug}`, { as: admin });
}

const HEADER = [
  "productSlug",
  "name",
  "description",
  "brand",
  "category",
  "featured",
  "status",
  "sku",
  "price",
  "currency",
  "options",
];

describe("POST /api/products/import (CSV)", () => {
  it("creates products with several variants from quoted, multi-line CSV", async () => {
    const category = await makeCategory();
    const slug = unique("tee");
    const skuBase = slug.toUpperCase();
    const description = 'Soft, "heavy" cotton.\nMade to last.';
    const text = csv([
      HEADER,
      [
        slug,
        "Heavy Tee",
        description,
        "Northwind Apparel",
        category.slug,
        "true",
        "active",
        `${skuBase}-S`,
        "2500",
        "USD",
        "size=S;colour=black",
      ],
      [
        slug,
        "Heavy Tee",
        description,
        "Northwind Apparel",
        category.slug,
        "true",
        "active",
        `${skuBase}-M`,
        "2300",
        "USD",
        "size=M;colour=black",
      ],
    ]);
    watcher = watchSearchIndex();
    const before = await cacheVersion();
    const res = await importCsv(text);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 2, created: 2, updated: 0, failed: 0, errors: [] });
    const product = await productBySlug(slug);
    expect(product.body).toMatchObject({
      name: "Heavy Tee",
      description,
      featured: true,
      status: "active",
      sellerId: admin.userId,
      brand: { slug: "northwind-apparel", name: "Northwind Apparel" },
      category: { slug: category.slug },
      price: { amount: 2300, currency: "USD" },
    });
    expect(product.body.variants.map((v) => [v.sku, v.options])).toEqual([
      [`${skuBase}-S`, { size: "S", colour: "black" }],
      [`${skuBase}-M`, { size: "M", colour: "black" }],
    ]);
    expect(await cacheVersion()).toBe(before + 1);
    expect(watcher.messages()).toEqual([
      { action: "upsert", productIds: [product.body.id], at: expect.any(Number) },
    ]);
  });

  it("upserts by SKU: a known SKU updates its variant and product, counted as updated", async () => {
    const category = await makeCategory();
    const existing = await makeProduct({
      categoryId: category.id,
      name: "Old name",
      variants: [{ price: 5000 }],
    });
    const text = csv([
      ["sku", "productSlug", "name", "price"],
      [existing.skus[0]!, existing.slug, "New name", "4200"],
    ]);
    const res = await importCsv(text);
    expect(res.body).toMatchObject({ imported: 1, created: 0, updated: 1, failed: 0 });
    const product = await productBySlug(existing.slug);
    expect(product.body).toMatchObject({ name: "New name", price: { amount: 4200, currency: "USD" } });
  });

  it("reports each bad row with its row number, line and field errors, and imports the rest", async () => {
    const category = await makeCategory();
    const other = await makeProduct({ categoryId: category.id });
    const slug = unique("mug");
    const sku = (s: string) => `${slug.toUpperCase()}-${s}`;
    const rows = [
      HEADER,
      [slug, "Mug", "A mug.\nFor coffee.", "", category.slug, "", "", sku("OK"), "1200", "", ""], // 1 (lines 2-3)
      [slug, "Mug", "", "", "no-such-category", "", "", sku("CAT"), "1200", "", ""], // 2
      [slug, "", "", "", "", "", "", sku("NOPRICE"), "", "", ""], // 3
      [slug, "", "", "", "", "", "", "bad sku!", "100", "", ""], // 4
      [slug, "", "", "", "", "", "", sku("OK"), "100", "", ""], // 5: repeats row 1's SKU
      [slug, "", "", "", "", "", "", other.skus[0]!, "100", "", ""], // 6: another product's SKU
      [unique("new"), "", "", "", category.slug, "", "", sku("NONAME"), "100", "", ""], // 7
      [slug, "", "", "", "", "", "", sku("OK2"), "19.99", "", "size"], // 8
      [slug, "", "", "", "", "", "", sku("OK3"), "900", "", ""], // 9: fine (product from row 1)
    ];
    const res = await importCsv(csv(rows));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 2, created: 2, updated: 0, failed: 7 });
    const byRow = Object.fromEntries(res.body.errors.map((e) => [e.row, e.errors.map((x) => x.path).sort()]));
    expect(byRow).toEqual({
      2: ["category"],
      3: ["price"],
      4: ["sku"],
      5: ["sku"],
      6: ["productSlug"],
      7: ["name"],
      8: ["options", "price"],
    });
    expect(res.body.errors[0]).toMatchObject({ row: 2, line: 4, sku: sku("CAT") });
    expect(res.body.errors.find((e) => e.row === 4)?.sku).toBe("BAD SKU!");
    const product = await productBySlug(slug);
    expect(product.body.variants.map((v) => v.sku)).toEqual([sku("OK"), sku("OK3")]);
    expect(product.body.price).toEqual({ amount: 900, currency: "USD" });
  });

  it("leaves nothing of a bad row: no product is created for a row whose variant is invalid", async () => {
    const category = await makeCategory();
    const slug = unique("lamp");
    const res = await importCsv(
      csv([
        HEADER,
        [slug, "Lamp", "", "Brand New Brand", category.slug, "", "", `${slug.toUpperCase()}-1`, "-5", "", ""],
      ]),
    );
    expect(res.body).toMatchObject({ imported: 0, failed: 1 });
    expect((await productBySlug(slug)).status).toBe(404);
  });

  it("imports 3,000 rows in one request, with one cache bump and search-index messages of <= 500 ids", async () => {
    const category = await makeCategory();
    const prefix = unique("bulk");
    const rows = [HEADER];
    for (let p = 0; p < 1_000; p++) {
      for (const size of ["S", "M", "L"]) {
        const slug = `${prefix}-${p}`;
        rows.push([
          slug,
          `Bulk ${p}`,
          `Item ${p}, size ${size}`,
          `Maker ${p % 40}`,
          category.slug,
          "",
          "active",
          `${slug.toUpperCase()}-${size}`,
          String(1000 + p),
          "USD",
          `size=${size}`,
        ]);
      }
    }
    watcher = watchSearchIndex();
    const before = await cacheVersion();
    const started = Date.now();
    const res = await importCsv(csv(rows));
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ imported: 3_000, created: 3_000, updated: 0, failed: 0, errors: [] });
    expect(took).toBeLessThan(20_000);
    expect(await cacheVersion()).toBe(before + 1);
    const messages = watcher.messages();
    expect(messages.every((m) => m.action === "upsert" && m.productIds.length <= 500)).toBe(true);
    expect(new Set(messages.flatMap((m) => m.productIds)).size).toBe(1_000);
    const listed = await api<{ total: number }>("GET", `/api/products?category=${category.slug}&limit=1`);
    expect(listed.body.total).toBe(1_000);
    // The same file again changes values in place: everything is an update.
    const again = await importCsv(csv(rows));
    expect(again.body).toMatchObject({ imported: 3_000, created: 0, updated: 3_000, failed: 0 });
  }, 60_000);
});

describe("POST /api/products/import (JSON)", () => {
  it("accepts {rows: [...]} and a bare array, with options as objects", async () => {
    const category = await makeCategory();
    const slug = unique("cap");
    const row = (sku: string, price: number) => ({
      productSlug: slug,
      name: "Cap",
      category: category.slug,
      sku,
      price,
      currency: "EUR",
      options: { colour: "blue" },
      attributes: { fabric: "cotton" },
      status: "draft",
    });
    const first = await importJson({ rows: [row(`${slug}-a`, 1500)] });
    expect(first.body).toMatchObject({ imported: 1, created: 1 });
    watcher = watchSearchIndex();
    const second = await importJson([
      row(`${slug}-b`, 1400),
      { productSlug: slug, sku: `${slug}-a`, price: 1300 },
    ]);
    expect(second.body).toMatchObject({ imported: 2, created: 1, updated: 1 });
    const product = await productBySlug(slug);
    expect(product.body).toMatchObject({
      status: "draft",
      attributes: { fabric: "cotton" },
      price: { amount: 1300, currency: "EUR" },
    });
    // Drafts are not searchable: the index is told to drop the product.
    expect(watcher.messages()).toEqual([
      { action: "remove", productIds: [product.body.id], at: expect.any(Number) },
    ]);
  });

  it("reports rows that are not objects or have unknown fields, and a currency mismatch", async () => {
    const category = await makeCategory();
    const existing = await makeProduct({ categoryId: category.id, variants: [{ currency: "USD" }] });
    const res = await importJson([
      "not a row",
      { productSlug: existing.slug, sku: "NEW-EUR-1", price: 100, currency: "EUR" },
      { productSlug: existing.slug, sku: "NEW-2", price: 100, colour: "red" },
    ]);
    expect(res.body).toMatchObject({ imported: 0, failed: 3 });
    expect(res.body.errors.map((e) => [e.row, e.errors[0]?.path])).toEqual([
      [1, "(row)"],
      [2, "currency"],
      [3, "(root)"],
    ]);
  });
});

/**
 * A D1 binding whose batches fail, as a real constraint failure would, whenever one of their
 * writes binds a value holding `poison` (import rows travel as JSON); everything else goes to the
 * real database.
 */
function poisonedD1(real: D1Database, poison: string): D1Database {
  const bound = new WeakSet<object>();
  const passthrough = <T extends object>(target: T, overrides: Record<string, unknown>) =>
    new Proxy(target, {
      get(t, prop) {
        if (typeof prop === "string" && prop in overrides) return overrides[prop];
        const value = Reflect.get(t, prop, t) as unknown;
        return typeof value === "function" ? value.bind(t) : value;
      },
    });
  return passthrough(real, {
    prepare: (query: string) => {
      const statement = real.prepare(query);
      return passthrough(statement, {
        bind: (...params: unknown[]) => {
          const result = statement.bind(...params);
          const poisoned = params.some((p) => typeof p === "string" && p.includes(poison));
          if (poisoned && /^\s*(insert|update)/i.test(query)) bound.add(result);
          return result;
        },
      });
    },
    batch: async (statements: D1PreparedStatement[]) => {
      if (statements.some((s) => bound.has(s)))
        throw new Error("D1_ERROR: UNIQUE constraint failed: product_variants.sku");
      return real.batch(statements);
    },
  });
}

describe("importProducts when a row fails in the database", () => {
  it("isolates the row: its chunk's other rows land, it leaves nothing behind", async () => {
    const category = await makeCategory();
    const slugs = [unique("a"), unique("b"), unique("c")];
    const poison = `${slugs[1]!.toUpperCase()}-1`;
    const request = new Request("https://catalog.internal/api/products/import", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        slugs.map((slug) => ({
          productSlug: slug,
          name: slug,
          category: category.slug,
          sku: `${slug.toUpperCase()}-1`,
          price: 100,
        })),
      ),
    });
    const deps = {
      db: catalogDb(poisonedD1(testEnv.CATALOG_DB, poison)),
      searchIndex: testEnv.SEARCH_INDEX,
    };
    const report = await importProducts(deps, admin, await readImportRows(request));
    expect(report).toMatchObject({ imported: 2, created: 2, failed: 1, errors: [{ row: 2, sku: poison }] });
    expect(report.errors[0]?.errors[0]?.path).toBe("sku");
    expect((await productBySlug(slugs[0]!)).status).toBe(200);
    expect((await productBySlug(slugs[1]!)).status).toBe(404);
    expect((await productBySlug(slugs[2]!)).status).toBe(200);
  });
});
