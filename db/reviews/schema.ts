import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, unique } from "drizzle-orm/sqlite-core";

/**
 * A product review: one per user and product. `authorName` is copied from the user's profile
 * when written (identity is another database). `verified` is set by the server from the
 * user's order history; `helpfulCount` mirrors the votes so "most helpful" sorts on an index.
 */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    productId: text("product_id").notNull(),
    userId: text("user_id").notNull(),
    authorName: text("author_name").notNull(),
    rating: integer("rating").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    verified: integer("verified").notNull().default(0),
    helpfulCount: integer("helpful_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    unique("reviews_product_user_unique").on(t.productId, t.userId),
    check("reviews_rating_check", sql`${t.rating} BETWEEN 1 AND 5`),
    check("reviews_verified_check", sql`${t.verified} IN (0, 1)`),
    check("reviews_helpful_count_check", sql`${t.helpfulCount} >= 0`),
    index("reviews_product_created_idx").on(t.productId, t.createdAt),
    index("reviews_product_helpful_idx").on(t.productId, t.helpfulCount),
  ],
);

/** One "helpful" vote per user and review; the primary key makes a second vote a no-op. */
export const reviewVotes = sqliteTable(
  "review_votes",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_votes_user_idx").on(t.userId)],
);
