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
    // One index per sort of `GET /api/reviews/product/:productId`, each ending in the tie-breaker.
    index("reviews_product_created_idx").on(t.productId, t.createdAt),
    index("reviews_product_helpful_idx").on(t.productId, t.helpfulCount, t.createdAt),
    index("reviews_product_rating_idx").on(t.productId, t.rating, t.createdAt),
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

/**
 * A product's rating summary, kept incrementally: every review write changes it by relative
 * updates (`count = count + 1`, `c4 = c4 - 1, c5 = c5 + 1`) in the same D1 batch (one
 * transaction) as the review row, so it is exact under any concurrency. The CHECKs hold the
 * invariants: a bug that broke them would fail the write instead of skewing the numbers.
 *
 * `updatedAt` (epoch ms) grows strictly with every change of the row (`max(updated_at + 1,
 * now)`), so it orders the summaries sent to the catalog as the writes committed, even when two
 * writers' clocks disagree: the catalog applies a summary only when its `at` is newer.
 */
export const reviewSummaries = sqliteTable(
  "review_summaries",
  {
    productId: text("product_id").primaryKey(),
    count: integer("count").notNull().default(0),
    sum: integer("sum").notNull().default(0),
    c1: integer("c1").notNull().default(0),
    c2: integer("c2").notNull().default(0),
    c3: integer("c3").notNull().default(0),
    c4: integer("c4").notNull().default(0),
    c5: integer("c5").notNull().default(0),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    check(
      "review_summaries_histogram_check",
      sql`${t.c1} >= 0 AND ${t.c2} >= 0 AND ${t.c3} >= 0 AND ${t.c4} >= 0 AND ${t.c5} >= 0`,
    ),
    check("review_summaries_count_check", sql`${t.count} = ${t.c1} + ${t.c2} + ${t.c3} + ${t.c4} + ${t.c5}`),
    check(
      "review_summaries_sum_check",
      sql`${t.sum} = ${t.c1} + 2 * ${t.c2} + 3 * ${t.c3} + 4 * ${t.c4} + 5 * ${t.c5}`,
    ),
  ],
);
