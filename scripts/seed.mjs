// Seeds the local databases with demo data, idempotently (INSERT OR IGNORE on stable ids and
// unique keys): running it again adds nothing twice. Local development only: it always passes
// --local, and the demo passwords below are documented, not secrets.
import { execFile } from "node:child_process";
import { pbkdf2Sync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SEARCH_REBUILD_SQL } from "../db/catalog/search-index.sql.mjs";
import { catalogSeedSql, DEMO_SELLER_ID } from "./seed-catalog.mjs";
import { catalogRatingsSql, DEMO_REVIEWERS, reviewsSeedSql } from "./seed-reviews.mjs";
import { quote } from "./sql.mjs";
import { OFFLINE_ENV } from "./workers.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Demo accounts, one per role. */
export const DEMO_USERS = [
  {
    id: "00000000-0000-4000-a000-000000000001",
    role: "admin",
    name: "Ada Admin",
    email: "admin@shop.test",
    password: "admin-demo-2026",
  },
  {
    id: DEMO_SELLER_ID, // owns every seeded product
    role: "seller",
    name: "Sam Seller",
    email: "seller@shop.test",
    password: "seller-demo-2026",
  },
  {
    id: "00000000-0000-4000-a000-000000000003",
    role: "customer",
    name: "Cora Customer",
    email: "customer@shop.test",
    password: "customer-demo-2026",
  },
];

/** The same format as workers/identity/password.ts (PBKDF2-SHA256, 100k iterations). */
function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password.normalize("NFKC"), salt, 100_000, 32, "sha256");
  return `pbkdf2-sha256$100000$${salt.toString("base64url")}$${hash.toString("base64url")}`;
}

/** The demo accounts above and the demo customers who wrote the seeded reviews. */
function identitySeedSql() {
  const now = Date.UTC(2026, 0, 1);
  return [...DEMO_USERS, ...DEMO_REVIEWERS]
    .map(
      (u) =>
        `INSERT OR IGNORE INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (${[
          u.id,
          u.email,
          u.name,
          hashPassword(u.password),
          u.role,
          now,
          now,
        ]
          .map(quote)
          .join(", ")});`,
    )
    .join("\n");
}

async function execute(database, config, sql, persistTo) {
  const dir = mkdtempSync(path.join(tmpdir(), "seed-"));
  const file = path.join(dir, `${database}.sql`);
  writeFileSync(file, sql);
  try {
    await promisify(execFile)(
      path.join(root, "node_modules", ".bin", "wrangler"),
      ["d1", "execute", database, "--local", "--persist-to", persistTo, "-c", config, "--file", file],
      { cwd: root, env: OFFLINE_ENV, maxBuffer: 64 << 20 },
    );
  } catch (error) {
    throw new Error(`seeding ${database} failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The catalog seed, the rating projection of the seeded reviews (after the products exist: the
 * seed inserts them with no rating), then a rebuild of the search index from the base tables, in
 * one file (one wrangler start instead of three). The rebuild is deterministic, so on a second
 * run, when the seed inserts nothing, it rebuilds the same index.
 */
function catalogAndSearchSql() {
  return `${catalogSeedSql()}\n${catalogRatingsSql()}\n${SEARCH_REBUILD_SQL}`;
}

/** Seeds every database in `persistTo`; returns what a developer needs to know (demo logins). */
export async function seed(persistTo) {
  await Promise.all([
    execute("shop-identity", "workers/identity/wrangler.toml", identitySeedSql(), persistTo),
    execute("shop-catalog", "workers/catalog/wrangler.toml", catalogAndSearchSql(), persistTo),
    execute("shop-reviews", "workers/reviews/wrangler.toml", reviewsSeedSql(), persistTo),
  ]);
  return { users: DEMO_USERS.map(({ role, email, password }) => ({ role, email, password })) };
}
