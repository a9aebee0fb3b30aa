import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

/**
 * The category tree. `parentId` points at another category (null for a root); siblings are
 * shown by `position`, then name. Deleting a category that still has children or products is
 * refused by the foreign keys.
 */
export const categories = sqliteTable(
  "categories",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    parentId: text("parent_id").references((): AnySQLiteColumn => categories.id),
    position: integer("position").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("categories_parent_idx").on(t.parentId, t.position)],
);

/** Brands products are filtered and suggested by. */
export const brands = sqliteTable("brands", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;
export const VARIANT_STATUSES = ["active", "archived"] as const;

/**
 * A product as shoppers see it; what is bought is one of its variants (SKUs). Only `active`
 * products are listed. `sellerId` is an identity user id (another database, so no foreign key).
 */
export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    brandId: text("brand_id").references(() => brands.id),
    categoryId: text("category_id")
      .notNull()
      .references(() => categories.id),
    status: text("status", { enum: PRODUCT_STATUSES }).notNull().default("draft"),
    featured: integer("featured").notNull().default(0),
    sellerId: text("seller_id").notNull(),
    /** Free-form specifications shown on the product page, e.g. `{"material": "cotton"}`. */
    attributes: text("attributes", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    /**
     * Projections kept by the catalog so listings can filter and sort without fanning out:
     * the lowest active variant price (the "shown price"), the rating summary (from reviews),
     * the first image's key.
     */
    minPrice: integer("min_price"),
    currency: text("currency").notNull().default("USD"),
    ratingAverage: real("rating_average").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    /**
     * The `at` of the review summary the two rating columns came from (epoch ms; 0 before the
     * first one). A `shop-review-summaries` message applies only when its `at` is newer, so late,
     * repeated or reordered messages never move the rating backwards.
     */
    ratingReportedAt: integer("rating_reported_at").notNull().default(0),
    primaryImageKey: text("primary_image_key"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check("products_status_check", sql`${t.status} IN ('draft', 'active', 'archived')`),
    check("products_featured_check", sql`${t.featured} IN (0, 1)`),
    index("products_category_idx").on(t.categoryId),
    index("products_brand_idx").on(t.brandId),
    index("products_seller_idx").on(t.sellerId),
    index("products_status_featured_idx").on(t.status, t.featured),
    index("products_status_price_idx").on(t.status, t.minPrice),
    index("products_status_created_idx").on(t.status, t.createdAt),
    index("products_status_rating_idx").on(t.status, t.ratingAverage),
  ],
);

/**
 * A buyable variant of a product, identified by its SKU (the key stock and carts use).
 * `options` is a JSON object such as `{"size": "M", "colour": "red"}`; the price is in minor units.
 */
export const productVariants = sqliteTable(
  "product_variants",
  {
    sku: text("sku").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    options: text("options", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull().default("USD"),
    status: text("status", { enum: VARIANT_STATUSES }).notNull().default("active"),
    position: integer("position").notNull().default(0),
    /**
     * Units that can be bought now and the low-stock threshold, as last reported by inventory
     * (StockDO is the truth; this projection lets listings show and filter stock status).
     */
    available: integer("available").notNull().default(0),
    lowStockThreshold: integer("low_stock_threshold").notNull().default(5),
    /**
     * The `at` of the stock level the two columns above came from (epoch ms; 0 before the first
     * one). A `shop-stock-levels` message applies only when its `at` is newer, so late, repeated
     * or reordered messages never move the projection backwards.
     */
    stockReportedAt: integer("stock_reported_at").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull().default(0),
  },
  (t) => [
    check("product_variants_price_check", sql`${t.priceAmount} >= 0`),
    check("product_variants_currency_check", sql`length(${t.currency}) = 3`),
    check("product_variants_status_check", sql`${t.status} IN ('active', 'archived')`),
    index("product_variants_product_idx").on(t.productId, t.position),
    // Only the variants at or below their threshold, in the low-stock list's order: the list
    // reads this small index instead of scanning every variant.
    index("product_variants_low_stock_idx")
      .on(t.available, t.sku)
      .where(sql`${t.status} = 'active' AND ${t.available} <= ${t.lowStockThreshold}`),
  ],
);

/** Product images in R2 (`key`), shown in `position` order; the first is the primary image. */
export const productImages = sqliteTable(
  "product_images",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    key: text("key").notNull().unique(),
    alt: text("alt").notNull().default(""),
    position: integer("position").notNull().default(0),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);

/**
 * Small catalog-wide counters. `cache_version` is bumped by every product or category write;
 * the edge cache keys anonymous catalog reads by it, so a write makes later reads fresh.
 */
export const catalogMeta = sqliteTable("catalog_meta", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
