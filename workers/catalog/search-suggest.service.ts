import { sql } from "drizzle-orm";
import type { CatalogDb } from "./catalog.service";
import { readBatch } from "./catalog-batch";
import type { Suggestion } from "./search.schemas";
import { SEARCH_FROM } from "./search.service";
import { normalizeText, queryWords } from "./search-query";

/** Suggestions answered at most (API.md). */
export const MAX_SUGGESTIONS = 10;
/** Places kept for products when brands and categories match too: products are what most pick. */
const MIN_PRODUCT_SLOTS = 5;
/** Rows read per kind; more than shown, so duplicates and reordering still leave enough. */
const CANDIDATES = 20;

/** Every word as a prefix: "wireless he" -> `"wireless"* AND "he"*`. */
function prefixMatch(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(" AND ");
}

interface EntityRow {
  kind: "brand" | "category";
  text: string;
  slug: string;
}

interface ProductRow {
  text: string;
  slug: string;
}

/**
 * As-you-type suggestions for what has been typed so far: brands and categories whose name has
 * words starting with the typed words (brands first; within a kind, names that start with the
 * typed text first), then products. Products match on name or brand but are ranked by the name
 * alone (bm25: a short name with the word first, then the most reviewed): a brand has its own
 * suggestion, and scoring brand hits too would fill the list with that brand's products.
 *
 * Cheap enough for every keystroke: both lookups are FTS5 prefix queries served by the indexes'
 * 1-3 character prefix indexes (no table scan), sent in one D1 round trip.
 */
export async function suggest({ db }: { db: CatalogDb }, q: string): Promise<Suggestion[]> {
  const words = queryWords(q, true);
  if (words.length === 0) return [];
  const match = prefixMatch(words);
  const [entityRows, productRows] = await readBatch<[EntityRow, ProductRow]>(db, [
    sql`SELECT kind, text, slug FROM search_suggest
      WHERE search_suggest MATCH ${match}
      ORDER BY bm25(search_suggest) LIMIT ${CANDIDATES}`,
    sql`SELECT p.name AS text, p.slug AS slug
      FROM ${SEARCH_FROM}
      WHERE product_search MATCH ${`{name brand} : (${match})`} AND p.status = 'active'
      ORDER BY bm25(product_search, 10.0, 0.0, 0.0, 0.0), p.rating_count DESC, p.id
      LIMIT ${CANDIDATES}`,
  ]);

  const typed = normalizeText(q.trim());
  const rank = (r: EntityRow) =>
    (r.kind === "brand" ? 0 : 2) + (normalizeText(r.text).startsWith(typed) ? 0 : 1);
  // Array sort is stable: equal ranks keep bm25's order.
  const entities = [...entityRows]
    .sort((a, b) => rank(a) - rank(b))
    .map((r): Suggestion => ({ type: r.kind, text: r.text, slug: r.slug }));
  // Products sharing a name (colour or size editions) would fill the list with one suggestion.
  const byName = new Map<string, Suggestion>();
  for (const r of productRows) {
    const key = r.text.toLowerCase();
    if (!byName.has(key)) byName.set(key, { type: "product", text: r.text, slug: r.slug });
  }
  const products = [...byName.values()];

  const entitySlots = MAX_SUGGESTIONS - Math.min(products.length, MIN_PRODUCT_SLOTS);
  return [...entities.slice(0, entitySlots), ...products].slice(0, MAX_SUGGESTIONS);
}
