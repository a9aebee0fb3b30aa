import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    check("product_variants_price_check", sql`${t.priceAmount} >= 0`),
    check("product_variants_currency_check", sql`length(${t.currency}) = 3`),
    index("product_variants_product_idx").on(t.productId),
  ],
);
