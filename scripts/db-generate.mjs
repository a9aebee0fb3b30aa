#!/usr/bin/env node
// `npm run db:generate [-- <domain> [--name <migration-name>]]`: after changing a schema in
// db/<domain>/schema.ts, writes the next flat migration (db/<domain>/migrations/NNNN_name.sql)
// with drizzle-kit. Without a domain, every domain is checked.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { DATABASES } from "./workers.mjs";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const nameAt = args.indexOf("--name");
const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
const requested = args.filter((a, i) => !a.startsWith("--") && i !== nameAt + 1);
const domains = requested.length > 0 ? requested : DATABASES.map((db) => db.name.replace(/^shop-/, ""));
for (const domain of domains) {
  console.log(`— ${domain}`);
  execFileSync(
    path.join(root, "node_modules", ".bin", "drizzle-kit"),
    ["generate", ...(name ? ["--name", name] : [])],
    {
      cwd: root,
      env: { ...process.env, DOMAIN: domain },
      stdio: "inherit",
    },
  );
}
