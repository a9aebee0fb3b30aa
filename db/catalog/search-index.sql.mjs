// The SQL that builds the product search index (migration 0001_search) from the catalog's base
// tables. One source for every writer of the index: the search-index queue consumer
// (workers/catalog/search-index.service.ts), the seed, and `npm run search:reindex`. Plain ESM
// with a .d.mts beside it, so Node scripts import it without a build and the worker bundles it.

/** Terms this long or longer get typo-tolerance rows (shorter words are matched exactly). */
export const TYPO_MIN_TERM_LENGTH = 5;
/** Longer terms (SKUs, codes, run-on text) are not worth typo rows. */
export const TYPO_MAX_TERM_LENGTH = 32;

/**
 * A recursive CTE `category_paths(id, path)`: each category's name followed by its ancestors'
 * names ("Headphones Audio Electronics"), so a query for a parent category finds its products.
 * The depth bound stops a corrupt parent cycle from recursing forever.
 */
const CATEGORY_PATHS_CTE = `category_paths(id, path, depth) AS (
    SELECT id, name, 0 FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.name || ' ' || cp.path, cp.depth + 1
    FROM categories c JOIN category_paths cp ON c.parent_id = cp.id
    WHERE cp.depth < 16
  )`;

/**
 * Inserts the search document of every active product that has a `search_documents` row and
 * matches `productFilter` (an SQL condition on `products p`).
 * @param {string} productFilter
 */
function insertDocumentsSql(productFilter) {
  return `INSERT INTO product_search (rowid, name, brand, category, description)
  WITH RECURSIVE ${CATEGORY_PATHS_CTE}
  SELECT d.doc_id, p.name, COALESCE(b.name, ''), COALESCE(cp.path, ''), p.description
  FROM products p
  JOIN search_documents d ON d.product_id = p.id
  LEFT JOIN brands b ON b.id = p.brand_id
  LEFT JOIN category_paths cp ON cp.id = p.category_id
  WHERE p.status = 'active' AND (${productFilter})`;
}

/**
 * Statements that make the index agree with the base tables for the products whose ids the SQL
 * list `ids` names (e.g. `?1, ?2`; every statement binds the same values). A product that is
 * active gets its current document (old one replaced); any other product, including one that no
 * longer exists, leaves the index. Run them in one transaction (a D1 batch); running them again
 * changes nothing, which makes replayed queue messages harmless.
 * @param {string} ids
 * @returns {string[]}
 */
export function reindexProductsSql(ids) {
  return [
    `DELETE FROM product_search WHERE rowid IN (SELECT doc_id FROM search_documents WHERE product_id IN (${ids}))`,
    `DELETE FROM search_documents WHERE product_id IN (${ids})
       AND product_id NOT IN (SELECT id FROM products WHERE id IN (${ids}) AND status = 'active')`,
    `INSERT OR IGNORE INTO search_documents (product_id)
       SELECT id FROM products WHERE id IN (${ids}) AND status = 'active'`,
    insertDocumentsSql(`p.id IN (${ids})`),
  ];
}

/**
 * Adds typo-tolerance rows for indexed terms that have none yet: each term under itself and under
 * every one-character deletion of it (see the migration). Reads the whole vocabulary, so it runs
 * once per consumer batch, not per product.
 */
export const REFRESH_TERM_VARIANTS_SQL = `INSERT OR IGNORE INTO search_term_variants (variant, term)
  WITH RECURSIVE fresh(term) AS (
    SELECT v.term FROM product_search_vocab v
    WHERE length(v.term) BETWEEN ${TYPO_MIN_TERM_LENGTH} AND ${TYPO_MAX_TERM_LENGTH}
      AND NOT EXISTS (SELECT 1 FROM search_term_variants t WHERE t.variant = v.term AND t.term = v.term)
  ),
  cut(term, i) AS (
    SELECT term, 0 FROM fresh
    UNION ALL
    SELECT term, i + 1 FROM cut WHERE i < length(term)
  )
  SELECT CASE WHEN i = 0 THEN term ELSE substr(term, 1, i - 1) || substr(term, i + 1) END AS variant, term FROM cut`;

/**
 * Replaces the brand and category suggestions with the current brands and categories. Both
 * tables are small (tens of rows), so a full refresh per consumer batch is cheaper than tracking
 * which names changed.
 */
export const REFRESH_SUGGESTIONS_SQL = [
  "DELETE FROM search_suggest",
  "INSERT INTO search_suggest (text, kind, slug) SELECT name, 'brand', slug FROM brands",
  "INSERT INTO search_suggest (text, kind, slug) SELECT name, 'category', slug FROM categories",
];

/**
 * Rebuilds the whole search index from the base tables: every active product's document, the
 * typo-tolerance rows (dropping those of terms no longer indexed) and the suggestions, then
 * merges the FTS segments. For `wrangler d1 execute --file` and for the seed, after seeding.
 */
export const SEARCH_REBUILD_SQL = `${[
  "DELETE FROM product_search",
  "DELETE FROM search_documents",
  "INSERT INTO search_documents (product_id) SELECT id FROM products WHERE status = 'active' ORDER BY id",
  insertDocumentsSql("1 = 1"),
  "DELETE FROM search_term_variants",
  REFRESH_TERM_VARIANTS_SQL,
  ...REFRESH_SUGGESTIONS_SQL,
  "INSERT INTO product_search (product_search) VALUES ('optimize')",
  "INSERT INTO search_suggest (search_suggest) VALUES ('optimize')",
].join(";\n")};\n`;
