import { type SQL, sql } from "drizzle-orm";
import { type ProductQuery, productFilterSql } from "./product-query";
import type { FacetValue, PriceFacetValue, SearchFacets } from "./search.schemas";

/** Price ranges, in minor units: [min inclusive, max exclusive or null for no upper end, label]. */
export const PRICE_RANGES: readonly (readonly [number, number | null, string])[] = [
  [0, 2500, "Under $25"],
  [2500, 5000, "$25 to $50"],
  [5000, 10000, "$50 to $100"],
  [10000, 20000, "$100 to $200"],
  [20000, null, "$200 & above"],
];

function priceValue(min: number, max: number | null): string {
  return `${min}-${max ?? ""}`;
}

/** The price range value (`min-max`) of a shown price, as SQL over `p.min_price`. */
function priceRangeSql(): SQL {
  const cases = PRICE_RANGES.map(([min, max]) =>
    max === null
      ? sql`WHEN p.min_price >= ${min} THEN ${priceValue(min, max)}`
      : sql`WHEN p.min_price >= ${min} AND p.min_price < ${max} THEN ${priceValue(min, max)}`,
  );
  return sql`CASE ${sql.join(cases, sql` `)} END`;
}

/** The filters of a query, grouped the way facets ignore them. */
export type SearchFilters = Omit<ProductQuery, "q" | "page" | "limit" | "sort">;

/**
 * One statement for the total and all three facets. The query's matches are computed once
 * (a materialized CTE) with the filters no facet ignores; each facet then applies the other
 * facets' filters, precomputed per row as flags. Every condition comes from `productFilterSql`,
 * so search filters exactly like listing.
 * @param from the FROM/JOIN clause over the index with products aliased `p`
 * @param where the MATCH condition
 */
export function facetsSql(from: SQL, where: SQL, filters: SearchFilters): SQL {
  const { category, brand, minPrice, maxPrice, ...shared } = filters;
  return sql`WITH m AS MATERIALIZED (
      SELECT p.brand_id AS brand_id, p.category_id AS category_id,
        ${priceRangeSql()} AS price_range,
        (${productFilterSql({ category })}) AS category_ok,
        (${productFilterSql({ brand })}) AS brand_ok,
        (${productFilterSql({ minPrice, maxPrice })}) AS price_ok
      FROM ${from}
      WHERE ${where} AND ${productFilterSql(shared)}
    )
    SELECT 'total' AS facet, NULL AS value, NULL AS label, COUNT(*) AS count
      FROM m WHERE category_ok AND brand_ok AND price_ok
    UNION ALL
    SELECT 'category', c.slug, c.name, COUNT(*)
      FROM m JOIN categories c ON c.id = m.category_id WHERE brand_ok AND price_ok GROUP BY c.id
    UNION ALL
    SELECT 'brand', b.slug, b.name, COUNT(*)
      FROM m JOIN brands b ON b.id = m.brand_id WHERE category_ok AND price_ok GROUP BY b.id
    UNION ALL
    SELECT 'price', price_range, NULL, COUNT(*)
      FROM m WHERE category_ok AND brand_ok AND price_range IS NOT NULL GROUP BY price_range`;
}

/** A row of `facetsSql`. */
export interface FacetRow {
  facet: "total" | "category" | "brand" | "price";
  value: string | null;
  label: string | null;
  count: number;
}

function byCountThenLabel(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.label.localeCompare(b.label);
}

/** The total and the facets from `facetsSql` rows: most frequent first, prices in range order. */
export function toFacets(rows: readonly FacetRow[]): { total: number; facets: SearchFacets } {
  let total = 0;
  const category: FacetValue[] = [];
  const brand: FacetValue[] = [];
  const priceCounts = new Map<string, number>();
  for (const row of rows) {
    if (row.facet === "total") total = row.count;
    else if (row.value === null) continue;
    else if (row.facet === "price") priceCounts.set(row.value, row.count);
    else
      (row.facet === "category" ? category : brand).push({
        value: row.value,
        label: row.label ?? "",
        count: row.count,
      });
  }
  const price: PriceFacetValue[] = [];
  for (const [min, max, label] of PRICE_RANGES) {
    const count = priceCounts.get(priceValue(min, max)) ?? 0;
    if (count === 0) continue;
    price.push({
      value: priceValue(min, max),
      label,
      count,
      minPrice: min,
      ...(max === null ? {} : { maxPrice: max - 1 }),
    });
  }
  return {
    total,
    facets: { category: category.sort(byCountThenLabel), brand: brand.sort(byCountThenLabel), price },
  };
}

/** Facets with nothing in them (a query with no searchable words). */
export function emptyFacets(): SearchFacets {
  return { category: [], brand: [], price: [] };
}
