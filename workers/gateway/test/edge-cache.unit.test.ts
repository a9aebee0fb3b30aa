import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../shared/app";
import {
  CACHE_STATUS_HEADER,
  type CacheVersionSource,
  cacheKey,
  createEdgeCache,
  type EdgeCacheBindings,
  isCacheableRead,
  isStorable,
} from "../edge-cache";

describe("cacheKey", () => {
  it("sorts query parameters by name, so their order does not matter", () => {
    expect(cacheKey("https://shop.test/api/products?page=2&category=shoes&limit=24", 7)).toBe(
      cacheKey("https://shop.test/api/products?limit=24&page=2&category=shoes", 7),
    );
  });

  it("keeps repeated parameters in their order, which may carry meaning", () => {
    expect(cacheKey("https://shop.test/api/products?brand=b&brand=a", 1)).not.toBe(
      cacheKey("https://shop.test/api/products?brand=a&brand=b", 1),
    );
  });

  it("puts the catalog version in the path, where a client's query cannot reach it", () => {
    expect(cacheKey("https://shop.test/api/search?q=lamp", 3)).toBe(
      "https://shop.test/_edge-cache/v3/api/search?q=lamp",
    );
    expect(cacheKey("https://shop.test/api/search?q=lamp", 4)).not.toBe(
      cacheKey("https://shop.test/api/search?q=lamp", 3),
    );
    expect(cacheKey("https://shop.test/api/categories", 0)).toBe(
      "https://shop.test/_edge-cache/v0/api/categories",
    );
  });

  it("treats equivalent encodings of a query as one key", () => {
    expect(cacheKey("https://shop.test/api/search?q=desk%20lamp", 1)).toBe(
      cacheKey("https://shop.test/api/search?q=desk+lamp", 1),
    );
  });
});

describe("isCacheableRead", () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Request(`https://shop.test${path}`, { headers });

  it("accepts anonymous GETs of products, categories and search", () => {
    for (const path of [
      "/api/products",
      "/api/products?page=2",
      "/api/products/slug/desk-lamp",
      "/api/categories",
      "/api/search?q=lamp",
      "/api/search/suggest?q=la",
    ]) {
      expect(isCacheableRead(get(path)), path).toBe(true);
    }
  });

  it("refuses authenticated reads, writes and other paths", () => {
    expect(isCacheableRead(get("/api/products", { authorization: "Bearer x" }))).toBe(false);
    expect(isCacheableRead(new Request("https://shop.test/api/products", { method: "POST" }))).toBe(false);
    expect(isCacheableRead(new Request("https://shop.test/api/products", { method: "HEAD" }))).toBe(false);
    expect(isCacheableRead(get("/api/productsx"))).toBe(false);
    expect(isCacheableRead(get("/api/cart"))).toBe(false);
    expect(isCacheableRead(get("/api/health"))).toBe(false);
  });
});

describe("isStorable", () => {
  const response = (status: number, headers: Record<string, string> = {}) =>
    new Response([204, 304].includes(status) ? null : "{}", { status, headers });

  it("stores a plain 200", () => {
    expect(isStorable(response(200, { "content-type": "application/json" }))).toBe(true);
    expect(isStorable(response(200, { "cache-control": "public, max-age=30" }))).toBe(true);
  });

  it("never stores errors, redirects or other successes", () => {
    for (const status of [201, 204, 301, 304, 400, 404, 429, 500, 503]) {
      expect(isStorable(response(status)), String(status)).toBe(false);
    }
  });

  it("never stores a response that sets a cookie or that the origin keeps private", () => {
    expect(isStorable(response(200, { "set-cookie": "session=1" }))).toBe(false);
    expect(isStorable(response(200, { "cache-control": "private, max-age=60" }))).toBe(false);
    expect(isStorable(response(200, { "cache-control": "no-store" }))).toBe(false);
    expect(isStorable(response(200, { "cache-control": "No-Cache" }))).toBe(false);
    expect(isStorable(response(200, { vary: "*" }))).toBe(false);
  });
});

/**
 * The middleware on a tiny app with a fake catalog: a version source the test sets, an origin
 * that counts its calls, a private named cache per harness, and a clock the test moves by hand.
 */
function harness({ versionMemoMs = 1000 } = {}) {
  const state = { version: 1, versionReads: 0, originCalls: 0, clock: 1_000_000, versionFails: false };
  const source: CacheVersionSource = {
    async cacheVersion() {
      state.versionReads += 1;
      if (state.versionFails) throw new Error("catalog unavailable");
      return state.version;
    },
  };
  const cacheName = `edge-cache-unit-${crypto.randomUUID()}`;
  const app = createApp<Partial<EdgeCacheBindings>>();
  app.use(
    "/api/*",
    createEdgeCache({ versionMemoMs, openCache: () => caches.open(cacheName), now: () => state.clock }),
  );
  app.get("/api/categories", (c) => {
    state.originCalls += 1;
    return c.json({ version: state.version, call: state.originCalls }, 200, {
      "cache-control": "public, max-age=5",
    });
  });
  app.get("/api/products/missing", (c) => {
    state.originCalls += 1;
    return c.json({ code: "not_found" }, 404);
  });
  app.get("/api/products/with-cookie", (c) => {
    state.originCalls += 1;
    return c.json({ ok: true }, 200, { "set-cookie": "visitor=1" });
  });
  app.post("/api/categories", (c) => c.json({ created: true }, 201));

  /** One request through the app, returning once its `waitUntil` work (the cache put) is done. */
  async function send(path: string, init: RequestInit = {}, bindings: Partial<EdgeCacheBindings> = {}) {
    const ctx = createExecutionContext();
    const env: Partial<EdgeCacheBindings> = { CATALOG_RPC: source, ...bindings };
    const res = await app.fetch(new Request(`https://shop.test${path}`, init), env, ctx);
    await waitOnExecutionContext(ctx);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  }
  return { state, send };
}

describe("edge cache middleware", () => {
  it("answers a repeated read from the cache without calling the origin", async () => {
    const { state, send } = harness();
    const miss = await send("/api/categories");
    const hit = await send("/api/categories");
    expect(miss.headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    expect(hit.headers.get(CACHE_STATUS_HEADER)).toBe("HIT");
    expect(hit.body).toEqual(miss.body);
    expect(state.originCalls).toBe(1);
  });

  it("gives a hit the origin's cache-control and this request's id, not the stored ones", async () => {
    const { send } = harness();
    await send("/api/categories", { headers: { "x-request-id": "first-request-0001" } });
    const hit = await send("/api/categories", { headers: { "x-request-id": "second-request-0002" } });
    expect(hit.headers.get(CACHE_STATUS_HEADER)).toBe("HIT");
    expect(hit.headers.get("x-request-id")).toBe("second-request-0002");
    expect(hit.headers.get("cache-control")).toBe("public, max-age=5");
    expect([...hit.headers.keys()].filter((name) => name.startsWith("x-edge-cache"))).toEqual([]);
  });

  it("misses once the catalog version moves (after the memo window)", async () => {
    const { state, send } = harness();
    await send("/api/categories");
    state.version = 2;
    state.clock += 1001;
    const fresh = await send("/api/categories");
    expect(fresh.headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    expect(fresh.body).toMatchObject({ version: 2 });
  });

  it("reuses a version read for the memo window only: a write elsewhere shows within it", async () => {
    const { state, send } = harness({ versionMemoMs: 1000 });
    await send("/api/categories");
    state.version = 2; // written through another isolate: this one was not told
    state.clock += 999;
    expect((await send("/api/categories")).headers.get(CACHE_STATUS_HEADER)).toBe("HIT");
    expect(state.versionReads).toBe(1);
    state.clock += 1;
    const fresh = await send("/api/categories");
    expect(fresh.headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    expect(fresh.body).toMatchObject({ version: 2 });
    expect(state.versionReads).toBe(2);
  });

  it("a write through this gateway makes the very next read ask for the version again", async () => {
    const { state, send } = harness({ versionMemoMs: 60_000 });
    await send("/api/categories");
    state.version = 2;
    const write = await send("/api/categories", { method: "POST", body: "{}" });
    expect(write.headers.get(CACHE_STATUS_HEADER)).toBeNull();
    const fresh = await send("/api/categories");
    expect(fresh.headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    expect(fresh.body).toMatchObject({ version: 2 });
  });

  it("stores neither errors nor responses that set cookies", async () => {
    const { state, send } = harness();
    for (const path of ["/api/products/missing", "/api/products/with-cookie"]) {
      expect((await send(path)).headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
      expect((await send(path)).headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    }
    expect(state.originCalls).toBe(4);
  });

  it("bypasses authenticated reads, in both directions", async () => {
    const { state, send } = harness();
    const auth = { headers: { authorization: "Bearer test" } };
    expect((await send("/api/categories", auth)).headers.get(CACHE_STATUS_HEADER)).toBe("BYPASS");
    // The authenticated answer was not stored for anonymous readers...
    expect((await send("/api/categories")).headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    // ...and a stored anonymous answer is not served to an authenticated reader.
    expect((await send("/api/categories", auth)).headers.get(CACHE_STATUS_HEADER)).toBe("BYPASS");
    expect(state.originCalls).toBe(3);
  });

  it("answers from the catalog when the cache itself fails", async () => {
    const broken = {
      match: () => Promise.reject(new Error("cache unavailable")),
      put: () => Promise.reject(new Error("cache unavailable")),
    } as unknown as Cache;
    const app = createApp<Partial<EdgeCacheBindings>>();
    app.use("/api/*", createEdgeCache({ openCache: async () => broken }));
    app.get("/api/categories", (c) => c.json({ items: [] }));
    const env = { CATALOG_RPC: { cacheVersion: async () => 1 } };
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request("https://shop.test/api/categories"), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get(CACHE_STATUS_HEADER)).toBe("MISS");
    expect(await res.json()).toEqual({ items: [] });
  });

  it("never serves from the cache when the version cannot be read", async () => {
    const { state, send } = harness();
    await send("/api/categories");
    state.versionFails = true;
    state.clock += 1001;
    const first = await send("/api/categories");
    const second = await send("/api/categories", {}, { CATALOG_RPC: undefined });
    expect(first.headers.get(CACHE_STATUS_HEADER)).toBe("BYPASS");
    expect(second.headers.get(CACHE_STATUS_HEADER)).toBe("BYPASS");
    expect(state.originCalls).toBe(3);
  });
});
