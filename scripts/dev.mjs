#!/usr/bin/env node
// `npm run dev`: the whole shop from one local process, offline. Creates dev keys, builds the
// storefront, applies every D1 migration and the seed to one local state folder, then runs
// `wrangler dev` with every worker's config (the edge worker first: it owns the port).
//
// Also importable: `startShop({ port, persistTo })` starts the same thing for browser tests and
// benchmarks and resolves when the shop answers.
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { ensureDevVars } from "./dev-vars.mjs";
import { seed } from "./seed.mjs";
import { seedStock } from "./seed-stock.mjs";
import { DATABASES, OFFLINE_ENV, WORKERS } from "./workers.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const DEFAULT_STATE = path.join(root, ".wrangler", "state");

/** Runs a command to completion, failing with its output. */
export async function run(command, args, options = {}) {
  try {
    return await promisify(execFile)(command, args, {
      cwd: root,
      env: OFFLINE_ENV,
      maxBuffer: 64 << 20,
      ...options,
    });
  } catch (error) {
    throw new Error(
      `${path.basename(command)} ${args.join(" ")} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`,
    );
  }
}

/** Applies every database's pending migrations to the local state folder (in parallel). */
export async function migrate(persistTo) {
  await Promise.all(
    DATABASES.map((db) =>
      run(bin("wrangler"), [
        "d1",
        "migrations",
        "apply",
        db.name,
        "--local",
        "--persist-to",
        persistTo,
        "-c",
        db.config,
      ]),
    ),
  );
}

/** Builds the storefront unless a build exists and `force` is false. */
export async function buildStorefront(force = true) {
  if (!force && existsSync(path.join(root, "build", "server", "index.js"))) return;
  await run(bin("remix"), ["vite:build"]);
}

async function waitUntilUp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      const res = await fetch(new URL("/api/health", url));
      if (res.status === 200 || res.status === 503) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the shop did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/**
 * Prepares and starts the shop. Resolves with its URL once it answers, and a `stop()`.
 * `stock: false` skips stocking the demo SKUs (their StockDOs then read 0 on hand until stocked).
 * `vars` override wrangler.toml [vars] (`--var NAME:value`); `logLevel` is wrangler's own.
 * @param {{ port?: number, persistTo?: string, quiet?: boolean, rebuild?: boolean, stock?: boolean,
 *   vars?: Record<string, string>, logLevel?: string }} options
 */
export async function startShop({
  port = 8787,
  persistTo = DEFAULT_STATE,
  quiet = false,
  rebuild = true,
  stock: stockSkus = true,
  vars = {},
  logLevel,
} = {}) {
  const say = quiet ? () => {} : (msg) => console.log(msg);
  const started = performance.now();
  const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  if (await ensureDevVars()) say("• created development keys in .dev.vars (kept out of git)");
  say("• building the storefront");
  await buildStorefront(rebuild);
  say("• applying D1 migrations");
  await migrate(persistTo);
  say("• seeding demo data");
  const seedStarted = performance.now();
  const seeded = await seed(persistTo);
  say(`  seeded the databases in ${seconds(seedStarted)}`);
  const configs = WORKERS.filter((w) => w.name === "edge")
    .concat(WORKERS.filter((w) => w.name !== "edge"))
    .flatMap((w) => ["-c", w.config]);
  const args = ["dev", ...configs, "--persist-to", persistTo, "--port", String(port), "--ip", "127.0.0.1"];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  if (logLevel) args.push("--log-level", logLevel);
  const child = spawn(bin("wrangler"), [...args, "--show-interactive-dev-session=false"], {
    cwd: root,
    env: OFFLINE_ENV,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    detached: process.platform !== "win32",
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  child.stderr?.on("data", (d) => {
    output = (output + d).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid, "SIGTERM"); // the whole group: wrangler and its workerd
      } catch {
        child.kill("SIGTERM");
      }
    });
  let stock;
  try {
    await waitUntilUp(url, child);
    // StockDOs live in the running process, so initial stock goes in once it answers. Only SKUs
    // never stocked are touched, and a completed pass is remembered in the state folder.
    if (stockSkus) {
      say("• stocking the demo SKUs (initial stock of never-stocked SKUs only)");
      stock = await seedStock(url, { persistTo });
      say(
        stock.cached
          ? `  all ${stock.skus} SKUs were stocked on an earlier start`
          : `  ${stock.seeded} stocked, ${stock.skipped} already stocked, of ${stock.skus} SKUs in ${stock.ms} ms`,
      );
    }
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${output}`);
  }
  say(`• the shop was ready ${seconds(started)} after start`);
  return { url, stop, seeded, stock, output: () => output };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787);
  const shop = await startShop({ port, rebuild: !process.argv.includes("--no-build") });
  console.log(`
  Edge Commerce is running at ${shop.url}
    storefront      ${shop.url}/
    API health      ${shop.url}/api/health
    email outbox    ${shop.url}/dev/outbox

  Demo accounts (local only):
${shop.seeded.users.map((u) => `    ${u.role.padEnd(9)} ${u.email.padEnd(24)} ${u.password}`).join("\n")}

  Ctrl+C stops the shop; \`npm run reset\` wipes local data.
`);
  const shutdown = async () => {
    await shop.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
