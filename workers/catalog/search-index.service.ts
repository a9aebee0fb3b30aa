import {
  REFRESH_SUGGESTIONS_SQL,
  REFRESH_TERM_VARIANTS_SQL,
  reindexProductsSql,
} from "../../db/catalog/search-index.sql.mjs";
import { log } from "../shared/log";
import { bumpCacheVersion } from "./cache-version";
import { catalogDb } from "./catalog.service";

/**
 * Product ids per reindex transaction. Each statement binds the ids once and D1 allows 100 bound
 * parameters per statement.
 */
export const REINDEX_CHUNK_SIZE = 90;

/** `?1, ?2, ... ?n`: numbered parameters, so every statement of a chunk binds the same values. */
function numberedParams(count: number): string {
  return Array.from({ length: count }, (_, i) => `?${i + 1}`).join(", ");
}

/**
 * Makes the search index agree with the base tables for `productIds` (see `reindexProductsSql`),
 * one D1 transaction per chunk. Returns the ids whose chunk failed (empty when all succeeded), so
 * the caller retries only the messages that carried them.
 */
export async function reindexProducts(d1: D1Database, productIds: readonly string[]): Promise<Set<string>> {
  const failed = new Set<string>();
  for (let start = 0; start < productIds.length; start += REINDEX_CHUNK_SIZE) {
    const chunk = productIds.slice(start, start + REINDEX_CHUNK_SIZE);
    const statements = reindexProductsSql(numberedParams(chunk.length)).map((sql) =>
      d1.prepare(sql).bind(...chunk),
    );
    try {
      await d1.batch(statements);
    } catch (error) {
      for (const id of chunk) failed.add(id);
      // The caller logs which messages it retries; the cause is only visible here.
      log("error", "search reindex failed", { products: chunk.length, error: String(error) });
    }
  }
  return failed;
}

/**
 * After documents changed: typo-tolerance rows for new terms, brand and category suggestions,
 * and a cache-version bump. The bump matters because the index changes after the product write
 * that already bumped the version: without it, search results cached at the edge between the
 * write and this update would be served stale until the next write.
 */
export async function refreshSearchExtras(d1: D1Database): Promise<void> {
  await d1.batch([REFRESH_TERM_VARIANTS_SQL, ...REFRESH_SUGGESTIONS_SQL].map((sql) => d1.prepare(sql)));
  await bumpCacheVersion(catalogDb(d1));
}
