import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import type { Env } from "./worker-configuration";

/**
 * The payments worker's HTTP API. First form: only `GET /health`; the webhook and refund routes
 * of API.md (`/api/payments/...`) come with card payments.
 */
export const paymentsRoutes = createApp<Env>();

paymentsRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("payments", {
    database: () => c.env.PAYMENTS_DB.prepare("SELECT 1").first(),
  });
  return c.json(report, status);
});
