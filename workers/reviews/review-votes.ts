import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { findReviewRow, notFound, type ReviewRow, selectReviewFor, toReview } from "./review-reads";
import type { ReviewsDeps } from "./reviews.deps";
import type { Review } from "./reviews.schemas";

/**
 * Helpful votes: one per user and review (the primary key of `review_votes`). `helpful_count`
 * is recounted from the votes in the same batch as each vote or withdrawal, so it is exact
 * however many votes arrive at once, and a repeated vote (or withdrawal) changes nothing.
 */

/** Sets helpful_count to the number of votes, writing only when it differs. */
function recount(db: D1Database, reviewId: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE reviews SET helpful_count = (SELECT COUNT(*) FROM review_votes WHERE review_id = ?1)
       WHERE id = ?1 AND helpful_count != (SELECT COUNT(*) FROM review_votes WHERE review_id = ?1)`,
    )
    .bind(reviewId);
}

/** The review the vote is about, or 404. */
async function votedReview(deps: Pick<ReviewsDeps, "db">, id: string): Promise<ReviewRow> {
  const row = await findReviewRow(deps.db, id);
  if (!row) throw notFound(id);
  return row;
}

/**
 * `POST /api/reviews/:id/helpful`: the caller finds the review helpful. Voting again changes
 * nothing and answers the same. Not on your own review: 403 `forbidden` with `reason:
 * "own_review"`. Answers the review with `votedByMe: true`.
 */
export async function voteHelpful(
  deps: Pick<ReviewsDeps, "db" | "now">,
  caller: Caller,
  id: string,
): Promise<Review> {
  const row = await votedReview(deps, id);
  if (row.user_id === caller.userId) {
    throw new AppError("forbidden", "You cannot vote on your own review.", {
      extensions: { reason: "own_review" },
    });
  }
  const results = await deps.db.batch([
    // The EXISTS keeps a vote from outliving a review deleted since it was read (no FK failure).
    deps.db
      .prepare(
        `INSERT OR IGNORE INTO review_votes (review_id, user_id, created_at)
         SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM reviews WHERE id = ?1)`,
      )
      .bind(id, caller.userId, deps.now()),
    recount(deps.db, id),
    selectReviewFor(deps.db, id, caller),
  ]);
  const review = results[2]?.results[0] as ReviewRow | undefined;
  if (!review) throw notFound(id);
  return toReview(review);
}

/**
 * `DELETE /api/reviews/:id/helpful`: withdraws the caller's vote; idempotent (no vote, nothing
 * changes, the same answer). Answers the review with `votedByMe: false`.
 */
export async function withdrawHelpful(
  deps: Pick<ReviewsDeps, "db">,
  caller: Caller,
  id: string,
): Promise<Review> {
  await votedReview(deps, id);
  const results = await deps.db.batch([
    deps.db.prepare("DELETE FROM review_votes WHERE review_id = ?1 AND user_id = ?2").bind(id, caller.userId),
    recount(deps.db, id),
    selectReviewFor(deps.db, id, caller),
  ]);
  const review = results[2]?.results[0] as ReviewRow | undefined;
  if (!review) throw notFound(id);
  return toReview(review);
}
