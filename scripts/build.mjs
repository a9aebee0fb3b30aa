#!/usr/bin/env node
// Builds everything that is deployed: the Remix storefront (`remix vite:build` -> build/), then
// every worker of scripts/workers.mjs bundled the way `wrangler deploy` would upload it
// (`wrangler deploy --dry-run --outdir .build/workers/<name>`), and prints each bundle's size.
// Fails (exit 1) when a build fails or a worker passes the size budget.
//
//   node scripts/build.mjs                    storefront + every worker
//   node scripts/build.mjs --skip-storefront  reuse build/ when build/server already exists
//
// The pre-bundled workers are also what the edge test project loads as auxiliary workers.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { OFFLINE_ENV, WORKERS } from "./workers.mjs";

/** Per-worker budget, gzipped: far under the Workers script-size limit, so growth is noticed early. */
const GZIP_BUDGET_BYTES = 1024 * 1024;
/** wrangler is mostly start-up time: a few at once keeps two cores busy without thrashing. */
const CONCURRENCY = 3;
const BUNDLED_EXTENSIONS = new Set([".js", ".mjs", ".wasm"]);

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const outdirOf = (worker) => path.join(root, ".build", "workers", worker.name);

const OPTIONS = ["--skip-storefront", "--for-tests"];
const args = process.argv.slice(2);
const unknown = args.filter((a) => !OPTIONS.includes(a));
if (unknown.length > 0) {
  console.error(
    `unknown option(s): ${unknown.join(" ")}\nusage: node scripts/build.mjs [${OPTIONS.join("] [")}]`,
  );
  process.exit(2);
}
// --for-tests: what the test suite needs. The edge project runs the edge worker from source, so
// the storefront (always rebuilt: browser tests must never see a stale build) and the other
// workers' bundles (its auxiliaries).
const forTests = args.includes("--for-tests");
const skipStorefront = args.includes("--skip-storefront");
const workersToBundle = forTests ? WORKERS.filter((w) => w.name !== "edge") : WORKERS;

/**
 * Runs a command in the repo root and resolves with its exit code and interleaved output (kept
 * back, not streamed, so concurrent builds do not mix their lines).
 */
function run(command, commandArgs) {
  return new Promise((resolve) => {
    // Colors only when the output they end up in is a terminal (not in CI logs).
    const env = { ...OFFLINE_ENV, FORCE_COLOR: process.stderr.isTTY ? "1" : "0" };
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    child.on("error", (error) => resolve({ code: -1, output: `${Buffer.concat(chunks)}${error.message}\n` }));
    child.on("close", (code, signal) =>
      resolve({
        code: code ?? -1,
        output: `${Buffer.concat(chunks)}${signal ? `killed by ${signal}\n` : ""}`,
      }),
    );
  });
}

const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)}s`;

/** @typedef {{ name: string, ok: boolean, output?: string, reason?: string, files?: number, raw?: number, gzip?: number }} Result */

/** Builds the storefront, or reuses build/ when asked to and it exists. */
async function buildStorefront() {
  if (skipStorefront && existsSync(path.join(root, "build", "server"))) {
    console.log("storefront: skipped (--skip-storefront, build/server exists)");
    return { name: "storefront", ok: true };
  }
  if (skipStorefront)
    console.log("storefront: build/server is missing, building it despite --skip-storefront");
  const start = performance.now();
  const { code, output } = await run(bin("remix"), ["vite:build"]);
  const ok = code === 0 && existsSync(path.join(root, "build", "server", "index.js"));
  console.log(`storefront: ${ok ? "built" : "FAILED"} (remix vite:build, ${seconds(start)})`);
  return { name: "storefront", ok, output };
}

/** Every .js/.mjs/.wasm file under `dir`, recursively. */
function bundledFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return bundledFiles(full);
    return BUNDLED_EXTENSIONS.has(path.extname(entry.name)) ? [full] : [];
  });
}

/** Raw and gzipped size of a bundle (each module gzipped on its own, as uploaded). */
function measure(dir) {
  let raw = 0;
  let gzip = 0;
  const files = bundledFiles(dir);
  for (const file of files) {
    const content = readFileSync(file);
    raw += statSync(file).size;
    gzip += gzipSync(content).length;
  }
  return { files: files.length, raw, gzip };
}

/** Bundles one worker with wrangler into .build/workers/<name>. */
async function bundleWorker(worker, storefront) {
  if (worker.name === "edge") {
    const built = await storefront;
    if (!built.ok)
      return { name: worker.name, ok: false, reason: "not bundled: the storefront build failed" };
  }
  const outdir = outdirOf(worker);
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const start = performance.now();
  const { code, output } = await run(bin("wrangler"), [
    "deploy",
    "--dry-run",
    "--outdir",
    outdir, // absolute: wrangler resolves a relative --outdir against the config's folder
    "--config",
    worker.config,
  ]);
  const files = code === 0 ? bundledFiles(outdir) : [];
  if (code !== 0 || files.length === 0) {
    console.log(`${worker.name}: FAILED (wrangler exit ${code}, ${seconds(start)})`);
    return {
      name: worker.name,
      ok: false,
      output,
      reason: code === 0 ? "wrangler wrote no .js/.mjs/.wasm" : `wrangler exit ${code}`,
    };
  }
  console.log(`${worker.name}: bundled (${seconds(start)})`);
  return { name: worker.name, ok: true, ...measure(outdir) };
}

/** Runs `jobs` (functions returning promises) with at most `limit` in flight; results in order. */
async function pool(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  });
  await Promise.all(lanes);
  return results;
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function printTable(results) {
  const rows = results.map((r) => {
    const worker = WORKERS.find((w) => w.name === r.name);
    const name = worker?.devOnly ? `${r.name} (dev only)` : r.name;
    if (!r.ok) return [name, "-", "-", "-", "FAILED"];
    const over = r.gzip > GZIP_BUDGET_BYTES;
    const share = `${((r.gzip / GZIP_BUDGET_BYTES) * 100).toFixed(0)}%`;
    return [name, kib(r.raw), kib(r.gzip), share, over ? "OVER BUDGET" : "ok"];
  });
  const header = ["worker", "raw", "gzip", "of budget", "status"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) =>
        i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join("  ");
  console.log(
    `\nWorker bundles (.build/workers/<name>; budget ${kib(GZIP_BUDGET_BYTES)} gzipped per worker)`,
  );
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row).trimEnd());
}

function printFailure(result) {
  const bar = "=".repeat(72);
  console.error(`\n${bar}\n${result.name} FAILED${result.reason ? `: ${result.reason}` : ""}\n${bar}`);
  if (result.output) console.error(result.output.trimEnd());
}

const started = performance.now();
// The storefront goes first in the pool; the edge bundle (it imports build/server) awaits it.
let storefrontDone;
const storefrontBuilt = new Promise((resolve) => {
  storefrontDone = resolve;
});
const jobs = [
  async () => {
    const result = await buildStorefront();
    storefrontDone(result);
    return result;
  },
  ...workersToBundle.map((worker) => () => bundleWorker(worker, storefrontBuilt)),
];
const [storefront, ...workers] = await pool(jobs, CONCURRENCY);

printTable(workers);
const failures = [storefront, ...workers].filter((r) => !r.ok);
for (const failure of failures) printFailure(failure);
const overBudget = workers.filter((r) => r.ok && r.gzip > GZIP_BUDGET_BYTES);
for (const r of overBudget) {
  console.error(`\n${r.name} is ${kib(r.gzip)} gzipped, over the ${kib(GZIP_BUDGET_BYTES)} budget`);
}

const problems = failures.length + overBudget.length;
// On stderr when failing, after the failure details on stderr, so the two never cross.
(problems === 0 ? console.log : console.error)(
  problems === 0
    ? `\nbuild ok: storefront and ${workers.length} workers in ${seconds(started)}`
    : `\nbuild FAILED: ${[
        failures.length > 0 ? `failed: ${failures.map((f) => f.name).join(", ")}` : "",
        overBudget.length > 0 ? `over budget: ${overBudget.map((r) => r.name).join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ")} (${seconds(started)})`,
);
process.exit(problems === 0 ? 0 : 1);
