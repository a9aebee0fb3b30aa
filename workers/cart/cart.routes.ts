import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import type { Env } from "./worker-configuration";

/** Cart tokens are random; this name cannot be one, so the probe never reads a real cart. */
const HEALTH_PROBE_OBJECT = "~health";

/**
 * The cart worker's HTTP API. First form: only `GET /health`; the cart routes of API.md
 * (`/api/carts/...`, `/api/cart`) come with the cart issue.
 */
export const cartRoutes = createApp<Env>();

cartRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("cart", {
    carts: () => c.env.CARTS.getByName(HEALTH_PROBE_OBJECT).ping(),
  });
  return c.json(report, status);
});
