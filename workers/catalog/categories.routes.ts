import type { CatalogApp } from "./catalog.routes";
import { catalogDb, listCategories } from "./catalog.service";

/** The category tree and (admin) category writes. */
export function categoryRoutes(app: CatalogApp): void {
  app.get("/api/categories", async (c) => {
    const items = await listCategories({ db: catalogDb(c.env.CATALOG_DB) });
    return c.json({ items });
  });
}
