import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, type FetchLike, type JsonResponse } from "../../../test/http";
import type { Category } from "../../catalog/catalog.schemas";
import worker from "../../edge/index";
import { CACHE_STATUS_HEADER } from "../edge-cache";
import { testEnv } from "./harness";
import { signToken } from "./tokens";

/**
 * The edge worker with its real bindings (gateway, catalog over service bindings and RPC, D1,
 * `caches.default`), returning only after the request's `waitUntil` work (the cache put) is done,
 * so "the next read hits" is a fact, not a race. Every request in this file goes through this one
 * module instance, so they share one version memo, as requests in one isolate do.
 */
const settled: FetchLike = async (request) => {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
};

/** Each test gets its own client address, so rate limits of one test never touch another. */
const client = () => ({
  "cf-connecting-ip": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

/** A URL of its own per test (a unique, ignored query parameter), so no test sees another's entries. */
const fresh = (path: string) => `${path}${path.includes("?") ? "&" : "?"}t=${crypto.randomUUID()}`;

const cacheStatus = (res: JsonResponse<unknown>) => res.headers.get(CACHE_STATUS_HEADER);

function slugsOf(tree: Category[]): string[] {
  return tree.flatMap((category) => [category.slug, ...slugsOf(category.children)]);
}

/**
 * Creates a top-level category as an admin does: `POST /api/categories` through the gateway. The
 * catalog bumps its cache version in the same batch as the insert, and the gateway drops its
 * memoized version after any catalog write, so the very next read in this isolate asks again.
 */
async function createCategory(ip: Record<string, string>, slug: string): Promise<void> {
  const token = await signToken({ role: "admin" });
  const res = await call(settled, "POST", "/api/categories", {
    headers: { ...ip, authorization: `Bearer ${token}` },
    body: { name: `Category ${slug}`, slug },
  });
  expect(res.status).toBe(201);
}

describe("edge cache: anonymous catalog reads", () => {
  it("misses, then hits with the same body and this request's own id", async () => {
    const ip = client();
    const url = fresh("/api/categories");
    const miss = await call(settled, "GET", url, { headers: { ...ip, "x-request-id": "edge-cache-0001" } });
    const hit = await call(settled, "GET", url, { headers: { ...ip, "x-request-id": "edge-cache-0002" } });
    expect(miss.status).toBe(200);
    expect(cacheStatus(miss)).toBe("MISS");
    expect(hit.status).toBe(200);
    expect(cacheStatus(hit)).toBe("HIT");
    expect(hit.body).toEqual(miss.body);
    expect(miss.headers.get("x-request-id")).toBe("edge-cache-0001");
    expect(hit.headers.get("x-request-id")).toBe("edge-cache-0002");
  });

  it("a category write makes the next read fresh", async () => {
    const ip = client();
    const url = fresh("/api/categories");
    const slug = `cache-${crypto.randomUUID().slice(0, 8)}`;
    const before = await call<{ items: Category[] }>(settled, "GET", url, { headers: ip });
    expect(cacheStatus(before)).toBe("MISS");
    expect(cacheStatus(await call(settled, "GET", url, { headers: ip }))).toBe("HIT");

    await createCategory(ip, slug);

    const after = await call<{ items: Category[] }>(settled, "GET", url, { headers: ip });
    expect(after.status).toBe(200);
    expect(cacheStatus(after)).toBe("MISS");
    expect(slugsOf(before.body.items)).not.toContain(slug);
    expect(slugsOf(after.body.items)).toContain(slug);
    // The new version's entry serves the reads after that.
    const again = await call<{ items: Category[] }>(settled, "GET", url, { headers: ip });
    expect(cacheStatus(again)).toBe("HIT");
    expect(slugsOf(again.body.items)).toContain(slug);
  });

  it("a product write makes the next listing fresh", async () => {
    const ip = client();
    const category = `cache-${crypto.randomUUID().slice(0, 8)}`;
    await createCategory(ip, category);
    const url = fresh(`/api/products?category=${category}`);
    const before = await call<{ items: { slug: string }[] }>(settled, "GET", url, { headers: ip });
    expect(before.status).toBe(200);
    expect(cacheStatus(before)).toBe("MISS");
    expect(before.body.items).toEqual([]);
    expect(cacheStatus(await call(settled, "GET", url, { headers: ip }))).toBe("HIT");

    const token = await signToken({ role: "admin" });
    const created = await call(settled, "POST", "/api/products", {
      headers: { ...ip, authorization: `Bearer ${token}` },
      body: {
        name: "Cache Test Lamp",
        slug: `${category}-lamp`,
        category,
        status: "active",
        variants: [{ sku: `${category}-L1`.toUpperCase(), price: { amount: 2599, currency: "USD" } }],
      },
    });
    expect(created.status).toBe(201);

    const after = await call<{ items: { slug: string }[] }>(settled, "GET", url, { headers: ip });
    expect(cacheStatus(after)).toBe("MISS");
    expect(after.body.items.map((item) => item.slug)).toEqual([`${category}-lamp`]);
  });

  it("the order of query parameters does not matter", async () => {
    const ip = client();
    const t = crypto.randomUUID();
    const first = await call(settled, "GET", `/api/categories?page=1&limit=24&t=${t}`, { headers: ip });
    const reordered = await call(settled, "GET", `/api/categories?t=${t}&limit=24&page=1`, { headers: ip });
    expect(cacheStatus(first)).toBe("MISS");
    expect(cacheStatus(reordered)).toBe("HIT");
  });

  it("does not cache answers other than 200", async () => {
    const ip = client();
    // A validation failure (limit is at most 100) and an unknown category.
    for (const url of [
      fresh("/api/products?limit=100000"),
      fresh(`/api/categories/no-such-${crypto.randomUUID()}`),
    ]) {
      const first = await call(settled, "GET", url, { headers: ip });
      const second = await call(settled, "GET", url, { headers: ip });
      expect([400, 404], url).toContain(first.status);
      expect(cacheStatus(first), url).toBe("MISS");
      expect(second.status, url).toBe(first.status);
      expect(cacheStatus(second), url).toBe("MISS");
      // Each answer is its own request's problem, not a replay.
      expect(second.body.requestId).toBe(second.headers.get("x-request-id"));
      expect(second.body.requestId).not.toBe(first.body.requestId);
    }
  });

  it("leaves other API paths alone", async () => {
    const res = await call(settled, "GET", "/api/health", { headers: client() });
    expect(cacheStatus(res)).toBeNull();
  });
});

describe("edge cache: security", () => {
  it("an authenticated read is never served from the cache", async () => {
    const ip = client();
    const url = fresh("/api/categories");
    await call(settled, "GET", url, { headers: ip });
    expect(cacheStatus(await call(settled, "GET", url, { headers: ip }))).toBe("HIT");
    const token = await signToken({ role: "admin" });
    const res = await call(settled, "GET", url, { headers: { ...ip, authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(cacheStatus(res)).toBe("BYPASS");
  });

  it("an authenticated answer is never stored for anonymous readers", async () => {
    const ip = client();
    const url = fresh("/api/categories");
    const token = await signToken({ role: "seller" });
    const authed = await call(settled, "GET", url, { headers: { ...ip, authorization: `Bearer ${token}` } });
    expect(cacheStatus(authed)).toBe("BYPASS");
    expect(cacheStatus(await call(settled, "GET", url, { headers: ip }))).toBe("MISS");
  });

  it("a bad token on a cached URL is still rejected, not answered from the cache", async () => {
    const ip = client();
    const url = fresh("/api/categories");
    await call(settled, "GET", url, { headers: ip });
    const res = await call(settled, "GET", url, { headers: { ...ip, authorization: "Bearer not.a.token" } });
    expect(res.status).toBe(401);
    expect(cacheStatus(res)).toBeNull();
  });
});
