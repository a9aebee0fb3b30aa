import { reviewsRoutes } from "./reviews.routes";
import type { Env } from "./worker-configuration";

// No RPC entrypoint: nothing calls reviews but the gateway, over HTTP. Reviews tells the catalog
// about rating changes through the shop-review-summaries queue.
export default {
  fetch: reviewsRoutes.fetch,
} satisfies ExportedHandler<Env>;
