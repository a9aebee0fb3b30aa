import { env, exports } from "cloudflare:workers";
import { categories } from "../../../db/catalog/schema";
import type { CategoryRow } from "../catalog.schemas";
import { catalogDb } from "../catalog.service";
import type { CatalogService } from "../index";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; CatalogService: Service<CatalogService> };

/** The catalog's bindings with a database whose batches fail (D1 down); statements still prepare. */
export function withFailingDatabase(): Env {
  return {
    ...testEnv,
    CATALOG_DB: {
      prepare: testEnv.CATALOG_DB.prepare.bind(testEnv.CATALOG_DB),
      batch: () => Promise.reject(new Error("D1 is down")),
    } as unknown as D1Database,
  };
}

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://catalog.internal${path}`, init);
}

/**
 * A three-level category tree whose slugs and ids start with `prefix`, inserted in an order
 * that differs from the expected sibling order (position, then name):
 * books(0); clothing(1) > [women(0) > [coats, dresses], men(1) > [shirts]].
 */
export function categoryTreeRows(prefix: string): CategoryRow[] {
  const row = (key: string, name: string, parent: string | null, position: number): CategoryRow => ({
    id: `${prefix}-${key}`,
    slug: `${prefix}-${key}`,
    name,
    parentId: parent === null ? null : `${prefix}-${parent}`,
    position,
  });
  return [
    row("clothing", "Clothing", null, 1),
    row("books", "Books", null, 0),
    row("men", "Men", "clothing", 1),
    row("women", "Women", "clothing", 0),
    row("shirts", "Shirts", "men", 0),
    row("dresses", "Dresses", "women", 0),
    row("coats", "Coats", "women", 0),
  ];
}

/**
 * Inserts `categoryTreeRows(prefix)` into the catalog database. One statement: SQLite checks the
 * parent foreign keys at its end, so children may come before their parents.
 */
export async function seedCategoryTree(prefix: string): Promise<void> {
  const createdAt = Date.now();
  await catalogDb(testEnv.CATALOG_DB)
    .insert(categories)
    .values(categoryTreeRows(prefix).map((row) => ({ ...row, createdAt })));
}
