import { describe, expect, it } from "vitest";
import { call } from "./harness";
import { search, searchOk, seedIndexed, slugOf, slugsOf } from "./search-fixtures";

describe("GET /api/search: hostile input", () => {
  it("escapes product text in highlights: <mark> is the only markup", async () => {
    await seedIndexed("xss", [
      {
        key: "p",
        name: "<b>bad</b> headphones",
        description: `<script>alert("x")</script> & 'quoted' headphones`,
      },
    ]);
    const [item] = (await searchOk({ q: "headphones bad", category: "xss-headphones" })).items;
    expect(item?.highlight.name).toBe("&lt;b&gt;<mark>bad</mark>&lt;/b&gt; <mark>headphones</mark>");
    expect(item?.highlight.description).not.toMatch(/<(?!\/?mark>)/);
    expect(item?.highlight.description).toContain("&lt;script&gt;");
    expect(item?.highlight.description).toContain("&amp; &#39;quoted&#39; <mark>headphones</mark>");
  });

  it.each([
    ['"'],
    ['""'],
    ["*"],
    ["AND"],
    ["OR NOT"],
    ["NEAR("],
    ["NEAR(a b, 2)"],
    ["-"],
    ["-headphones"],
    [":"],
    ["name:headphones"],
    ["{name}: x"],
    ["()"],
    ["(("],
    ["^start"],
    ["a + b"],
    ["headphones*"],
    ['"unterminated'],
    ["'; DROP TABLE products; --"],
    ["%_\\"],
    ["😀🎧"],
    ["日本語のヘッドホン"],
    ["Ünïcödé wîreless"],
    ["\u0000\u0002\u0003"],
    ["x".repeat(200)],
    [Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ")],
    ["headphones ".repeat(18)],
  ])("never answers 500 for q=%j", async (q) => {
    const res = await search({ q });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json<{ items: unknown[]; total: number }>();
    expect(Array.isArray(body.items)).toBe(true);
  });

  it("treats operator words as plain words", async () => {
    await seedIndexed("ops", [{ key: "p", name: "Near and far binoculars" }]);
    expect(slugsOf(await searchOk({ q: "NEAR far" }), "ops")).toEqual([slugOf("ops", "p")]);
    expect(slugsOf(await searchOk({ q: '"binoculars" AND' }), "ops")).toEqual([slugOf("ops", "p")]);
  });

  it("answers an empty result for a query with no searchable words", async () => {
    expect(await searchOk({ q: '*"()' })).toEqual({
      items: [],
      total: 0,
      page: 1,
      limit: 24,
      facets: { category: [], brand: [], price: [] },
    });
  });

  it("answers 400 validation_failed without q, with a blank q, or with bad filters", async () => {
    for (const path of [
      "/api/search",
      "/api/search?q=",
      "/api/search?q=%20%20",
      `/api/search?q=${"x".repeat(201)}`,
      "/api/search?q=a&limit=101",
      "/api/search?q=a&page=0",
      "/api/search?q=a&minPrice=-1",
      "/api/search?q=a&minPrice=500&maxPrice=100",
      "/api/search?q=a&sort=cheapest",
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json(), path).toMatchObject({ code: "validation_failed", errors: expect.any(Array) });
    }
  });

  it("does not find draft or archived products", async () => {
    await seedIndexed("hidden", [
      { key: "draft", name: "Secret jackalope draft", status: "draft" },
      { key: "gone", name: "Secret jackalope archived", status: "archived" },
    ]);
    expect((await searchOk({ q: "jackalope" })).total).toBe(0);
  });
});

describe("GET /api/search/suggest: hostile input", () => {
  it.each([['"'], ["*"], ["NEAR("], ["-"], [":"], ["()"], ["😀"], ["x".repeat(100)]])(
    "never answers 500 for q=%j",
    async (q) => {
      const res = await call(`/api/search/suggest?${new URLSearchParams({ q })}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ suggestions: expect.any(Array) });
    },
  );

  it("answers 400 without q", async () => {
    for (const path of [
      "/api/search/suggest",
      "/api/search/suggest?q=",
      `/api/search/suggest?q=${"x".repeat(101)}`,
    ]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ code: "validation_failed" });
    }
  });
});
