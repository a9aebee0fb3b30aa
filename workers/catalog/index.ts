import { WorkerEntrypoint } from "cloudflare:workers";
import { readCacheVersion } from "./cache-version";
import { catalogRoutes } from "./catalog.routes";
import type { Category } from "./catalog.schemas";
import { catalogDb, listCategories } from "./catalog.service";
import { consumeSearchIndex } from "./search-index.consumer";
import type { Env } from "./worker-configuration";

/** The catalog for other workers (cart and orders price lines from it) over a service binding. */
export class CatalogService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The catalog's cache version: the edge cache keys anonymous catalog reads by it. */
  async cacheVersion(): Promise<number> {
    return readCacheVersion(catalogDb(this.env.CATALOG_DB));
  }

  /** The category tree, exactly as `GET /api/categories` returns its `items`. */
  async listCategories(): Promise<Category[]> {
    return listCategories({ db: catalogDb(this.env.CATALOG_DB) });
  }
}

export default {
  fetch: catalogRoutes.fetch,
  queue: consumeSearchIndex,
} satisfies ExportedHandler<Env>;
