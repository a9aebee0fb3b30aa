import { describe, expect, it } from "vitest";
import type { ProductListItem } from "../product-list-item";
import type { ProductPage } from "../products.schemas";
import { api, makeBrand, makeCategory, makeProduct, unique } from "./factories";

/** A tree of its own per test: root > child > grandchild, and an unrelated root. */
async function tree() {
  const root = await makeCategory();
  const child = await makeCategory({ parentId: root.id });
  const grandchild = await makeCategory({ parentId: child.id });
  const other = await makeCategory();
  return { root, child, grandchild, other };
}

async function list(query: string): Promise<ProductPage> {
  const res = await api<ProductPage>("GET", `/api/products?${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

const slugs = (page: { items: ProductListItem[] }) => page.items.map((i) => i.slug);

describe("GET /api/products", () => {
  it("lists active products as list items, newest first, with the page and total", async () => {
    const { root } = await tree();
    const brand = await makeBrand();
    const older = await makeProduct({ categoryId: root.id, createdAt: 1_000, brandId: brand.id });
    const newer = await makeProduct({ categoryId: root.id, createdAt: 2_000, rating: 4.26, ratingCount: 3 });
    const page = await list(`category=${root.slug}`);
    expect(page).toMatchObject({ total: 2, page: 1, limit: 24 });
    expect(slugs(page)).toEqual([newer.slug, older.slug]);
    expect(page.items[1]).toEqual({
      id: older.id,
      slug: older.slug,
      name: older.slug,
      brand: { slug: brand.slug, name: expect.any(String) },
      category: { slug: root.slug, name: root.slug },
      price: { amount: 1000, currency: "USD" },
      image: null,
      rating: { average: 0, count: 0 },
      stock: { status: "in_stock" },
    });
    expect(page.items[0]?.rating).toEqual({ average: 4.3, count: 3 });
  });

  it("filters by category including every descendant, and nothing outside it", async () => {
    const { root, child, grandchild, other } = await tree();
    const inRoot = await makeProduct({ categoryId: root.id });
    const inChild = await makeProduct({ categoryId: child.id });
    const inGrandchild = await makeProduct({ categoryId: grandchild.id });
    await makeProduct({ categoryId: other.id });
    expect(slugs(await list(`category=${root.slug}`)).sort()).toEqual(
      [inRoot.slug, inChild.slug, inGrandchild.slug].sort(),
    );
    expect(slugs(await list(`category=${child.slug}`)).sort()).toEqual(
      [inChild.slug, inGrandchild.slug].sort(),
    );
    expect(slugs(await list(`category=${grandchild.slug}`))).toEqual([inGrandchild.slug]);
    expect(await list(`category=${unique("missing")}`)).toMatchObject({ items: [], total: 0 });
  });

  it("leaves drafts and archived products out", async () => {
    const { root } = await tree();
    const active = await makeProduct({ categoryId: root.id });
    await makeProduct({ categoryId: root.id, status: "draft" });
    await makeProduct({ categoryId: root.id, status: "archived" });
    expect(slugs(await list(`category=${root.slug}`))).toEqual([active.slug]);
  });

  it("filters by brand slug, one or several", async () => {
    const { root } = await tree();
    const [a, b] = [await makeBrand(), await makeBrand()];
    const byA = await makeProduct({ categoryId: root.id, brandId: a.id });
    const byB = await makeProduct({ categoryId: root.id, brandId: b.id });
    await makeProduct({ categoryId: root.id });
    expect(slugs(await list(`category=${root.slug}&brand=${a.slug}`))).toEqual([byA.slug]);
    expect(slugs(await list(`category=${root.slug}&brand=${a.slug},${b.slug}`)).sort()).toEqual(
      [byA.slug, byB.slug].sort(),
    );
  });

  it("filters price on the lowest active variant price", async () => {
    const { root } = await tree();
    // Shown price 3000: the archived 100 variant does not count.
    const mixed = await makeProduct({
      categoryId: root.id,
      variants: [{ price: 100, status: "archived" }, { price: 5000 }, { price: 3000 }],
    });
    const cheap = await makeProduct({ categoryId: root.id, variants: [{ price: 1500 }] });
    expect(slugs(await list(`category=${root.slug}&maxPrice=2000`))).toEqual([cheap.slug]);
    expect(slugs(await list(`category=${root.slug}&minPrice=2000`))).toEqual([mixed.slug]);
    expect(slugs(await list(`category=${root.slug}&minPrice=3000&maxPrice=3000`))).toEqual([mixed.slug]);
    expect((await list(`category=${root.slug}&minPrice=3001&maxPrice=4999`)).total).toBe(0);
    const item = (await list(`category=${root.slug}&minPrice=2000`)).items[0];
    expect(item?.price).toEqual({ amount: 3000, currency: "USD" });
  });

  it("filters inStock on active variants, and shows each stock status", async () => {
    const { root } = await tree();
    const plenty = await makeProduct({
      categoryId: root.id,
      variants: [{ available: 0 }, { available: 50 }],
    });
    const low = await makeProduct({
      categoryId: root.id,
      variants: [{ available: 2, lowStockThreshold: 5 }],
    });
    const none = await makeProduct({
      categoryId: root.id,
      variants: [{ available: 0 }, { available: 9, status: "archived" }],
    });
    const all = await list(`category=${root.slug}`);
    const status = Object.fromEntries(all.items.map((i) => [i.slug, i.stock.status]));
    expect(status).toEqual({
      [plenty.slug]: "in_stock",
      [low.slug]: "low_stock",
      [none.slug]: "out_of_stock",
    });
    expect(slugs(await list(`category=${root.slug}&inStock=true`)).sort()).toEqual(
      [plenty.slug, low.slug].sort(),
    );
    expect((await list(`category=${root.slug}&inStock=false`)).total).toBe(3);
  });

  it("filters by minimum rating", async () => {
    const { root } = await tree();
    const great = await makeProduct({ categoryId: root.id, rating: 4.5, ratingCount: 10 });
    await makeProduct({ categoryId: root.id, rating: 3.9, ratingCount: 10 });
    expect(slugs(await list(`category=${root.slug}&minRating=4`))).toEqual([great.slug]);
  });

  it("combines filters", async () => {
    const { root, grandchild } = await tree();
    const brand = await makeBrand();
    const match = await makeProduct({
      categoryId: grandchild.id,
      brandId: brand.id,
      rating: 4.8,
      variants: [{ price: 2500, available: 3 }],
    });
    await makeProduct({
      categoryId: grandchild.id,
      brandId: brand.id,
      rating: 4.8,
      variants: [{ price: 9000 }],
    });
    await makeProduct({ categoryId: grandchild.id, rating: 4.8, variants: [{ price: 2500 }] });
    await makeProduct({
      categoryId: grandchild.id,
      brandId: brand.id,
      rating: 2,
      variants: [{ price: 2500 }],
    });
    await makeProduct({
      categoryId: grandchild.id,
      brandId: brand.id,
      rating: 4.8,
      variants: [{ price: 2500, available: 0 }],
    });
    const query = `category=${root.slug}&brand=${brand.slug}&maxPrice=3000&minRating=4.5&inStock=true`;
    expect(await list(query)).toMatchObject({ total: 1, items: [{ slug: match.slug }] });
  });

  it("sorts by price, rating and newest", async () => {
    const { root } = await tree();
    const a = await makeProduct({
      categoryId: root.id,
      createdAt: 3,
      rating: 3,
      variants: [{ price: 2000 }],
    });
    const b = await makeProduct({ categoryId: root.id, createdAt: 1, rating: 5, variants: [{ price: 500 }] });
    const c = await makeProduct({
      categoryId: root.id,
      createdAt: 2,
      rating: 4,
      variants: [{ price: 9000 }],
    });
    const sorted = async (sort: string) => slugs(await list(`category=${root.slug}&sort=${sort}`));
    expect(await sorted("price_asc")).toEqual([b.slug, a.slug, c.slug]);
    expect(await sorted("price_desc")).toEqual([c.slug, a.slug, b.slug]);
    expect(await sorted("rating")).toEqual([b.slug, c.slug, a.slug]);
    expect(await sorted("newest")).toEqual([a.slug, c.slug, b.slug]);
    // Relevance needs words; without `q` the default order applies.
    expect(await sorted("relevance")).toEqual([a.slug, c.slug, b.slug]);
  });

  it("pages with a stable total", async () => {
    const { root } = await tree();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeProduct({ categoryId: root.id, createdAt: 100 + i }));
    const newestFirst = made.reverse().map((p) => p.slug);
    const pages = [1, 2, 3, 4].map((page) => list(`category=${root.slug}&limit=2&page=${page}`));
    const [one, two, three, four] = await Promise.all(pages);
    expect([one, two, three, four].map((p) => p?.total)).toEqual([5, 5, 5, 5]);
    expect([...slugs(one!), ...slugs(two!), ...slugs(three!)]).toEqual(newestFirst);
    expect(four).toMatchObject({ items: [], page: 4, limit: 2 });
  });

  it("answers a q like /api/search does (search is the listing with words)", async () => {
    const viaProducts = await api("GET", "/api/products?q=anything&limit=5");
    const viaSearch = await api("GET", "/api/search?q=anything&limit=5");
    expect(viaProducts.status).toBe(200);
    expect(viaProducts.body).toEqual(viaSearch.body);
    expect(viaProducts.body).toHaveProperty("facets");
  });

  it.each([
    ["limit=101", "limit"],
    ["limit=0", "limit"],
    ["page=0", "page"],
    ["minPrice=-1", "minPrice"],
    ["maxPrice=abc", "maxPrice"],
    ["minPrice=500&maxPrice=100", "minPrice"],
    ["sort=cheapest", "sort"],
    ["inStock=maybe", "inStock"],
    ["minRating=6", "minRating"],
  ])("refuses %s with 400 validation_failed naming the field", async (query, path) => {
    const res = await api<{ code: string; errors: { path: string }[] }>("GET", `/api/products?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors.map((e) => e.path)).toContain(path);
  });
});

describe("GET /api/products/featured", () => {
  it("lists active featured products, newest first, with a limit", async () => {
    const { root } = await tree();
    const first = await makeProduct({ categoryId: root.id, featured: true, createdAt: Date.now() + 1_000 });
    const second = await makeProduct({ categoryId: root.id, featured: true, createdAt: Date.now() + 2_000 });
    const plain = await makeProduct({ categoryId: root.id });
    const draft = await makeProduct({ categoryId: root.id, featured: true, status: "draft" });
    const page = await api<ProductPage>("GET", "/api/products/featured?limit=100");
    expect(page.status).toBe(200);
    const shown = slugs(page.body);
    expect(shown.indexOf(second.slug)).toBeLessThan(shown.indexOf(first.slug));
    expect(shown).toContain(first.slug);
    expect(shown).not.toContain(plain.slug);
    expect(shown).not.toContain(draft.slug);
    const one = await api<ProductPage>("GET", "/api/products/featured?limit=1");
    expect(one.body.items).toHaveLength(1);
    expect(one.body.total).toBeGreaterThanOrEqual(2);
  });

  it("refuses a bad limit", async () => {
    const res = await api<{ code: string }>("GET", "/api/products/featured?limit=500");
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
  });
});
