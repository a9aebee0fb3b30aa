import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import type { Env } from "./worker-configuration";

/**
 * The reviews worker's HTTP API. First form: only `GET /health`; the review routes of API.md
 * (`/api/reviews/...`) come with the reviews issue.
 */
export const reviewsRoutes = createApp<Env>();

reviewsRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("reviews", {
    database: () => c.env.REVIEWS_DB.prepare("SELECT 1").first(),
  });
  return c.json(report, status);
});
