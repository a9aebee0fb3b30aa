import { sql } from "drizzle-orm";
import type { CatalogDb } from "./catalog.service";

/**
 * The catalog's cache version. Every write to products, variants, images or categories bumps it
 * in the same batch as the write; the edge cache puts it in its keys, so a write makes every
 * later anonymous read miss the old entries (no purge by URL needed).
 */
export const CACHE_VERSION_KEY = "cache_version";

/** The statement that bumps the version; put it in the same `db.batch` as the write. */
export function bumpCacheVersion(db: CatalogDb) {
  return db.run(
    sql`INSERT INTO catalog_meta (key, value) VALUES (${CACHE_VERSION_KEY}, 1)
        ON CONFLICT (key) DO UPDATE SET value = value + 1`,
  );
}

/** The current version (0 before the first write). */
export async function readCacheVersion(db: CatalogDb): Promise<number> {
  const row = await db.get<{ value: number } | undefined>(
    sql`SELECT value FROM catalog_meta WHERE key = ${CACHE_VERSION_KEY}`,
  );
  return row?.value ?? 0;
}
