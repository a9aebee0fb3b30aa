import { reviewsRoutes } from "./reviews.routes";
import type { Env } from "./worker-configuration";

// No RPC entrypoint: nothing calls reviews but the gateway, over HTTP.
export default {
  fetch: reviewsRoutes.fetch,
} satisfies ExportedHandler<Env>;
