import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { createApp, type WorkerHono } from "../shared/app";
import { requireCaller } from "../shared/caller";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import { getReview, listProductReviews } from "./review-reads";
import { voteHelpful, withdrawHelpful } from "./review-votes";
import { createReview, deleteReview, updateReview } from "./review-writes";
import { reviewsDeps } from "./reviews.deps";
import { createReviewInput, ID_MAX, reviewListQuery, updateReviewInput } from "./reviews.schemas";
import type { Env } from "./worker-configuration";

/** The reviews worker's HTTP API (API.md "Reviews"; the gateway forwards `/api/reviews/...`). */
export const reviewsRoutes = createApp<Env>();

/**
 * 401 for anonymous callers. Before the body validator, so an anonymous caller learns nothing
 * from validation messages.
 */
const signedIn = createMiddleware<WorkerHono<Env>>(async function signedInCheck(c, next) {
  requireCaller(c.get("caller"));
  await next();
});

/** Path ids: a product or review id is a short token, never empty. */
const productParam = z.object({ productId: z.string().min(1).max(ID_MAX) });
const reviewParam = z.object({ id: z.string().min(1).max(ID_MAX) });

reviewsRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("reviews", {
    database: () => c.env.REVIEWS_DB.prepare("SELECT 1").first(),
  });
  return c.json(report, status);
});

// Reviews are public and change with every vote: never cached (the gateway caches catalog and
// search reads only), and said so for any cache on the way.
reviewsRoutes.get(
  "/api/reviews/product/:productId",
  validate("param", productParam),
  validate("query", reviewListQuery),
  async (c) => {
    const page = await listProductReviews(
      reviewsDeps(c.env, c.get("requestId")),
      c.req.valid("param").productId,
      c.req.valid("query"),
      c.get("caller"),
    );
    c.header("cache-control", "no-store");
    return c.json(page);
  },
);

reviewsRoutes.post("/api/reviews", signedIn, validate("json", createReviewInput), async (c) => {
  const caller = requireCaller(c.get("caller"));
  const review = await createReview(reviewsDeps(c.env, c.get("requestId")), caller, c.req.valid("json"));
  c.header("location", `/api/reviews/${review.id}`);
  return c.json(review, 201);
});

reviewsRoutes.get("/api/reviews/:id", validate("param", reviewParam), async (c) => {
  const review = await getReview(reviewsDeps(c.env), c.req.valid("param").id, c.get("caller"));
  c.header("cache-control", "no-store");
  return c.json(review);
});

reviewsRoutes.patch(
  "/api/reviews/:id",
  signedIn,
  validate("param", reviewParam),
  validate("json", updateReviewInput),
  async (c) => {
    const caller = requireCaller(c.get("caller"));
    const deps = reviewsDeps(c.env, c.get("requestId"));
    return c.json(await updateReview(deps, caller, c.req.valid("param").id, c.req.valid("json")));
  },
);

reviewsRoutes.delete("/api/reviews/:id", signedIn, validate("param", reviewParam), async (c) => {
  const caller = requireCaller(c.get("caller"));
  await deleteReview(reviewsDeps(c.env, c.get("requestId")), caller, c.req.valid("param").id);
  return c.body(null, 204);
});

reviewsRoutes.post("/api/reviews/:id/helpful", signedIn, validate("param", reviewParam), async (c) => {
  const caller = requireCaller(c.get("caller"));
  return c.json(await voteHelpful(reviewsDeps(c.env), caller, c.req.valid("param").id));
});

reviewsRoutes.delete("/api/reviews/:id/helpful", signedIn, validate("param", reviewParam), async (c) => {
  const caller = requireCaller(c.get("caller"));
  return c.json(await withdrawHelpful(reviewsDeps(c.env), caller, c.req.valid("param").id));
});
