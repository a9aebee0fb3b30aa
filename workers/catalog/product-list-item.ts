import { sql } from "drizzle-orm";

/** Stock status shown on product cards (API.md): from the variants' stock projection. */
export type StockStatus = "in_stock" | "low_stock" | "out_of_stock";

/** A product in a list (API.md "Product list item"), as listing and search return it. */
export interface ProductListItem {
  id: string;
  slug: string;
  name: string;
  brand: { slug: string; name: string } | null;
  category: { slug: string; name: string };
  price: { amount: number; currency: string } | null;
  image: { url: string; alt: string } | null;
  rating: { average: number; count: number };
  stock: { status: StockStatus };
}

/**
 * The columns a list item needs, for `SELECT ${productListItemColumns} FROM products p ...`.
 * Joins brand and category by correlated subqueries so callers keep their own FROM/WHERE.
 */
export const productListItemColumns = sql`
  p.id AS id, p.slug AS slug, p.name AS name, p.min_price AS min_price, p.currency AS currency,
  p.rating_average AS rating_average, p.rating_count AS rating_count, p.primary_image_key AS image_key,
  (SELECT b.slug FROM brands b WHERE b.id = p.brand_id) AS brand_slug,
  (SELECT b.name FROM brands b WHERE b.id = p.brand_id) AS brand_name,
  (SELECT c.slug FROM categories c WHERE c.id = p.category_id) AS category_slug,
  (SELECT c.name FROM categories c WHERE c.id = p.category_id) AS category_name,
  (SELECT CASE
      WHEN COALESCE(MAX(v.available), 0) <= 0 THEN 'out_of_stock'
      WHEN MAX(v.available) <= MAX(v.low_stock_threshold) THEN 'low_stock'
      ELSE 'in_stock' END
    FROM product_variants v WHERE v.product_id = p.id AND v.status = 'active') AS stock_status`;

/**
 * The stock status of a product from its active variants' stock, by the same rule as the
 * `stock_status` column above (for numbers read live from inventory on the product page).
 */
export function stockStatusOf(
  variants: readonly { available: number; lowStockThreshold: number }[],
): StockStatus {
  const available = Math.max(0, ...variants.map((v) => v.available));
  const threshold = Math.max(0, ...variants.map((v) => v.lowStockThreshold));
  if (available <= 0) return "out_of_stock";
  return available <= threshold ? "low_stock" : "in_stock";
}

export interface ProductListRow {
  id: string;
  slug: string;
  name: string;
  min_price: number | null;
  currency: string;
  rating_average: number;
  rating_count: number;
  image_key: string | null;
  brand_slug: string | null;
  brand_name: string | null;
  category_slug: string;
  category_name: string;
  stock_status: StockStatus;
}

/** Public URL of an image key: served through the edge at /images/<key> with long caching. */
export function imageUrl(key: string): string {
  return `/images/${key}`;
}

/** A row selected with `productListItemColumns` as the API's list item. */
export function toProductListItem(row: ProductListRow): ProductListItem {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand_slug && row.brand_name ? { slug: row.brand_slug, name: row.brand_name } : null,
    category: { slug: row.category_slug, name: row.category_name },
    price: row.min_price === null ? null : { amount: row.min_price, currency: row.currency },
    image: row.image_key ? { url: imageUrl(row.image_key), alt: row.name } : null,
    rating: { average: Math.round(row.rating_average * 10) / 10, count: row.rating_count },
    stock: { status: row.stock_status },
  };
}
