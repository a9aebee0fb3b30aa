import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Every project passes `TEST_MIGRATIONS_<BINDING>` for each D1 database it can reach; storage is
// isolated per test file, so this runs (idempotently) before each file.
const bindings = env as unknown as Record<string, unknown>;
for (const [key, migrations] of Object.entries(bindings)) {
  if (!key.startsWith("TEST_MIGRATIONS_")) continue;
  const database = bindings[key.slice("TEST_MIGRATIONS_".length)] as D1Database;
  await applyD1Migrations(database, migrations as D1Migration[]);
}
