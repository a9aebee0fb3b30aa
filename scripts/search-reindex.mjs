#!/usr/bin/env node
// `npm run search:reindex`: rebuilds the product search index of the local development state
// from the catalog's base tables, with the one rebuild SQL the seed also runs
// (db/catalog/search-index.sql.mjs). Use it after editing products in the database by hand, or if
// the index and the products ever disagree. Local only: it always passes --local.
//
//   node scripts/search-reindex.mjs [--persist-to .wrangler/state]
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SEARCH_REBUILD_SQL } from "../db/catalog/search-index.sql.mjs";
import { OFFLINE_ENV } from "./workers.mjs";

const root = path.resolve(import.meta.dirname, "..");
const DATABASE = "shop-catalog";
const CONFIG = "workers/catalog/wrangler.toml";

/** Runs `wrangler d1 execute` on the local catalog database; resolves with its JSON output. */
async function execute(persistTo, args) {
  try {
    const { stdout } = await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "wrangler"),
      ["d1", "execute", DATABASE, "--local", "--persist-to", persistTo, "-c", CONFIG, ...args],
      { cwd: root, env: OFFLINE_ENV, maxBuffer: 64 << 20 },
    );
    return stdout;
  } catch (error) {
    throw new Error(`wrangler d1 execute failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
}

/**
 * Rebuilds the search index in the local state folder `persistTo` and returns how many products
 * it now holds.
 * @param {string} persistTo
 * @returns {Promise<number>}
 */
export async function reindexLocal(persistTo) {
  const dir = mkdtempSync(path.join(tmpdir(), "search-reindex-"));
  const file = path.join(dir, "rebuild.sql");
  writeFileSync(file, SEARCH_REBUILD_SQL);
  try {
    await execute(persistTo, ["--file", file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out = await execute(persistTo, ["--json", "--command", "SELECT COUNT(*) AS n FROM search_documents"]);
  return JSON.parse(out)[0].results[0].n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--persist-to");
  const persistTo = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, ".wrangler", "state");
  const started = Date.now();
  const count = await reindexLocal(persistTo);
  console.log(
    `search index rebuilt: ${count} active products in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
}
