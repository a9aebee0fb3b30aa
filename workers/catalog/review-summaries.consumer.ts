import { and, eq, lt } from "drizzle-orm";
import { products } from "../../db/catalog/schema";
import { type ReviewSummaryMessage, reviewSummaryMessage } from "../../queues/review-summaries.schema";
import { bumpCacheVersion } from "./cache-version";
import type { CatalogDb } from "./catalog.service";
import type { Statement } from "./catalog-batch";
import { consumeProjection, newestPerKey } from "./projection.consumer";
import type { Env } from "./worker-configuration";

/** The queue this consumer serves (workers/catalog/wrangler.toml). */
export const REVIEW_SUMMARIES_QUEUE = "shop-review-summaries";

/** The newest summary of each product among `summaries` (see newestPerKey). */
export function newestSummaryPerProduct(summaries: readonly ReviewSummaryMessage[]): ReviewSummaryMessage[] {
  return newestPerKey(summaries, (summary) => summary.productId);
}

/**
 * The statement that moves a product's rating projection to `summary`, guarded by
 * `rating_reported_at`: it changes nothing when the catalog already holds a summary as new or
 * newer (a late, repeated or reordered message), nor when the catalog has no such product.
 * `updated_at` is left alone: it dates the seller's edits, not the shoppers' reviews.
 */
export function applyReviewSummary(db: CatalogDb, summary: ReviewSummaryMessage): Statement {
  return db
    .update(products)
    .set({
      ratingAverage: summary.average,
      ratingCount: summary.count,
      ratingReportedAt: summary.at,
    })
    .where(and(eq(products.id, summary.productId), lt(products.ratingReportedAt, summary.at)));
}

/**
 * Consumes `shop-review-summaries`: keeps `products.rating_average` and `rating_count` in step
 * with the reviews worker's summaries, for listing ratings, the `minRating` filter and the
 * rating sort (eventually consistent: seconds behind a review write).
 *
 * The whole batch is one D1 batch (one transaction): a product's newest summary in the batch,
 * applied only when newer than the one held, and one cache-version bump (ADR 20). Unlike stock
 * levels (ADR 16), ratings change rarely, so making anonymous listings fresh at once costs little;
 * the queue's `max_batch_timeout` also caps the bumps at about one per batch window.
 *
 * Malformed messages and failed writes are handled as for every projection (consumeProjection).
 */
export async function consumeReviewSummaries(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  return consumeProjection(batch, env, {
    what: "review-summary",
    schema: reviewSummaryMessage,
    keyOf: (summary) => summary.productId,
    statements: (db, summaries) => [
      ...summaries.map((summary) => applyReviewSummary(db, summary)),
      bumpCacheVersion(db),
    ],
  });
}
