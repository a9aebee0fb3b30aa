import { z } from "zod";

/**
 * Zod schemas and types of the reviews API (API.md "Reviews"). Imports no runtime code, so the
 * storefront can share them.
 */

export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const REVIEW_SORTS = ["helpful", "newest", "rating"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const TITLE_MAX = 120;
export const BODY_MAX = 5000;
/** Ids of products and reviews are short tokens; anything longer cannot be one. */
export const ID_MAX = 128;

const rating = z
  .number({ error: "Give a whole number of stars from 1 to 5." })
  .int("Give a whole number of stars from 1 to 5.")
  .min(1, "Give a whole number of stars from 1 to 5.")
  .max(5, "Give a whole number of stars from 1 to 5.");

// Text is kept as written (only surrounding whitespace is trimmed) and never HTML-escaped on the
// way in: it is data, and whatever renders it escapes it (ADR 20).
const title = z
  .string({ error: "Give the review a title." })
  .trim()
  .min(1, "Give the review a title.")
  .max(TITLE_MAX, `Use at most ${TITLE_MAX} characters.`);
const body = z
  .string({ error: "Write the review." })
  .trim()
  .min(1, "Write the review.")
  .max(BODY_MAX, `Use at most ${BODY_MAX} characters.`);

/**
 * Fields only the server sets. Named in the schemas so that a client sending one gets a field
 * error saying so (rather than a generic "unrecognized key"), and never gets to set it.
 */
const SERVER_FIELDS = [
  "id",
  "userId",
  "authorName",
  "verified",
  "helpfulCount",
  "createdAt",
  "updatedAt",
] as const;
const serverOnly = Object.fromEntries(
  SERVER_FIELDS.map((key) => [key, z.never({ error: `${key} is set by the server.` }).optional()]),
) as Record<(typeof SERVER_FIELDS)[number], z.ZodOptional<z.ZodNever>>;

/** `POST /api/reviews`. Strict: any field beyond these is refused, not ignored. */
export const createReviewInput = z.strictObject({
  productId: z
    .string({ error: "Say which product this review is for." })
    .trim()
    .min(1, "Say which product this review is for.")
    .max(ID_MAX, "No product has such an id."),
  rating,
  title,
  body,
  ...serverOnly,
});
export type CreateReviewInput = z.infer<typeof createReviewInput>;

/** `PATCH /api/reviews/:id`: any of rating, title and body; strict like create. */
export const updateReviewInput = z
  .strictObject({ rating: rating.optional(), title: title.optional(), body: body.optional(), ...serverOnly })
  .refine((v) => v.rating !== undefined || v.title !== undefined || v.body !== undefined, {
    message: "Change at least one of rating, title and body.",
  });
export type UpdateReviewInput = z.infer<typeof updateReviewInput>;

/** `GET /api/reviews/product/:productId` query: sort (most helpful first by default) and page. */
export const reviewListQuery = z.object({
  sort: z.enum(REVIEW_SORTS).default("helpful"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

/** A review as the API shows it (API.md "Review"). */
export interface Review {
  id: string;
  productId: string;
  /** The author's public name ("Cora C."), from identity when the review was last written. */
  authorName: string;
  rating: Rating;
  title: string;
  body: string;
  /** The author had a confirmed (or later) order with the product when the review was last written. */
  verified: boolean;
  helpfulCount: number;
  createdAt: string;
  updatedAt: string;
  /** Whether the signed-in caller voted this review helpful; absent for anonymous callers. */
  votedByMe?: boolean;
}

/** A product's rating summary: mean rounded half-up to one decimal, count, stars histogram. */
export interface RatingSummary {
  average: number;
  count: number;
  histogram: Record<"1" | "2" | "3" | "4" | "5", number>;
}

/** `GET /api/reviews/product/:productId`. `total` is the summary's count. */
export interface ReviewPage {
  items: Review[];
  total: number;
  page: number;
  limit: number;
  summary: RatingSummary;
}
