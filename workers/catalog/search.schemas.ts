import { z } from "zod";
import type { ProductListItem } from "./product-list-item";
import { productQuerySchema } from "./product-query";

/**
 * `GET /api/search`: the product query of listing (same filters, sorts, paging) with `q`
 * required. A blank `q` is a 400: browsing without words is `GET /api/products`. A `q` with no
 * searchable words in it (only punctuation or operators) is answered with an empty result.
 */
export const searchQuerySchema = productQuerySchema.refine((v) => v.q !== undefined && v.q.length > 0, {
  message: "Enter something to search for.",
  path: ["q"],
});

/** `GET /api/search/suggest`: what has been typed so far (from one character). */
export const suggestQuerySchema = z.object({
  q: z.string().trim().min(1, "Type at least one character.").max(100),
});

/** Where a search result's words matched, as HTML whose only markup is `<mark>`. */
export interface SearchHighlight {
  /** The whole product name with matches marked. */
  name: string;
  /** A short excerpt of the description around the matches ("…" where cut). */
  description: string;
}

/** A product list item (API.md) plus its highlight. */
export interface SearchItem extends ProductListItem {
  highlight: SearchHighlight;
}

/** One value of a facet: what to filter by, what to show, how many results have it. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/**
 * A price range. `value` is `min-max` in minor units, min inclusive and max exclusive (`20000-`
 * has no upper end); `minPrice`/`maxPrice` are the inclusive filter values that select exactly
 * this range.
 */
export interface PriceFacetValue extends FacetValue {
  minPrice: number;
  maxPrice?: number;
}

/**
 * Facet counts over the products matching `q` and the filters. Each facet ignores its own filter
 * (filtering by brand still counts every brand), so a shopper can widen a choice as well as
 * narrow it: the usual multi-select behaviour of shop facets.
 */
export interface SearchFacets {
  category: FacetValue[];
  brand: FacetValue[];
  price: PriceFacetValue[];
}

/** What `GET /api/search` answers. */
export interface SearchResult {
  items: SearchItem[];
  total: number;
  page: number;
  limit: number;
  facets: SearchFacets;
}

export const SUGGESTION_TYPES = ["brand", "category", "product"] as const;

/** One as-you-type suggestion; `slug` leads to the brand, category or product page. */
export interface Suggestion {
  type: (typeof SUGGESTION_TYPES)[number];
  text: string;
  slug: string;
}
