// What the benchmark runners share: a free port, a throwaway shop to measure, nearest-rank
// percentiles.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { startShop } from "./dev.mjs";

/** A TCP port nobody listens on right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Nearest-rank percentile of ascending `sorted`, or null when empty.
 * @param {number[]} sorted
 * @param {number} p
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * How a benchmark's own shop runs: without the gateway's per-request access line and wrangler's
 * per-request line. Under `wrangler dev` each log line crosses from workerd to the wrangler
 * process, which printed them at the cost of about a third of the shop's throughput; deployed,
 * Workers Logs are collected outside the request. Errors (5xx) are still logged.
 */
export const MEASURED_SHOP = { vars: { ACCESS_LOG: "errors" }, logLevel: "warn" };

/**
 * The shop at `url`, or, without one, a fresh local shop on a free port with temporary state
 * (demo SKUs not stocked: each benchmark stocks what it measures). `stop()` ends and deletes
 * a shop it started and leaves a given one alone.
 * @param {string | undefined} url
 * @param {string} name names the temporary state folder
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>}
 */
export async function shopToMeasure(url, name) {
  if (url) return { baseUrl: url, stop: async () => {} };
  const state = mkdtempSync(path.join(os.tmpdir(), `shop-bench-${name}-`));
  const port = await freePort();
  console.log(`• starting the shop on port ${port} with fresh state (migrations, seed, wrangler dev)`);
  try {
    const shop = await startShop({
      port,
      persistTo: state,
      quiet: true,
      rebuild: false,
      stock: false,
      ...MEASURED_SHOP,
    });
    return {
      baseUrl: shop.url,
      stop: async () => {
        await shop.stop();
        rmSync(state, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }
}
