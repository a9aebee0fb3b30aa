import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { WorkerHono } from "../shared/app";
import { log } from "../shared/log";
import { REQUEST_ID_HEADER } from "../shared/request-id";
import { ownerOf } from "./upstreams";

/**
 * Edge cache for anonymous catalog reads (Cache API, `caches.default`).
 *
 * Keys carry the catalog's cache version, which every product or category write bumps in the
 * same D1 batch as the write (workers/catalog/cache-version.ts). A write therefore needs no purge
 * by URL (the Cache API can only delete one key in one data centre): later reads build a key
 * that has never been stored and miss. Old entries age out by their TTL.
 */

/** How long an entry lives at the edge. Short: it also bounds how stale unversioned data can be. */
export const EDGE_CACHE_TTL_SECONDS = 60;

/**
 * How long one isolate reuses a cache version it read. A hit then costs no catalog call at all,
 * which matters in production, where the version lives in D1 and D1 may be far from the edge.
 * The price: a write made through another isolate is seen here up to this much later.
 */
export const VERSION_MEMO_MS = 1000;

/** The public paths whose anonymous GETs are cached (segment-wise, like upstreams.ts ROUTES). */
export const CACHED_PREFIXES = ["/api/products", "/api/categories", "/api/search"] as const;

/** Response header saying what the cache did: HIT, MISS, or BYPASS (authenticated, or no version). */
export const CACHE_STATUS_HEADER = "x-cache";

export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/**
 * The stored copy's `cache-control` is the edge TTL; the origin's own value (what clients
 * should see) travels with the entry in this header and is put back on a hit.
 */
const ORIGIN_CACHE_CONTROL_HEADER = "x-edge-cache-origin-cache-control";

/** The one call the cache needs from catalog: `CatalogService.cacheVersion()` over RPC. */
export interface CacheVersionSource {
  cacheVersion(): Promise<number>;
}

/** The bindings the edge cache uses (the edge worker's `CATALOG_RPC`, entrypoint CatalogService). */
export interface EdgeCacheBindings {
  CATALOG_RPC: CacheVersionSource;
}

/** Knobs for tests and for a caller that wants another TTL; production uses the defaults. */
export interface EdgeCacheOptions {
  ttlSeconds?: number;
  versionMemoMs?: number;
  /** The cache to use; `caches.default` unless given (unit tests pass a named cache). */
  openCache?: () => Promise<Cache>;
  /** Milliseconds clock for the version memo (unit tests drive it by hand). */
  now?: () => number;
}

/** Methods that never change the catalog (RFC 9110 safe methods). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/** Whether `path` is `prefix` itself or below it, segment-wise (`/api/products/x`, not `/api/productsx`). */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether a request may be answered from (and stored in) the edge cache: a GET of a catalog or
 * search path without an `Authorization` header. Authenticated reads are never cached: a seller
 * or admin may see drafts, and the answer must not leak to anonymous shoppers.
 */
export function isCacheableRead(request: Request): boolean {
  if (request.method !== "GET") return false;
  if (request.headers.has("authorization")) return false;
  const { pathname } = new URL(request.url);
  return CACHED_PREFIXES.some((prefix) => isUnder(pathname, prefix));
}

/** Whether a catalog GET skips the cache only because the caller is authenticated. */
function isAuthenticatedCatalogRead(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return (
    request.method === "GET" &&
    request.headers.has("authorization") &&
    CACHED_PREFIXES.some((prefix) => isUnder(pathname, prefix))
  );
}

/**
 * The cache key of a read: the request's own origin (the Cache API is scoped to the zone, so the
 * key stays on the shop's host), a reserved path segment with the catalog version, the path, and
 * the query with parameters sorted by name. Sorting is stable, so repeated parameters keep their
 * relative order (which may carry meaning). URLSearchParams also re-encodes, so `a%20b` and
 * `a+b` share a key. Clients cannot forge a key: the gateway never caches paths outside
 * CACHED_PREFIXES, and the version sits in the path, not in a query parameter they could send.
 */
export function cacheKey(requestUrl: string | URL, version: number): string {
  const url = new URL(requestUrl);
  const params = new URLSearchParams(url.search);
  params.sort();
  const query = params.toString();
  return `${url.origin}/_edge-cache/v${version}${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * Whether a response may be stored: only 200s (an error or a redirect must be retried, not
 * replayed for a minute), never one that sets a cookie (it belongs to one client), never one
 * the origin marked private, no-store or no-cache, never one that varies on everything.
 */
export function isStorable(response: Response): boolean {
  if (response.status !== 200) return false;
  if (response.headers.has("set-cookie")) return false;
  const cacheControl = response.headers.get("cache-control")?.toLowerCase() ?? "";
  if (/(^|[\s,])(private|no-store|no-cache)([\s,=]|$)/.test(cacheControl)) return false;
  if (response.headers.get("vary")?.includes("*")) return false;
  return true;
}

/** The copy that goes into the cache: no per-request headers, the edge TTL as its lifetime. */
function storedCopy(response: Response, ttlSeconds: number): Response {
  const headers = new Headers(response.headers);
  // The request id belongs to the request that filled the entry; each hit gets its own.
  headers.delete(REQUEST_ID_HEADER);
  headers.delete(CACHE_STATUS_HEADER);
  const originCacheControl = headers.get("cache-control");
  if (originCacheControl) headers.set(ORIGIN_CACHE_CONTROL_HEADER, originCacheControl);
  headers.set("cache-control", `public, max-age=${ttlSeconds}`);
  return new Response(response.body, { status: response.status, headers });
}

/** A stored entry as the client gets it: the origin's headers back, mutable for later middleware. */
function servedFromCache(stored: Response): Response {
  const response = new Response(stored.body, stored);
  const originCacheControl = response.headers.get(ORIGIN_CACHE_CONTROL_HEADER);
  response.headers.delete(ORIGIN_CACHE_CONTROL_HEADER);
  if (originCacheControl) response.headers.set("cache-control", originCacheControl);
  else response.headers.delete("cache-control");
  // Set by the runtime's cache on a match; meaningless to API clients next to x-cache.
  response.headers.delete("cf-cache-status");
  response.headers.set(CACHE_STATUS_HEADER, "HIT" satisfies CacheStatus);
  return response;
}

/** The request's execution context, or undefined when the app was called without one. */
function executionContextOf(c: Pick<Context, "executionCtx">): Context["executionCtx"] | undefined {
  try {
    return c.executionCtx;
  } catch {
    // Hono's getter throws when `app.fetch(request, env)` had no third argument.
    return undefined;
  }
}

/**
 * The Workers runtime's `caches.default`. The project's tsconfig also loads the DOM lib, whose
 * `CacheStorage` has no `default` and wins the merge, hence the narrow cast.
 */
async function defaultCache(): Promise<Cache> {
  return (caches as unknown as { default: Cache }).default;
}

/**
 * The edge cache as gateway middleware (mount it after authentication and rate limiting, so
 * hits are still counted against the client and checked for a valid token).
 *
 * - Anonymous catalog GETs: key by (catalog version, normalized URL); a hit is served without
 *   touching catalog; a miss goes upstream and a storable answer is put with `waitUntil`.
 * - Authenticated catalog GETs: `x-cache: BYPASS`, never read from or written to the cache.
 * - Any other method on a catalog path (a write through this gateway): afterwards the memoized
 *   version is dropped, so this isolate's next read asks catalog again and sees the write.
 * - When the version cannot be read (catalog down, binding missing): BYPASS, never a stale read.
 */
export function createEdgeCache(options: EdgeCacheOptions = {}) {
  const ttlSeconds = options.ttlSeconds ?? EDGE_CACHE_TTL_SECONDS;
  const versionMemoMs = options.versionMemoMs ?? VERSION_MEMO_MS;
  const openCache = options.openCache ?? defaultCache;
  const now = options.now ?? Date.now;

  // Per isolate. Only plain values are shared between requests: a promise or stream made in one
  // request cannot be safely awaited from another in Workers, so concurrent misses of the memo
  // each make their own (tiny) call rather than sharing one in flight.
  let memo: { version: number; readAt: number } | undefined;
  // Bumped when a write drops the memo, so a version read that started before the write cannot
  // store its (possibly older) answer after it.
  let generation = 0;
  let missingBindingLogged = false;

  function forgetVersion(): void {
    memo = undefined;
    generation += 1;
  }

  async function currentVersion(bindings: Partial<EdgeCacheBindings>, requestId: string) {
    if (memo && now() - memo.readAt < versionMemoMs) return memo.version;
    const source = bindings.CATALOG_RPC;
    if (!source) {
      // A deployment without the binding still serves every read, uncached; say so once.
      if (!missingBindingLogged) log("error", "edge cache off: no CATALOG_RPC binding", { requestId });
      missingBindingLogged = true;
      return null;
    }
    const startedIn = generation;
    try {
      const version = await source.cacheVersion();
      // Versions only grow; never let a slower, older answer replace a newer one.
      if (startedIn === generation && (!memo || version >= memo.version)) {
        memo = { version, readAt: now() };
      }
      return version;
    } catch (error) {
      log("warn", "edge cache bypassed: cache version unavailable", { requestId, error: String(error) });
      return null;
    }
  }

  return createMiddleware<WorkerHono<Partial<EdgeCacheBindings>>>(async function edgeCache(c, next) {
    const request = c.req.raw;
    if (!isCacheableRead(request)) {
      if (isAuthenticatedCatalogRead(request)) {
        await next();
        c.res.headers.set(CACHE_STATUS_HEADER, "BYPASS" satisfies CacheStatus);
        return;
      }
      const isCatalogWrite = !SAFE_METHODS.has(request.method) && ownerOf(c.req.path) === "catalog";
      await next();
      // Whatever the answer: a write that failed late (timeout, 5xx) may still have committed,
      // and dropping the memo costs one version read.
      if (isCatalogWrite) forgetVersion();
      return;
    }

    const version = await currentVersion(c.env, c.get("requestId"));
    if (version === null) {
      await next();
      c.res.headers.set(CACHE_STATUS_HEADER, "BYPASS" satisfies CacheStatus);
      return;
    }

    const key = cacheKey(request.url, version);
    const cache = await openCache();
    const stored = await cache.match(key).catch((error: unknown) => {
      // A cache that cannot answer costs a trip to the catalog, never the shopper's request.
      log("warn", "edge cache match failed", { requestId: c.get("requestId"), error: String(error) });
      return undefined;
    });
    if (stored) return servedFromCache(stored);

    await next();
    if (isStorable(c.res)) {
      const put = cache.put(key, storedCopy(c.res.clone(), ttlSeconds)).catch((error: unknown) => {
        log("warn", "edge cache put failed", { requestId: c.get("requestId"), error: String(error) });
      });
      // Stored after the answer is on its way: a miss does not wait for the cache write. A caller
      // of `gateway.fetch` without an execution context gets the write awaited instead.
      const ctx = executionContextOf(c);
      if (ctx) ctx.waitUntil(put);
      else await put;
    }
    c.res.headers.set(CACHE_STATUS_HEADER, "MISS" satisfies CacheStatus);
  });
}

/** The gateway's edge cache (one per isolate: its version memo is shared by the isolate's requests). */
export const edgeCache = createEdgeCache();
