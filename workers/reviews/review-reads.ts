import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { ratingSummary, type SummaryRow, selectSummary } from "./review-summary";
import type { ReviewsDeps } from "./reviews.deps";
import type { Rating, Review, ReviewListQuery, ReviewPage, ReviewSort } from "./reviews.schemas";

/** A `reviews` row as D1 returns it, with `voted` (0/1) when read for a signed-in caller. */
export interface ReviewRow {
  id: string;
  product_id: string;
  user_id: string;
  author_name: string;
  rating: Rating;
  title: string;
  body: string;
  verified: number;
  helpful_count: number;
  created_at: number;
  updated_at: number;
  voted?: number | null;
}

/**
 * The API view of a row. Text goes out exactly as stored, as JSON strings: the API renders no
 * HTML, so there is nothing to escape here (whatever renders it as HTML must escape it).
 * `votedByMe` is only there when the row was read for a signed-in caller.
 */
export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    authorName: row.author_name,
    rating: row.rating,
    title: row.title,
    body: row.body,
    verified: row.verified === 1,
    helpfulCount: row.helpful_count,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    ...(row.voted === undefined || row.voted === null ? {} : { votedByMe: row.voted === 1 }),
  };
}

export const notFound = (id: string) => new AppError("not_found", `No review with id ${id}.`);

/**
 * SELECT of reviews with `voted` for `viewer` (NULL for anonymous callers, so toReview leaves
 * `votedByMe` out). `?1` is the viewer's user id; the caller appends WHERE/ORDER BY.
 */
const SELECT_FOR_VIEWER = `SELECT r.*, CASE WHEN ?1 IS NULL THEN NULL ELSE
  EXISTS (SELECT 1 FROM review_votes v WHERE v.review_id = r.id AND v.user_id = ?1) END AS voted
  FROM reviews r`;

/** One review with `voted` for `viewer` (for the answer of a write, or GET by id). */
export function selectReviewFor(db: D1Database, id: string, viewer: Caller | null): D1PreparedStatement {
  return db.prepare(`${SELECT_FOR_VIEWER} WHERE r.id = ?2`).bind(viewer?.userId ?? null, id);
}

/** A review row by id, without `voted`, or null. */
export async function findReviewRow(db: D1Database, id: string): Promise<ReviewRow | null> {
  return db.prepare("SELECT * FROM reviews WHERE id = ?1").bind(id).first<ReviewRow>();
}

/** `GET /api/reviews/:id`: any review, to anyone (reviews are public). */
export async function getReview(
  deps: Pick<ReviewsDeps, "db">,
  id: string,
  viewer: Caller | null,
): Promise<Review> {
  const row = await selectReviewFor(deps.db, id, viewer).first<ReviewRow>();
  if (!row) throw notFound(id);
  return toReview(row);
}

/** ORDER BY per sort; each ends in created_at and id so pages never overlap or skip. */
const ORDER_BY: Record<ReviewSort, string> = {
  helpful: "r.helpful_count DESC, r.created_at DESC, r.id DESC",
  newest: "r.created_at DESC, r.id DESC",
  rating: "r.rating DESC, r.created_at DESC, r.id DESC",
};

/**
 * `GET /api/reviews/product/:productId`: a page of the product's reviews and its summary, read
 * in one batch (one transaction), so `total` (the summary's count) agrees with the page. A product
 * without reviews (or unknown to the catalog) has an empty page and a zero summary: reviews does
 * not ask the catalog on reads.
 */
export async function listProductReviews(
  deps: Pick<ReviewsDeps, "db">,
  productId: string,
  query: ReviewListQuery,
  viewer: Caller | null,
): Promise<ReviewPage> {
  const { sort, page, limit } = query;
  const [summary, reviews] = await deps.db.batch([
    selectSummary(deps.db, productId),
    deps.db
      .prepare(`${SELECT_FOR_VIEWER} WHERE r.product_id = ?2 ORDER BY ${ORDER_BY[sort]} LIMIT ?3 OFFSET ?4`)
      .bind(viewer?.userId ?? null, productId, limit, (page - 1) * limit),
  ]);
  const summaryRow = (summary?.results[0] as SummaryRow | undefined) ?? null;
  return {
    items: ((reviews?.results ?? []) as ReviewRow[]).map(toReview),
    total: summaryRow?.count ?? 0,
    page,
    limit,
    summary: ratingSummary(summaryRow),
  };
}
