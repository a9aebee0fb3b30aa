import { describe, expect, it } from "vitest";
import { catalogDb } from "../catalog.service";
import { searchProducts } from "../search.service";
import { testEnv } from "./harness";
import { search, searchOk, seedIndexed, slugOf, slugsOf } from "./search-fixtures";

/** Products whose words no other test uses, so IDF stays meaningful: the target word is rare. */
const fillers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `filler-${i}`,
    name: `Plain item ${i}`,
    description: "nothing",
  }));

describe("GET /api/search: matching and ranking", () => {
  it("answers list items with highlight, total, page, limit and facets", async () => {
    const [id] = await seedIndexed("shape", [
      {
        key: "p",
        name: "Zephyrine travel headphones",
        brand: "Shapeco",
        description: "Folding headphones for travel.",
        price: 4999,
        rating: 4.4,
        ratingCount: 12,
      },
    ]);
    const res = await search({ q: "zephyrine" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await res.json<Record<string, unknown>>();
    expect(body).toMatchObject({ total: 1, page: 1, limit: 24 });
    expect(body.items).toEqual([
      {
        id,
        slug: id,
        name: "Zephyrine travel headphones",
        brand: { slug: "shape-shapeco", name: "Shapeco" },
        category: { slug: "shape-headphones", name: "Headphones" },
        price: { amount: 4999, currency: "USD" },
        image: null,
        rating: { average: 4.4, count: 12 },
        stock: { status: "in_stock" },
        highlight: {
          name: "<mark>Zephyrine</mark> travel headphones",
          description: "Folding headphones for travel.",
        },
      },
    ]);
    expect(body.facets).toEqual({
      category: [{ value: "shape-headphones", label: "Headphones", count: 1 }],
      brand: [{ value: "shape-shapeco", label: "Shapeco", count: 1 }],
      price: [{ value: "2500-5000", label: "$25 to $50", count: 1, minPrice: 2500, maxPrice: 4999 }],
    });
  });

  it("ranks a name match above a brand match above a description match (bm25 field weights)", async () => {
    await seedIndexed("weights", [
      ...fillers(8),
      { key: "desc", name: "Desk lamp", description: "Pairs well with a quasar." },
      { key: "brand", name: "Floor lamp", brand: "Quasar" },
      { key: "name", name: "Quasar desk lamp", description: "A lamp." },
    ]);
    expect(slugsOf(await searchOk({ q: "quasar" }), "weights")).toEqual(
      ["name", "brand", "desc"].map((k) => slugOf("weights", k)),
    );
  });

  it("ranks a category match above a description match", async () => {
    await seedIndexed("catweight", [
      ...fillers(8),
      { key: "desc", name: "Tabletop fan", category: "kitchen", description: "Quiet enough for cookware." },
      { key: "cat", name: "Steel pot", category: "cookware" },
    ]);
    expect(slugsOf(await searchOk({ q: "cookware" }), "catweight")).toEqual(
      ["cat", "desc"].map((k) => slugOf("catweight", k)),
    );
  });

  it("requires every word, in any field", async () => {
    await seedIndexed("multi", [
      { key: "both", name: "Halcyon wireless earbuds", brand: "Mellow" },
      { key: "brand-only", name: "Halcyon wired earbuds", brand: "Other" },
      { key: "cross", name: "Plain earbuds", brand: "Halcyon" },
    ]);
    expect(slugsOf(await searchOk({ q: "halcyon wireless" }), "multi")).toEqual([slugOf("multi", "both")]);
    expect(slugsOf(await searchOk({ q: "halcyon mellow" }), "multi")).toEqual([slugOf("multi", "both")]);
    expect(slugsOf(await searchOk({ q: "halcyon earbuds" }), "multi").sort()).toEqual(
      ["both", "brand-only", "cross"].map((k) => slugOf("multi", k)).sort(),
    );
  });

  it("matches the last word as a prefix, and earlier words of 3+ letters too", async () => {
    await seedIndexed("prefix", [{ key: "p", name: "Tamarind espresso grinder" }]);
    const want = [slugOf("prefix", "p")];
    expect(slugsOf(await searchOk({ q: "tamar" }), "prefix")).toEqual(want);
    expect(slugsOf(await searchOk({ q: "tamarind esp" }), "prefix")).toEqual(want);
    expect(slugsOf(await searchOk({ q: "tama espresso" }), "prefix")).toEqual(want);
    expect(slugsOf(await searchOk({ q: "tamarind x" }), "prefix")).toEqual([]);
  });

  it("matches plural query words against singular product words", async () => {
    await seedIndexed("plural", [{ key: "p", name: "Yarrowby trail shoe", description: "One brushy shoe." }]);
    expect(slugsOf(await searchOk({ q: "yarrowby shoes" }), "plural")).toEqual([slugOf("plural", "p")]);
    expect(slugsOf(await searchOk({ q: "brushies yarrowby" }), "plural")).toEqual([slugOf("plural", "p")]);
  });

  it("ignores case, diacritics and stopwords", async () => {
    await seedIndexed("fold", [{ key: "p", name: "Crème Brûlée torch", description: "For the kitchen." }]);
    expect(slugsOf(await searchOk({ q: "CREME brulee" }), "fold")).toEqual([slugOf("fold", "p")]);
    expect(slugsOf(await searchOk({ q: "torch for the crème" }), "fold")).toEqual([slugOf("fold", "p")]);
  });

  it("finds words in other scripts, whose marks the index keeps", async () => {
    await seedIndexed("script", [
      { key: "p", name: "ヘッドホン スタンド", description: "Подставка для наушников" },
    ]);
    expect(slugsOf(await searchOk({ q: "ヘッドホン" }), "script")).toEqual([slugOf("script", "p")]);
    expect(slugsOf(await searchOk({ q: "наушников" }), "script")).toEqual([slugOf("script", "p")]);
  });

  it("sorts by price, rating and newest when asked", async () => {
    await seedIndexed("sorts", [
      { key: "a", name: "Vireo kettle A", price: 3000, rating: 3, createdAt: 3 },
      { key: "b", name: "Vireo kettle B", price: 1000, rating: 5, createdAt: 1 },
      { key: "c", name: "Vireo kettle C", price: 2000, rating: 4, createdAt: 2 },
    ]);
    const order = async (sort: string) =>
      slugsOf(await searchOk({ q: "vireo", sort }), "sorts").map((s) => s.slice(-1));
    expect(await order("price_asc")).toEqual(["b", "c", "a"]);
    expect(await order("price_desc")).toEqual(["a", "c", "b"]);
    expect(await order("rating")).toEqual(["b", "c", "a"]);
    expect(await order("newest")).toEqual(["a", "c", "b"]);
  });

  it("pages through results with a stable total", async () => {
    await seedIndexed(
      "paging",
      Array.from({ length: 7 }, (_, i) => ({ key: `p${i}`, name: `Kestrel mug ${i}`, price: 1000 + i })),
    );
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = await searchOk({ q: "kestrel", limit: 3, page, sort: "price_asc" });
      expect(result).toMatchObject({ total: 7, page, limit: 3 });
      seen.push(...slugsOf(result, "paging"));
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => slugOf("paging", `p${i}`)));
    expect((await searchOk({ q: "kestrel", limit: 3, page: 4 })).items).toEqual([]);
  });

  it("leaves out products that are not active even before the index hears of it", async () => {
    const [id] = await seedIndexed("inactive", [{ key: "p", name: "Tanager bowl" }]);
    await catalogDb(testEnv.CATALOG_DB)
      .$client.prepare("UPDATE products SET status = 'draft' WHERE id = ?")
      .bind(id)
      .run();
    expect((await searchOk({ q: "tanager" })).total).toBe(0);
  });

  it("is what searchProducts answers (the function products listing calls for ?q=)", async () => {
    await seedIndexed("direct", [{ key: "p", name: "Lorikeet blender" }]);
    const result = await searchProducts(
      { db: catalogDb(testEnv.CATALOG_DB) },
      { q: "lorikeet", page: 1, limit: 24 },
    );
    expect(result.items.map((i) => i.slug)).toEqual([slugOf("direct", "p")]);
    expect(result).toMatchObject({ total: 1, page: 1, limit: 24 });
  });
});

describe("GET /api/search: typo tolerance", () => {
  it('finds "wireless headphones" from "wireles headphnes"', async () => {
    await seedIndexed("typo-brief", [
      { key: "hp", name: "Wireless headphones", brand: "Typoco" },
      { key: "other", name: "Wired speaker", brand: "Typoco", category: "speakers" },
    ]);
    const result = await searchOk({ q: "wireles headphnes", brand: "typo-brief-typoco" });
    expect(slugsOf(result, "typo-brief")).toEqual([slugOf("typo-brief", "hp")]);
  });

  it.each([
    ["wrong letter", "pangolim"],
    ["missing letter", "pangoln"],
    ["extra letter", "pangoliin"],
    ["swapped letters", "pagnolin"],
    ["wrong first letter", "bangolin"],
    ["swapped first letters", "apngolin"],
    ["missing letter, not the last word", "pangoln lantern"],
  ])("finds the product despite a %s (%s)", async (_kind, q) => {
    await seedIndexed(`typo-${q.replace(/\W/g, "")}`, [{ key: "p", name: "Pangolin lantern" }]);
    const result = await searchOk({ q });
    expect(result.items.map((i) => i.name)).toContain("Pangolin lantern");
  });

  it("corrects a 5-letter word with a letter missing", async () => {
    await seedIndexed("typo-short", [{ key: "p", name: "Flannel skirt" }]);
    expect(slugsOf(await searchOk({ q: "skrt flannel" }), "typo-short")).toEqual([slugOf("typo-short", "p")]);
  });

  it("does not correct a word that is already known", async () => {
    await seedIndexed("typo-known", [
      { key: "sofa", name: "Velvety sofas" },
      { key: "soda", name: "Velvety sodas" },
    ]);
    expect(slugsOf(await searchOk({ q: "velvety sofas" }), "typo-known")).toEqual([
      slugOf("typo-known", "sofa"),
    ]);
  });

  it("does not correct words shorter than four letters or further than one edit away", async () => {
    await seedIndexed("typo-far", [{ key: "p", name: "Cassowary poncho" }]);
    expect((await searchOk({ q: "cassowray poncho" })).total).toBeGreaterThan(0);
    expect(slugsOf(await searchOk({ q: "casowray" }), "typo-far")).toEqual([]);
  });
});
