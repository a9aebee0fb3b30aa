import { validate } from "../shared/validate";
import type { CatalogApp } from "./catalog.routes";
import { catalogDb } from "./catalog.service";
import { searchQuerySchema, suggestQuerySchema } from "./search.schemas";
import { searchProducts } from "./search.service";
import { suggest } from "./search-suggest.service";

/** `GET /api/search` and `GET /api/search/suggest` (API.md "Catalog and search"). */
export function searchRoutes(app: CatalogApp): void {
  app.get("/api/search", validate("query", searchQuerySchema), async (c) => {
    const result = await searchProducts({ db: catalogDb(c.env.CATALOG_DB) }, c.req.valid("query"));
    return c.json(result);
  });

  app.get("/api/search/suggest", validate("query", suggestQuerySchema), async (c) => {
    const suggestions = await suggest({ db: catalogDb(c.env.CATALOG_DB) }, c.req.valid("query").q);
    return c.json({ suggestions });
  });
}
