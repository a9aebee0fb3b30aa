import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/**
 * The product filters of API.md, shared by `GET /api/products` and `GET /api/search`: one
 * schema for the query string and one SQL builder, so listing and search filter identically.
 */
const booleanParam = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();
const minorUnits = z.coerce.number().int().min(0).max(100_000_000).optional();

export const PRODUCT_SORTS = ["relevance", "price_asc", "price_desc", "newest", "rating"] as const;

export const productQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    brand: z.string().trim().min(1).max(100).optional(),
    minPrice: minorUnits,
    maxPrice: minorUnits,
    inStock: booleanParam,
    minRating: z.coerce.number().min(0).max(5).optional(),
    featured: booleanParam,
    sort: z.enum(PRODUCT_SORTS).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: "minPrice must not exceed maxPrice.",
    path: ["minPrice"],
  });

export type ProductQuery = z.infer<typeof productQuerySchema>;

/** Category ids of the category with this slug and every category below it. */
export function categoryAndDescendants(slug: string): SQL {
  return sql`(WITH RECURSIVE subtree(id) AS (
      SELECT id FROM categories WHERE slug = ${slug}
      UNION ALL
      SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
    ) SELECT id FROM subtree)`;
}

/**
 * The WHERE clause (without `WHERE`) for listing: active products only, then each filter given.
 * Expects the products table aliased `p`. Brand may be several slugs, comma-separated.
 */
export function productFilterSql(query: Omit<ProductQuery, "page" | "limit" | "sort" | "q">): SQL {
  const parts: SQL[] = [sql`p.status = 'active'`];
  if (query.category) parts.push(sql`p.category_id IN ${categoryAndDescendants(query.category)}`);
  if (query.brand) {
    const slugs = query.brand
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20);
    parts.push(
      sql`p.brand_id IN (SELECT id FROM brands WHERE slug IN (${sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  }
  if (query.minPrice !== undefined) parts.push(sql`p.min_price >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) parts.push(sql`p.min_price <= ${query.maxPrice}`);
  if (query.inStock) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = p.id AND v.status = 'active' AND v.available > 0)`,
    );
  }
  if (query.minRating !== undefined) parts.push(sql`p.rating_average >= ${query.minRating}`);
  if (query.featured !== undefined) parts.push(sql`p.featured = ${query.featured ? 1 : 0}`);
  return sql.join(parts, sql` AND `);
}

/** ORDER BY for a non-relevance sort (relevance needs a search score; see search). */
export function productOrderSql(sort: Exclude<ProductQuery["sort"], "relevance" | undefined>): SQL {
  switch (sort) {
    case "price_asc":
      return sql`p.min_price ASC, p.id ASC`;
    case "price_desc":
      return sql`p.min_price DESC, p.id ASC`;
    case "rating":
      return sql`p.rating_average DESC, p.rating_count DESC, p.id ASC`;
    case "newest":
      return sql`p.created_at DESC, p.id ASC`;
  }
}
