import { WorkerEntrypoint } from "cloudflare:workers";
import { log } from "../shared/log";
import { readCacheVersion } from "./cache-version";
import { catalogRoutes } from "./catalog.routes";
import type { Category } from "./catalog.schemas";
import { catalogDb, listCategories } from "./catalog.service";
import { type ReviewProduct, reviewProduct } from "./review-product";
import { consumeReviewSummaries, REVIEW_SUMMARIES_QUEUE } from "./review-summaries.consumer";
import { consumeSearchIndex } from "./search-index.consumer";
import { skuDetails } from "./sku-details";
import type { SkuDetail } from "./sku-details.schemas";
import { consumeStockLevels, STOCK_LEVELS_QUEUE } from "./stock-levels.consumer";
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

  /**
   * Live name, options, price, image and purchasability of up to 100 SKUs (unknown ones are
   * left out), in one query: the cart prices its lines with it on every read.
   */
  async skuDetails(skus: string[]): Promise<SkuDetail[]> {
    return skuDetails({ db: catalogDb(this.env.CATALOG_DB) }, skus);
  }

  /** A product's id, slug, name, status and seller, or null: reviews accept reviews of active products only. */
  async reviewProduct(id: string): Promise<ReviewProduct | null> {
    return reviewProduct({ db: catalogDb(this.env.CATALOG_DB) }, id);
  }
}

export default {
  fetch: catalogRoutes.fetch,
  async queue(batch, env) {
    switch (batch.queue) {
      case "shop-search-index":
        return consumeSearchIndex(batch, env);
      case STOCK_LEVELS_QUEUE:
        return consumeStockLevels(batch, env);
      case REVIEW_SUMMARIES_QUEUE:
        return consumeReviewSummaries(batch, env);
      default:
        // Only a wrangler.toml change can get here. Retrying keeps the messages: after
        // max_retries they land in that queue's dead-letter queue instead of being dropped.
        log("error", "no consumer for queue", { queue: batch.queue, messages: batch.messages.length });
        batch.retryAll({ delaySeconds: 60 });
    }
  },
} satisfies ExportedHandler<Env>;
