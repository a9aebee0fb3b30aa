import type { ReviewSummaryMessage } from "../../queues/review-summaries.schema";
import { log } from "../shared/log";
import type { ReviewsDeps } from "./reviews.deps";
import type { Rating, RatingSummary } from "./reviews.schemas";

/**
 * A product's rating summary (`review_summaries`), kept by relative updates in the same D1 batch
 * as each review write, so it is exact however many writes run at once.
 */

/** A `review_summaries` row as D1 returns it. */
export interface SummaryRow {
  product_id: string;
  count: number;
  sum: number;
  c1: number;
  c2: number;
  c3: number;
  c4: number;
  c5: number;
  updated_at: number;
}

/** How one review write moves a summary: +1 review of `added`, -1 review of `removed`. */
export interface SummaryChange {
  added?: Rating;
  removed?: Rating;
}

/**
 * The mean of `count` ratings adding up to `sum`, rounded half-up to one decimal, in integer
 * arithmetic (no float turns 4.25 into 4.2499…); 0 when there are none.
 */
export function roundedAverage(sum: number, count: number): number {
  if (count === 0) return 0;
  return Math.floor((sum * 20 + count) / (count * 2)) / 10;
}

/** The API's summary of a row (or of no reviews at all). */
export function ratingSummary(row: SummaryRow | null | undefined): RatingSummary {
  if (!row) return { average: 0, count: 0, histogram: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 } };
  return {
    average: roundedAverage(row.sum, row.count),
    count: row.count,
    histogram: { "1": row.c1, "2": row.c2, "3": row.c3, "4": row.c4, "5": row.c5 },
  };
}

/** Per-column deltas of a change: [count, sum, c1, c2, c3, c4, c5]. */
function deltas({ added, removed }: SummaryChange): number[] {
  const histogram = [1, 2, 3, 4, 5].map((stars) => (stars === added ? 1 : 0) - (stars === removed ? 1 : 0));
  return [(added ? 1 : 0) - (removed ? 1 : 0), (added ?? 0) - (removed ?? 0), ...histogram];
}

const SET_DELTAS = `count = count + ?3, sum = sum + ?4, c1 = c1 + ?5, c2 = c2 + ?6, c3 = c3 + ?7,
  c4 = c4 + ?8, c5 = c5 + ?9, updated_at = max(updated_at + 1, ?2)`;

/**
 * The summary change of a new review, as an upsert (the product's first review creates the row).
 * Put it in the same batch as the review's INSERT: when that INSERT fails (a second review by
 * the same user), the batch rolls back and the summary never moved.
 */
export function addToSummary(
  db: D1Database,
  productId: string,
  rating: Rating,
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO review_summaries (product_id, updated_at, count, sum, c1, c2, c3, c4, c5)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT (product_id) DO UPDATE SET ${SET_DELTAS}`,
    )
    .bind(productId, now, ...deltas({ added: rating }));
}

/**
 * The summary change of an edit or a delete of review `reviewId`, applied only while that
 * review still has `rating` (the rating the caller read). The review's own UPDATE or DELETE in
 * the same batch carries the same condition, and this statement runs first, before it changes
 * the row: both see the same row, so either both apply or neither does (a concurrent edit got
 * there first, and the caller reads again and retries).
 */
export function changeSummaryIfRated(
  db: D1Database,
  productId: string,
  change: SummaryChange,
  guard: { reviewId: string; rating: Rating },
  now: number,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE review_summaries SET ${SET_DELTAS}
       WHERE product_id = ?1 AND EXISTS (SELECT 1 FROM reviews WHERE id = ?10 AND rating = ?11)`,
    )
    .bind(productId, now, ...deltas(change), guard.reviewId, guard.rating);
}

/** Reads a product's summary row (put it last in a write batch to get the state it left). */
export function selectSummary(db: D1Database, productId: string): D1PreparedStatement {
  return db.prepare("SELECT * FROM review_summaries WHERE product_id = ?1").bind(productId);
}

/** The queue message for a summary row. */
export function summaryMessage(row: SummaryRow): ReviewSummaryMessage {
  return {
    productId: row.product_id,
    average: roundedAverage(row.sum, row.count),
    count: row.count,
    at: row.updated_at,
  };
}

/**
 * Tells the catalog a product's new summary (`shop-review-summaries`). The review write has
 * committed by now, so a failed send is logged, not thrown: the messages carry absolute
 * summaries, and the product's next review write brings the catalog up to date.
 */
export async function publishSummary(
  deps: Pick<ReviewsDeps, "summaries" | "requestId">,
  row: SummaryRow | undefined,
): Promise<void> {
  if (!row) return;
  try {
    await deps.summaries.send(summaryMessage(row));
  } catch (error) {
    log("error", "review summary not sent to the catalog", {
      requestId: deps.requestId,
      productId: row.product_id,
      error: String(error),
    });
  }
}
