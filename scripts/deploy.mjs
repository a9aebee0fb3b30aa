#!/usr/bin/env node
// `npm run deploy`: puts every worker on Cloudflare in dependency order (a worker is deployed
// after every worker it binds to), then the edge worker with the storefront. Not run in CI.
// First time: see README "Deploying to Cloudflare" (create the D1 databases, queues and bucket,
// put their ids in the wrangler configs, set the secrets, apply migrations with --remote).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DATABASES, WORKERS } from "./workers.mjs";

const root = path.resolve(import.meta.dirname, "..");
const wrangler = path.join(root, "node_modules", ".bin", "wrangler");
const dryRun = process.argv.includes("--dry-run");

function step(args) {
  console.log(`\n$ wrangler ${args.join(" ")}`);
  if (dryRun) return;
  const result = spawnSync(wrangler, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\ndeploy stopped: wrangler ${args[0]} failed for ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs")], {
  cwd: root,
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

for (const db of DATABASES) step(["d1", "migrations", "apply", db.name, "--remote", "-c", db.config]);
for (const worker of WORKERS) {
  if (worker.devOnly) continue;
  // A config with a production environment (payments: no emulator binding) deploys that env.
  const hasProduction = readFileSync(path.join(root, worker.config), "utf8").includes("[env.production]");
  step(["deploy", "-c", worker.config, ...(hasProduction ? ["--env", "production"] : [])]);
}
console.log(dryRun ? "\n(dry run: nothing was deployed)" : "\nEvery worker is deployed.");
