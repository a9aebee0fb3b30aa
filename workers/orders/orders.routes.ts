import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import type { Env } from "./worker-configuration";

/**
 * The orders worker's HTTP API. First form: only `GET /health`; the order routes of API.md
 * (`/api/orders`, `/api/admin/orders`) come with checkout.
 */
export const ordersRoutes = createApp<Env>();

ordersRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("orders", {
    database: () => c.env.ORDERS_DB.prepare("SELECT 1").first(),
  });
  return c.json(report, status);
});
