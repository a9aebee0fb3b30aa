import { type SQL, sql } from "drizzle-orm";
import type { CatalogDb } from "./catalog.service";
import { readBatch } from "./catalog-batch";
import { type ProductListRow, productListItemColumns, toProductListItem } from "./product-list-item";
import { type ProductQuery, productFilterSql, productOrderSql } from "./product-query";
import type { SearchItem, SearchResult } from "./search.schemas";
import { emptyFacets, type FacetRow, facetsSql, toFacets } from "./search-facets";
import { MARK_CLOSE, MARK_OPEN, markedHtml } from "./search-highlight";
import { MAX_QUERY_WORDS, matchExpression, queryWords, tokenize } from "./search-query";
import { withTypoCorrections } from "./search-typos";

/**
 * bm25 weights of the index's columns, in column order. A hit in the name counts ten times one in
 * the description: a product called "Espresso machine" must outrank a grinder whose description
 * mentions espresso.
 */
export const SEARCH_FIELD_WEIGHTS = { name: 10, brand: 5, category: 3, description: 1 } as const;

/** Tokens of description shown around the matches in `highlight.description`. */
const SNIPPET_TOKENS = 24;

/**
 * The index joined to its products (aliased `p`, as the list-item columns and filters expect).
 * CROSS JOIN fixes the join order (SQLite never reorders it): with a plain JOIN the planner
 * starts from `products` by its status index and runs the MATCH once per product, which
 * measured 10x slower on the 2,000-product demo catalog than reading the matches once.
 */
export const SEARCH_FROM = sql`product_search
  CROSS JOIN search_documents d ON d.doc_id = product_search.rowid
  CROSS JOIN products p ON p.id = d.product_id`;

/** bm25 with the field weights; lower is better (FTS5 scores are negative). */
const RELEVANCE = sql.raw(
  `bm25(product_search, ${Object.values(SEARCH_FIELD_WEIGHTS)
    .map((w) => w.toFixed(1))
    .join(", ")})`,
);

interface SearchRow extends ProductListRow {
  highlight_name: string;
  highlight_description: string;
}

/** Dependencies of search: the catalog database. */
export interface SearchDeps {
  db: CatalogDb;
}

function orderSql(sort: ProductQuery["sort"]): SQL {
  if (sort === undefined || sort === "relevance") {
    // Ties (same words, same fields) go to the better-reviewed product, then a stable order.
    return sql`${RELEVANCE} ASC, p.rating_count DESC, p.id ASC`;
  }
  return productOrderSql(sort);
}

function toSearchItem(row: SearchRow): SearchItem {
  return {
    ...toProductListItem(row),
    highlight: {
      name: markedHtml(row.highlight_name),
      description: markedHtml(row.highlight_description),
    },
  };
}

/**
 * Full-text search over active products: `query.q` plus every listing filter and sort (relevance
 * by default), one page of list items with highlights, the total and facets (see SearchFacets).
 * Every word of `q` must match, the last one as a prefix; words with a typo are corrected
 * against the index's vocabulary. A `q` without searchable words gives an empty result.
 * Two D1 round trips: the typo lookup (skipped for short words), then page and facets together.
 */
export async function searchProducts({ db }: SearchDeps, query: ProductQuery): Promise<SearchResult> {
  const { q = "", page, limit, sort, ...filters } = query;
  const words = queryWords(q);
  if (words.length === 0) return { items: [], total: 0, page, limit, facets: emptyFacets() };

  // The phrase must hold every word of the AND, or ORing it in would widen the match: cutting it
  // short could drop some, so an overlong query gets no phrase.
  const tokens = tokenize(q);
  const phrase = tokens.length <= 2 * MAX_QUERY_WORDS ? tokens : [];
  const match = matchExpression(await withTypoCorrections(db, words), phrase);
  const where = sql`product_search MATCH ${match}`;
  const [rows, facetRows] = await readBatch<[SearchRow, FacetRow]>(db, [
    sql`SELECT ${productListItemColumns},
        highlight(product_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS highlight_name,
        snippet(product_search, 3, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_TOKENS}) AS highlight_description
      FROM ${SEARCH_FROM}
      WHERE ${where} AND ${productFilterSql(filters)}
      ORDER BY ${orderSql(sort)}
      LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
    facetsSql(SEARCH_FROM, where, filters),
  ]);
  const { total, facets } = toFacets(facetRows);
  return { items: rows.map(toSearchItem), total, page, limit, facets };
}
