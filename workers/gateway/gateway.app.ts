import type { EdgeEnv } from "../edge/edge-env";
import { createApp } from "../shared/app";
import { AppError } from "../shared/errors";
import { allowRoles, authenticate } from "./auth.middleware";
import { edgeCache } from "./edge-cache";
import { systemHealth } from "./health";
import { rateLimit } from "./rate-limit.middleware";
import { requestLog } from "./request-log.middleware";
import { sellerOwnsStock } from "./stock-owner.middleware";
import { forward, ownerOf } from "./upstreams";

/**
 * The /api gateway, mounted by the edge worker: request id, access log, per-client rate limits,
 * access-token verification, the edge cache for anonymous catalog reads, coarse role guards, then
 * forwarding to the owning domain worker.
 * Domain workers check finer rules (ownership, per-route roles) with the caller passed along.
 */
export const gateway = createApp<EdgeEnv>();

gateway.use("/api/*", requestLog, rateLimit, authenticate);

// After auth and rate limits: a hit still counts against the client and still rejects a bad
// token; only anonymous catalog and search GETs are cached (edge-cache.ts).
gateway.use("/api/*", edgeCache);

// Everything under /api/admin is for admins, whichever worker serves it.
gateway.use("/api/admin/*", allowRoles("admin"));

// Sellers see and change the stock of their own products only.
gateway.use("/api/inventory/:sku", sellerOwnsStock);
gateway.use("/api/inventory/:sku/*", sellerOwnsStock);

gateway.get("/api/health", async (c) => {
  const health = await systemHealth(c.env, c.get("requestId"));
  return c.json(health, health.status === "ok" ? 200 : 503);
});

gateway.all("/api/*", async (c) => {
  const service = ownerOf(c.req.path);
  if (!service) throw new AppError("not_found", `No API route for ${c.req.method} ${c.req.path}.`);
  const response = await forward(c.env, service, c.req.raw, {
    requestId: c.get("requestId"),
    caller: c.get("caller"),
  });
  // Re-wrap so headers are mutable (the request-id middleware sets x-request-id on the way out).
  return new Response(response.body, response);
});
