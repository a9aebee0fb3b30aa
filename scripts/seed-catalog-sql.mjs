// SQL for seeding a catalog (as demoCatalog() returns it) into the catalog D1 database.
import { inserts } from "./sql.mjs";

/**
 * Rows per multi-row INSERT. Small on purpose: `wrangler d1 execute --file` splits the file
 * into statements with a scan whose cost grows with the square of a statement's length (it
 * re-tests the whole statement so far after each character), so 2 MB in ~100 KB statements
 * took 2.5 s to split and in ~15 KB ones 0.6 s. (D1 itself caps a statement at 100 KB.)
 */
const PRODUCTS_PER_INSERT = 20;
const VARIANTS_PER_INSERT = 50;

/**
 * A catalog as SQL: INSERT OR IGNORE on stable ids and unique keys, parents before children, so
 * a second run changes nothing and edits made since (a price, a name) are never overwritten.
 * Ratings start at 0: the reviews seed (seed-reviews.mjs, catalogRatingsSql) and then the
 * shop-review-summaries queue write them.
 * @param {import("./seed-catalog.d.mts").DemoCatalog} catalog
 * @param {number} taxonomyCreatedAt created_at of categories and brands (ms)
 * @returns {string}
 */
export function catalogSql({ categories, brands, products }, taxonomyCreatedAt) {
  const categoryRows = categories.map((c) => [
    c.id,
    c.slug,
    c.name,
    c.parentId,
    c.position,
    taxonomyCreatedAt,
  ]);
  const brandRows = brands.map((b) => [b.id, b.slug, b.name, taxonomyCreatedAt]);
  const productRows = products.map((p) => [
    p.id,
    p.slug,
    p.name,
    p.description,
    p.brandId,
    p.categoryId,
    p.status,
    p.featured ? 1 : 0,
    p.sellerId,
    JSON.stringify(p.attributes),
    p.minPrice,
    p.currency,
    0,
    0,
    p.primaryImageKey,
    p.createdAt,
    p.updatedAt,
  ]);
  const variantRows = products.flatMap((p) =>
    p.variants.map((v) => [
      v.sku,
      p.id,
      JSON.stringify(v.options),
      v.priceAmount,
      v.currency,
      v.status,
      v.position,
      v.available,
      v.lowStockThreshold,
      p.createdAt,
      p.updatedAt,
    ]),
  );
  return [
    // One statement per category: each row's parent must exist when it is inserted.
    ...inserts("categories", ["id", "slug", "name", "parent_id", "position", "created_at"], categoryRows, 1),
    ...inserts("brands", ["id", "slug", "name", "created_at"], brandRows, 100),
    ...inserts(
      "products",
      [
        "id",
        "slug",
        "name",
        "description",
        "brand_id",
        "category_id",
        "status",
        "featured",
        "seller_id",
        "attributes",
        "min_price",
        "currency",
        "rating_average",
        "rating_count",
        "primary_image_key",
        "created_at",
        "updated_at",
      ],
      productRows,
      PRODUCTS_PER_INSERT,
    ),
    ...inserts(
      "product_variants",
      [
        "sku",
        "product_id",
        "options",
        "price_amount",
        "currency",
        "status",
        "position",
        "available",
        "low_stock_threshold",
        "created_at",
        "updated_at",
      ],
      variantRows,
      VARIANTS_PER_INSERT,
    ),
  ].join("\n");
}
