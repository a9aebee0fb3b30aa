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
    const shop = await startShop({ port, persistTo: state, quiet: true, rebuild: false, stock: false });
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
