import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { findReviewRow, notFound, type ReviewRow, selectReviewFor, toReview } from "./review-reads";
import {
  addToSummary,
  changeSummaryIfRated,
  publishSummary,
  type SummaryRow,
  selectSummary,
} from "./review-summary";
import { ask, type ReviewsDeps } from "./reviews.deps";
import type { CreateReviewInput, Rating, Review, UpdateReviewInput } from "./reviews.schemas";

/**
 * Review writes. Each is one D1 batch (one transaction) holding the review row's change AND the
 * product summary's relative update, then the summary it left goes to the catalog.
 */

/** An edit or delete that lost a race with another edit of the same review reads and tries again. */
const MAX_ATTEMPTS = 3;

/** Whether a D1 error (possibly wrapped, as `cause`) is a UNIQUE violation. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (String(e).includes("UNIQUE constraint failed")) return true;
  }
  return false;
}

const alreadyReviewed = () =>
  new AppError("conflict", "You have already reviewed this product: edit that review instead.");

/** The caller's public name from identity; an account that no longer exists cannot write. */
async function authorName(deps: ReviewsDeps, caller: Caller): Promise<string> {
  const name = await ask(deps, "identity", () => deps.identity.displayName(caller.userId));
  if (!name) throw new AppError("unauthorized", "This account no longer exists.");
  return name;
}

/**
 * `POST /api/reviews`: one review per user and product, of an active product, with `verified`
 * from the caller's orders and `authorName` from identity (never from the client). A second
 * review by the same user answers 409, concurrently too: the unique index on (product, user)
 * fails the batch, and with it the summary update.
 */
export async function createReview(
  deps: ReviewsDeps,
  caller: Caller,
  input: CreateReviewInput,
): Promise<Review> {
  const { productId, rating, title, body } = input;
  const existing = await deps.db
    .prepare("SELECT 1 FROM reviews WHERE product_id = ?1 AND user_id = ?2")
    .bind(productId, caller.userId)
    .first();
  if (existing) throw alreadyReviewed();

  const [product, verified, name] = await Promise.all([
    ask(deps, "catalog", () => deps.catalog.reviewProduct(productId)),
    ask(deps, "orders", () => deps.orders.hasPurchased(caller.userId, productId)),
    authorName(deps, caller),
  ]);
  if (product?.status !== "active")
    throw new AppError("not_found", `No product you can review has id ${productId}.`);
  if (product.sellerId === caller.userId)
    throw new AppError("forbidden", "Sellers cannot review their own products.");

  const id = crypto.randomUUID();
  const now = deps.now();
  let results: D1Result[];
  try {
    results = await deps.db.batch([
      deps.db
        .prepare(
          `INSERT INTO reviews (id, product_id, user_id, author_name, rating, title, body, verified,
             helpful_count, created_at, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9)`,
        )
        .bind(id, productId, caller.userId, name, rating, title, body, verified ? 1 : 0, now),
      addToSummary(deps.db, productId, rating as Rating, now),
      selectSummary(deps.db, productId),
      selectReviewFor(deps.db, id, caller),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReviewed();
    throw error;
  }
  await publishSummary(deps, results[2]?.results[0] as SummaryRow | undefined);
  return toReview(results[3]?.results[0] as ReviewRow);
}

/** The review, if `caller` wrote it; 404 when there is none, 403 when it is someone else's. */
async function ownReview(deps: ReviewsDeps, id: string, caller: Caller, action: string): Promise<ReviewRow> {
  const row = await findReviewRow(deps.db, id);
  if (!row) throw notFound(id);
  if (row.user_id !== caller.userId)
    throw new AppError("forbidden", `Only its author can ${action} a review.`);
  return row;
}

/**
 * `PATCH /api/reviews/:id`: the author changes rating, title or body. `verified` is checked
 * again (an order refunded since no longer counts) and the author's name refreshed. The rating
 * moves the summary by relative updates (`c4 = c4 - 1, c5 = c5 + 1`) guarded by the rating read,
 * so two concurrent edits cannot count one review twice.
 */
export async function updateReview(
  deps: ReviewsDeps,
  caller: Caller,
  id: string,
  input: UpdateReviewInput,
): Promise<Review> {
  let row = await ownReview(deps, id, caller, "edit");
  const [verified, name] = await Promise.all([
    ask(deps, "orders", () => deps.orders.hasPurchased(caller.userId, row.product_id)),
    authorName(deps, caller),
  ]);

  for (let attempt = 1; ; attempt++) {
    const before = row.rating;
    const after = (input.rating ?? before) as Rating;
    const now = Math.max(deps.now(), row.updated_at);
    const statements: D1PreparedStatement[] = [];
    if (after !== before) {
      statements.push(
        changeSummaryIfRated(
          deps.db,
          row.product_id,
          { added: after, removed: before },
          { reviewId: id, rating: before },
          now,
        ),
      );
    }
    statements.push(
      deps.db
        .prepare(
          `UPDATE reviews SET rating = ?3, title = ?4, body = ?5, verified = ?6, author_name = ?7, updated_at = ?8
           WHERE id = ?1 AND rating = ?2`,
        )
        .bind(
          id,
          before,
          after,
          input.title ?? row.title,
          input.body ?? row.body,
          verified ? 1 : 0,
          name,
          now,
        ),
      selectSummary(deps.db, row.product_id),
      selectReviewFor(deps.db, id, caller),
    );
    const results = await deps.db.batch(statements);
    const updated = results[results.length - 3];
    if (updated?.meta.changes === 1) {
      if (after !== before) await publishSummary(deps, results[results.length - 2]?.results[0] as SummaryRow);
      return toReview(results[results.length - 1]?.results[0] as ReviewRow);
    }
    // Changed (or deleted) by a concurrent request since it was read: read again and retry.
    const current = await findReviewRow(deps.db, id);
    if (!current) throw notFound(id);
    if (attempt >= MAX_ATTEMPTS)
      throw new AppError("conflict", "The review changed while saving; try again.");
    row = current;
  }
}

/**
 * `DELETE /api/reviews/:id`: the author or an admin. Its votes go with it; the summary loses
 * it in the same batch (guarded like an edit). A review already gone answers 404.
 */
export async function deleteReview(deps: ReviewsDeps, caller: Caller, id: string): Promise<void> {
  let row = await findReviewRow(deps.db, id);
  if (!row) throw notFound(id);
  if (row.user_id !== caller.userId && caller.role !== "admin") {
    throw new AppError("forbidden", "Only its author or an admin can delete a review.");
  }
  for (let attempt = 1; ; attempt++) {
    const rating = row.rating;
    const statements = [
      changeSummaryIfRated(
        deps.db,
        row.product_id,
        { removed: rating },
        { reviewId: id, rating },
        deps.now(),
      ),
      deps.db
        .prepare(
          `DELETE FROM review_votes WHERE review_id = ?1
           AND EXISTS (SELECT 1 FROM reviews WHERE id = ?1 AND rating = ?2)`,
        )
        .bind(id, rating),
      deps.db.prepare("DELETE FROM reviews WHERE id = ?1 AND rating = ?2").bind(id, rating),
      selectSummary(deps.db, row.product_id),
    ];
    const results = await deps.db.batch(statements);
    if (results[2]?.meta.changes === 1) {
      await publishSummary(deps, results[3]?.results[0] as SummaryRow);
      return;
    }
    const current = await findReviewRow(deps.db, id);
    if (!current) throw notFound(id);
    if (attempt >= MAX_ATTEMPTS)
      throw new AppError("conflict", "The review changed while deleting; try again.");
    row = current;
  }
}
