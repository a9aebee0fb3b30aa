#!/usr/bin/env node
// `npm run search:quality`: scores search against the quality set
// (workers/catalog/test/search-quality.json) on a running shop, and prints each query's rank
// with the mean precision@10 and mean reciprocal rank.
//
//   node scripts/search-quality.mjs [--url http://127.0.0.1:8787] [--start] [--assert] [--verbose]
//
//   --url      the shop to query (default http://127.0.0.1:8787, or $SHOP_URL)
//   --start    start a shop (migrate, seed and its search index, wrangler dev) in a separate
//              state folder and port (--port, default 8797), and stop it afterwards; also done
//              when nothing answers at --url
//   --assert   exit 1 when MRR < 0.9
//   --verbose  also list the top 10 of every query that missed
//
// rank: position of the first expected product in the top 10 ("-": none). precision@10: the
// share of the top 10 places that could hold an expected product that do, i.e.
// |expected ∩ top 10| / min(10, |expected|) (a query with one right answer scores 1 when it is
// in the top 10). The strict |expected ∩ top 10| / 10 is printed too.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SET = path.join(root, "workers/catalog/test/search-quality.json");
const TARGET_MRR = 0.9;
const TOP = 10;

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
};

/** Whether anything answers HTTP at `url` (the shop, or a catalog worker on its own). */
async function answers(url) {
  try {
    await fetch(new URL("/api/health", url));
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a shop in its own state folder and port (so a developer's `npm run dev` is untouched):
 * startShop migrates and seeds, and the seed rebuilds the search index.
 */
async function startOwnShop() {
  const { startShop } = await import("./dev.mjs");
  const persistTo = path.join(root, ".wrangler", "search-quality-state");
  const port = Number(option("--port", "8797"));
  console.log(`• starting a shop in ${path.relative(root, persistTo)} on port ${port}`);
  return startShop({ port, persistTo, quiet: true, rebuild: false });
}

/** The top slugs search answers for `q`. */
async function topSlugs(url, q) {
  const res = await fetch(new URL(`/api/search?${new URLSearchParams({ q, limit: String(TOP) })}`, url));
  if (res.status !== 200)
    throw new Error(`GET /api/search?q=${q} answered ${res.status}: ${await res.text()}`);
  const body = await res.json();
  return body.items.map((item) => item.slug);
}

const { queries } = JSON.parse(readFileSync(SET, "utf8"));
let url = option("--url", process.env.SHOP_URL ?? "http://127.0.0.1:8787");
let shop = null;
if (flag("--start") || !(await answers(url))) {
  if (!flag("--start")) console.log(`• nothing answers at ${url}; starting a shop`);
  shop = await startOwnShop();
  url = shop.url;
}

try {
  const rows = [];
  for (const query of queries) {
    const top = await topSlugs(url, query.q);
    const expected = new Set(query.expected);
    const rank = top.findIndex((slug) => expected.has(slug)) + 1;
    const hits = top.filter((slug) => expected.has(slug)).length;
    rows.push({
      ...query,
      top,
      rank,
      rr: rank > 0 ? 1 / rank : 0,
      precision: hits / Math.min(TOP, expected.size),
      strict: hits / TOP,
    });
  }

  const mean = (key, list = rows) => list.reduce((sum, r) => sum + r[key], 0) / list.length;
  console.log(`\n${"kind".padEnd(11)} ${"query".padEnd(46)} rank  P@10  expected`);
  for (const r of rows) {
    const rank = r.rank > 0 ? String(r.rank) : "-";
    console.log(
      `${r.kind.padEnd(11)} ${r.q.slice(0, 46).padEnd(46)} ${rank.padStart(4)}  ${r.precision.toFixed(2)}  ${r.expected.length}`,
    );
    if (flag("--verbose") && (r.rank !== 1 || r.precision < 1))
      console.log(`            top: ${r.top.join(", ")}`);
  }
  console.log("\nby kind:");
  for (const kind of [...new Set(rows.map((r) => r.kind))]) {
    const list = rows.filter((r) => r.kind === kind);
    console.log(
      `  ${kind.padEnd(11)} ${String(list.length).padStart(3)} queries  MRR ${mean("rr", list).toFixed(3)}  P@10 ${mean("precision", list).toFixed(3)}`,
    );
  }
  const mrr = mean("rr");
  console.log(`\n${rows.length} queries against ${url}`);
  console.log(
    `precision@10: ${mean("precision").toFixed(3)} (strict, out of 10 places: ${mean("strict").toFixed(3)})`,
  );
  console.log(`MRR:          ${mrr.toFixed(3)} (target >= ${TARGET_MRR})`);
  if (flag("--assert") && mrr < TARGET_MRR) {
    console.error(`MRR ${mrr.toFixed(3)} is below ${TARGET_MRR}`);
    process.exitCode = 1;
  }
} finally {
  await shop?.stop();
}
