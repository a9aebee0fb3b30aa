import { requireRole } from "../shared/caller";
import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import type { CatalogApp } from "./catalog.routes";
import { catalogDb } from "./catalog.service";
import { lowStockQuerySchema } from "./low-stock.schemas";
import { listLowStock } from "./low-stock.service";

/**
 * `GET /api/inventory/low-stock` (seller/admin). Served by catalog, not inventory: stock lives in
 * one StockDO per SKU, which cannot be listed or filtered, while the catalog holds the stock
 * projection and knows which seller owns which SKU. The gateway routes this one path to catalog
 * (workers/gateway/upstreams.ts).
 */
export function lowStockRoutes(app: CatalogApp): void {
  app.get(
    "/api/inventory/low-stock",
    onlyRoles("seller", "admin"),
    validate("query", lowStockQuerySchema),
    async (c) => {
      const caller = requireRole(c.get("caller"), "seller", "admin");
      const page = await listLowStock({ db: catalogDb(c.env.CATALOG_DB) }, caller, c.req.valid("query"));
      // Per caller: never to be stored by a shared cache (the gateway's edge cache skips it too).
      return c.json(page, 200, { "cache-control": "private, no-store" });
    },
  );
}
