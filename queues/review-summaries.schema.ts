import { z } from "zod";

/**
 * A `shop-review-summaries` message: a product's rating summary as the reviews database holds it
 * right after a review was created, edited or deleted, for the catalog's projection
 * (`products.rating_average` / `rating_count`: listing ratings, the `minRating` filter and the
 * rating sort). It carries the absolute summary, never a delta, so any later message repairs a
 * lost one. `at` is the summary's `updated_at`, which only grows per product: a consumer ignores
 * a summary older than (or as old as) the one it holds, so a late, repeated or reordered message
 * never moves the rating backwards.
 */
export const reviewSummaryMessage = z
  .object({
    productId: z.string().min(1).max(128),
    /** The mean rating rounded half-up to one decimal (0 when there are no reviews). */
    average: z.number().min(0).max(5),
    count: z.number().int().nonnegative(),
    at: z.number().int().positive(),
  })
  .refine((m) => (m.count === 0 ? m.average === 0 : m.average >= 1), {
    message: "average is 0 without reviews and 1-5 with them.",
    path: ["average"],
  });
export type ReviewSummaryMessage = z.infer<typeof reviewSummaryMessage>;
