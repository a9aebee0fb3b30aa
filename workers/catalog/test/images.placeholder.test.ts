import { describe, expect, it } from "vitest";
import { renderPlaceholderSvg } from "../placeholder-image";
import { makeCategory, makeProduct, seller } from "./factories";
import { productOf, request } from "./images.fixtures";

describe("GET /images/placeholder/<slug>.svg", () => {
  it("renders the product's placeholder SVG with long caching and a no-script CSP", async () => {
    const product = await productOf(seller().userId, "Northwind Wireless Noise-Cancelling Headphones");
    const res = await request(`/images/placeholder/${product.slug}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const svg = await res.text();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(">NW</text>");
    expect(svg).toContain("Northwind Wireless");
  });

  it("is deterministic: the same bytes and ETag every time, and 304 for that ETag", async () => {
    const product = await productOf(seller().userId);
    const path = `/images/placeholder/${product.slug}.svg`;
    const first = await request(path);
    const second = await request(path);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(second.headers.get("etag")).toBe(etag);
    expect(await second.text()).toBe(await first.text());
    const cached = await request(path, { headers: { "if-none-match": etag! } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it("escapes the product name, so markup in it stays text", async () => {
    const category = await makeCategory();
    const product = await makeProduct({
      categoryId: category.id,
      name: `<script>alert("x")</script> & Co's "best" </svg><svg onload=alert(1)>`,
    });
    const svg = await (await request(`/images/placeholder/${product.slug}.svg`)).text();
    // Every tag is one the renderer writes; the name's markup survives only as escaped text.
    const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["circle", "g", "path", "rect", "svg", "text"]);
    expect(svg).not.toMatch(/<script|<svg onload/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&amp; Co&apos;s");
    expect(svg.match(/<svg /g)).toHaveLength(1);
  });

  it("tints by slug and draws the icon of the nearest category that has one", () => {
    const base = {
      name: "Acme Trail Running Shoes",
      categorySlugs: ["running-shoes", "running", "sports-outdoors"],
    };
    const a = renderPlaceholderSvg({ ...base, slug: "acme-trail-running-shoes" });
    const b = renderPlaceholderSvg({ ...base, slug: "acme-road-running-shoes" });
    expect(a).toBe(renderPlaceholderSvg({ ...base, slug: "acme-trail-running-shoes" }));
    expect(a).not.toBe(b);
    const mountain = "M4 86 L38 28";
    expect(a).toContain(mountain);
    const fashion = renderPlaceholderSvg({
      ...base,
      slug: "x",
      categorySlugs: ["sneakers", "shoes", "fashion"],
    });
    expect(fashion).not.toContain(mountain);
    expect(renderPlaceholderSvg({ ...base, slug: "x", categorySlugs: [] })).toContain("<path");
  });
});
