import { beforeEach, describe, expect, it } from "vitest";
import { searchOk, seedIndexed, slugOf, slugsOf } from "./search-fixtures";

/**
 * Filters and facets over one small catalog. Storage is per file, so the catalog is seeded once
 * per test by `beforeEach` under a fresh prefix, and the query word is unique to that prefix.
 */
let prefix = "";
let word = "";
let run = 0;

beforeEach(async () => {
  run += 1;
  prefix = `flt${run}`;
  word = `gizmo${"abcdefghij"[run % 10]}${run}`;
  await seedIndexed(prefix, [
    { key: "a", name: `${word} over-ear`, brand: "Alpha", category: "headphones", price: 1500, rating: 4.5 },
    { key: "b", name: `${word} in-ear`, brand: "Beta", category: "headphones", price: 4000, rating: 3.5 },
    { key: "c", name: `${word} bookshelf`, brand: "Alpha", category: "speakers", price: 12000, rating: 4.8 },
    {
      key: "d",
      name: `${word} party`,
      brand: "Gamma",
      category: "speakers",
      price: 30000,
      rating: 2,
      available: 0,
    },
    { key: "e", name: `${word} skillet`, brand: "Beta", category: "cookware", price: 6000, rating: 4 },
  ]);
});

const keys = (slugs: string[]) => slugs.map((s) => s.slice(prefix.length + 1)).sort();

describe("GET /api/search: filters (the same as listing)", () => {
  it.each([
    [{ category: "headphones" }, ["a", "b"]],
    [{ category: "audio" }, ["a", "b", "c", "d"]],
    [{ category: "electronics" }, ["a", "b", "c", "d"]],
    [{ brand: "alpha" }, ["a", "c"]],
    [{ brand: "alpha,gamma" }, ["a", "c", "d"]],
    [{ minPrice: 4000 }, ["b", "c", "d", "e"]],
    [{ maxPrice: 4000 }, ["a", "b"]],
    [{ minPrice: 4000, maxPrice: 12000 }, ["b", "c", "e"]],
    [{ inStock: "true" }, ["a", "b", "c", "e"]],
    [{ minRating: 4.5 }, ["a", "c"]],
    [{ category: "audio", brand: "alpha", minRating: 4.6 }, ["c"]],
  ])("filters by %j", async (filter, expected) => {
    const params: Record<string, string | number> = { q: word };
    for (const [name, value] of Object.entries(filter)) {
      params[name] = name === "category" || name === "brand" ? prefixed(String(value)) : value;
    }
    const result = await searchOk(params);
    expect(keys(slugsOf(result, prefix))).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });
});

/** Category and brand filters take slugs, which carry the test's prefix. */
function prefixed(list: string): string {
  return list
    .split(",")
    .map((s) => slugOf(prefix, s))
    .join(",");
}

describe("GET /api/search: facets", () => {
  it("counts categories, brands and price ranges over the matches", async () => {
    const { facets, total } = await searchOk({ q: word });
    expect(total).toBe(5);
    expect(facets.category).toEqual([
      { value: slugOf(prefix, "headphones"), label: "Headphones", count: 2 },
      { value: slugOf(prefix, "speakers"), label: "Speakers", count: 2 },
      { value: slugOf(prefix, "cookware"), label: "Cookware", count: 1 },
    ]);
    expect(facets.brand).toEqual([
      { value: slugOf(prefix, "alpha"), label: "Alpha", count: 2 },
      { value: slugOf(prefix, "beta"), label: "Beta", count: 2 },
      { value: slugOf(prefix, "gamma"), label: "Gamma", count: 1 },
    ]);
    expect(facets.price.map((p) => [p.value, p.count])).toEqual([
      ["0-2500", 1],
      ["2500-5000", 1],
      ["5000-10000", 1],
      ["10000-20000", 1],
      ["20000-", 1],
    ]);
  });

  it("counts only what the query matches", async () => {
    const { facets, total } = await searchOk({ q: `${word} ear` });
    expect(total).toBe(2);
    expect(facets.brand.map((b) => [b.label, b.count])).toEqual([
      ["Alpha", 1],
      ["Beta", 1],
    ]);
  });

  it("applies the other facets' filters, but not a facet's own (multi-select)", async () => {
    const { facets, total } = await searchOk({ q: word, brand: slugOf(prefix, "alpha") });
    expect(total).toBe(2);
    // Brand ignores the brand filter: every brand still shows with its full count.
    expect(facets.brand.map((b) => [b.label, b.count])).toEqual([
      ["Alpha", 2],
      ["Beta", 2],
      ["Gamma", 1],
    ]);
    // Category and price apply it: only Alpha's products.
    expect(facets.category.map((c) => [c.label, c.count])).toEqual([
      ["Headphones", 1],
      ["Speakers", 1],
    ]);
    expect(facets.price.map((p) => [p.value, p.count])).toEqual([
      ["0-2500", 1],
      ["10000-20000", 1],
    ]);
  });

  it("applies filters no facet owns (stock, rating) to every facet", async () => {
    const { facets } = await searchOk({ q: word, inStock: "true", minRating: 3 });
    expect(facets.brand.map((b) => [b.label, b.count])).toEqual([
      ["Alpha", 2],
      ["Beta", 2],
    ]);
  });

  it("selects exactly a price range's products with its minPrice and maxPrice", async () => {
    const { facets } = await searchOk({ q: word });
    for (const range of facets.price) {
      const filter: Record<string, string | number> = { q: word, minPrice: range.minPrice };
      if (range.maxPrice !== undefined) filter.maxPrice = range.maxPrice;
      expect((await searchOk(filter)).total, range.value).toBe(range.count);
    }
  });
});
