import type { ReviewSummaryMessage } from "../../queues/review-summaries.schema";
import type { ReviewProduct } from "../catalog/review-product";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import type { Env } from "./worker-configuration";

/** The CatalogService method reviews calls. */
export interface CatalogPort {
  reviewProduct(id: string): Promise<ReviewProduct | null>;
}

/** The OrdersService method reviews calls: true for a confirmed-or-later order with the product. */
export interface OrdersPort {
  hasPurchased(userId: string, productId: string): Promise<boolean>;
}

/** The IdentityService method reviews calls: the user's public name, null for an unknown user. */
export interface IdentityPort {
  displayName(userId: string): Promise<string | null>;
}

/** Everything the review services use; tests build it from the worker's env, or with twins. */
export interface ReviewsDeps {
  db: D1Database;
  catalog: CatalogPort;
  orders: OrdersPort;
  identity: IdentityPort;
  /** `shop-review-summaries`: the catalog's rating projection follows it. */
  summaries: Pick<Queue<ReviewSummaryMessage>, "send">;
  now: () => number;
  requestId?: string;
}

/** The services' dependencies from the worker's bindings. */
export function reviewsDeps(env: Env, requestId?: string): ReviewsDeps {
  return {
    db: env.REVIEWS_DB,
    catalog: env.CATALOG,
    orders: env.ORDERS,
    identity: env.IDENTITY,
    summaries: env.REVIEW_SUMMARIES as Queue<ReviewSummaryMessage>,
    now: () => Date.now(),
    requestId,
  };
}

/**
 * Calls another worker over RPC; a failure (the worker is down, or threw) becomes 503
 * `service_unavailable` so the client knows to try again, and nothing has been written yet.
 */
export async function ask<T>(
  deps: Pick<ReviewsDeps, "requestId">,
  service: "catalog" | "orders" | "identity",
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    log("error", "a dependency failed", { requestId: deps.requestId, service, error: String(error) });
    throw new AppError("service_unavailable", `The ${service} service did not answer. Try again shortly.`);
  }
}
