#!/usr/bin/env node
// `npm run reset`: wipes local state (every D1 database, Durable Object, queue and R2 bucket
// that `npm run dev` keeps in .wrangler/). The next `npm run dev` migrates and seeds afresh.
// `--keys` also deletes the development keys in .dev.vars (every session then ends).
import { rmSync } from "node:fs";
import path from "node:path";
import { DEV_VARS } from "./dev-vars.mjs";

const root = path.resolve(import.meta.dirname, "..");
rmSync(path.join(root, ".wrangler"), { recursive: true, force: true });
console.log("removed local state (.wrangler/)");
if (process.argv.includes("--keys")) {
  for (const file of Object.values(DEV_VARS)) rmSync(file, { force: true });
  console.log("removed development keys (.dev.vars)");
}
