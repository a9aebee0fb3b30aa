import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import { categoryRoutes } from "./categories.routes";
import { imageRoutes } from "./images.routes";
import { importRoutes } from "./import.routes";
import { lowStockRoutes } from "./low-stock.routes";
import { productRoutes } from "./products.routes";
import { searchRoutes } from "./search.routes";
import type { Env } from "./worker-configuration";

/** An object key no upload uses: `head` on it proves the bucket answers without reading data. */
const HEALTH_PROBE_KEY = "health/probe";

/** The catalog worker's HTTP API (paths as in API.md; the gateway forwards `/api/...` unchanged). */
export const catalogRoutes = createApp<Env>();
export type CatalogApp = typeof catalogRoutes;

catalogRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("catalog", {
    database: () => c.env.CATALOG_DB.prepare("SELECT 1").first(),
    images: () => c.env.IMAGES.head(HEALTH_PROBE_KEY),
  });
  return c.json(report, status);
});

// Each area registers its routes on the one app (one middleware chain, one error handler).
// Order matters where paths overlap: fixed paths (/api/products/featured, /import, /slug/...)
// are registered by their modules before /api/products/:id.
searchRoutes(catalogRoutes);
importRoutes(catalogRoutes);
imageRoutes(catalogRoutes);
productRoutes(catalogRoutes);
categoryRoutes(catalogRoutes);
lowStockRoutes(catalogRoutes);
