import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import { catalogDb, listCategories } from "./catalog.service";
import type { Env } from "./worker-configuration";

/** An object key no upload uses: `head` on it proves the bucket answers without reading data. */
const HEALTH_PROBE_KEY = "health/probe";

/** The catalog worker's HTTP API (paths as in API.md; the gateway forwards `/api/...` unchanged). */
export const catalogRoutes = createApp<Env>();

catalogRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("catalog", {
    database: () => c.env.CATALOG_DB.prepare("SELECT 1").first(),
    images: () => c.env.IMAGES.head(HEALTH_PROBE_KEY),
  });
  return c.json(report, status);
});

catalogRoutes.get("/api/categories", async (c) => {
  const items = await listCategories({ db: catalogDb(c.env.CATALOG_DB) });
  return c.json({ items });
});
