import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM script without types
import { startShop } from "../../scripts/dev.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    shopUrl: string;
  }
}

/**
 * Starts the whole shop once for every browser test: the same `npm run dev` path (dev keys,
 * migrations, seed, wrangler dev with every worker) on a free port with throwaway state.
 */
export default async function setup(project: TestProject) {
  const state = mkdtempSync(path.join(tmpdir(), "shop-e2e-"));
  const port = 8800 + Math.floor(Math.random() * 900);
  // No stock seeding: these tests need no stock, and seeding 4,000 StockDOs takes ~40 s.
  const shop = await startShop({ port, persistTo: state, quiet: true, rebuild: false, stock: false });
  project.provide("shopUrl", shop.url);
  return async () => {
    await shop.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
