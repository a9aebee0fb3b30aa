// Initial stock for the demo catalog's SKUs. Stock lives in one StockDO per SKU inside the
// running `wrangler dev` process, so unlike the D1 seed this runs after the shop is up: it posts
// the SKUs in chunks to the development-only `POST /dev/inventory/seed`, which stocks only the
// StockDOs that have never been stocked. Every start can therefore call it: stock that has moved
// since (a sale, a stock count) is left alone.
//
// Waking thousands of Durable Objects costs seconds even when each one is a no-op, so a completed
// pass leaves a marker file in the state folder (next to the objects it describes, and wiped with
// them by `npm run reset`); a later start with the same SKU list skips the pass.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stockSeedItems } from "./seed-catalog.mjs";

/** SKUs per request; the inventory worker calls their StockDOs in parallel (it accepts up to 500). */
const CHUNK_SIZE = 100;
/** Requests in flight at once. */
const CONCURRENCY = 2;
/**
 * SKUs started per second, at most. Every StockDO touched stays open in the inventory isolate
 * until it has been idle a while, and local workerd gives all open objects' SQLite one memory
 * budget. Measured on a 2-core machine: waking objects much faster (4 x 250 in flight, or
 * 400/s) failed with SQLITE_NOMEM and an isolate reset that fails every in-flight request;
 * 2 x 100 in flight at <= 150/s ran clean (stocking 4,206 new objects in 38 s, a pass of no-ops
 * in 28 s). The cap matters most for no-op passes, which would otherwise run at thousands/s.
 */
const MAX_SKUS_PER_SECOND = 150;
/** A failed chunk is retried (stocking is idempotent per SKU) after a pause that lets objects close. */
const ATTEMPTS = 6;
const PAUSE_AFTER_FAILURE_MS = 3000;
const MARKER_FILE = "demo-stock-seeded.json";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts one chunk; a 5xx or a dropped connection (workerd reset the isolate, or wrangler
 * restarted the worker after a source change) is reported as retryable.
 * @param {string} url the shop's base URL
 * @param {import("./seed-catalog.d.mts").StockSeedItem[]} chunk
 * @returns {Promise<{ ok: true, seeded: number, skipped: number } | { ok: false, failure: string }>}
 */
async function postChunk(url, chunk) {
  let res;
  try {
    res = await fetch(new URL("/dev/inventory/seed", url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(chunk),
    });
  } catch (error) {
    return { ok: false, failure: String(error.cause ?? error) };
  }
  if (res.ok) return { ok: true, ...(await res.json()) };
  const failure = `${res.status} ${await res.text()}`;
  if (res.status < 500) throw new Error(`stock seeding failed: ${failure}`);
  return { ok: false, failure };
}

/** A fingerprint of the SKU list: a changed seed (new SKUs) runs the pass again. */
function fingerprintOf(items) {
  return createHash("sha256").update(JSON.stringify(items)).digest("hex");
}

/**
 * Stocks every seeded SKU that has never been stocked, in the shop running at `url`.
 * @param {string} url
 * @param {{ persistTo?: string, items?: import("./seed-catalog.d.mts").StockSeedItem[] }} [options]
 *   `persistTo`: the state folder of the running shop, for the marker of a completed pass
 * @returns {Promise<{ skus: number, seeded: number, skipped: number, ms: number, cached: boolean }>}
 */
export async function seedStock(url, { persistTo, items = stockSeedItems() } = {}) {
  const started = performance.now();
  const fingerprint = fingerprintOf(items);
  const marker = persistTo ? path.join(persistTo, MARKER_FILE) : null;
  if (marker && existsSync(marker) && JSON.parse(readFileSync(marker, "utf8")).fingerprint === fingerprint) {
    return { skus: items.length, seeded: 0, skipped: items.length, ms: 0, cached: true };
  }
  const chunks = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) chunks.push(items.slice(i, i + CHUNK_SIZE));
  const totals = { seeded: 0, skipped: 0 };
  let next = 0;
  let nextStart = performance.now();
  // Shared by both workers: after a failure neither starts a chunk until the objects had time to close.
  let pausedUntil = 0;
  async function worker() {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      for (let attempt = 1; ; attempt++) {
        const now = performance.now();
        const startAt = Math.max(nextStart, pausedUntil, now);
        nextStart = startAt + (chunk.length / MAX_SKUS_PER_SECOND) * 1000;
        await sleep(startAt - now);
        const result = await postChunk(url, chunk);
        if (result.ok) {
          totals.seeded += result.seeded;
          totals.skipped += result.skipped;
          break;
        }
        if (attempt >= ATTEMPTS) throw new Error(`stock seeding failed ${attempt} times: ${result.failure}`);
        pausedUntil = performance.now() + PAUSE_AFTER_FAILURE_MS * attempt;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chunks.length) }, worker));
  if (marker) writeFileSync(marker, JSON.stringify({ fingerprint, skus: items.length }));
  return { skus: items.length, ...totals, ms: Math.round(performance.now() - started), cached: false };
}
