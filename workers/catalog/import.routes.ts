import { requireRole } from "../shared/caller";
import { onlyRoles } from "../shared/roles.middleware";
import type { CatalogApp } from "./catalog.routes";
import { catalogDb } from "./catalog.service";
import { importProducts } from "./import.service";
import { readImportRows } from "./import-rows";

/** Bulk import (admin): CSV or JSON, upsert by SKU, a per-row error report. */
export function importRoutes(app: CatalogApp): void {
  // Registered before /api/products/:id routes (see catalog.routes.ts).
  app.post("/api/products/import", onlyRoles("admin"), async (c) => {
    const caller = requireRole(c.get("caller"), "admin");
    const rows = await readImportRows(c.req.raw);
    const deps = {
      db: catalogDb(c.env.CATALOG_DB),
      searchIndex: c.env.SEARCH_INDEX,
      requestId: c.get("requestId"),
    };
    // 200 even when rows failed: the request worked, and the report says row by row what did not.
    return c.json(await importProducts(deps, caller, rows));
  });
}
