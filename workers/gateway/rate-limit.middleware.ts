import { createMiddleware } from "hono/factory";
import type { EdgeEnv } from "../edge/edge-env";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";

/**
 * The rate-limit windows configured in wrangler.toml (`[[ratelimits]]` simple.period), used as
 * `Retry-After`: the binding does not say when a window resets, only whether this call is over.
 */
export const RATE_LIMIT_PERIOD_SECONDS = { auth: 60, api: 10 } as const;

/** The client a request comes from: Cloudflare's connecting IP (set by the edge, not the client). */
export function clientKey(headers: Headers): string {
  return headers.get("cf-connecting-ip") ?? "unknown-client";
}

/**
 * Per-client rate limits with the Workers rate-limiting binding: strict on /api/auth/*
 * (password guessing, reset-email floods), loose on the rest. Over the limit: 429 problem+json
 * with Retry-After.
 */
export const rateLimit = createMiddleware<WorkerHono<EdgeEnv>>(async function rateLimit(c, next) {
  const auth = c.req.path.startsWith("/api/auth/");
  const limiter = auth ? c.env.AUTH_RATE_LIMITER : c.env.API_RATE_LIMITER;
  const { success } = await limiter.limit({ key: clientKey(c.req.raw.headers) });
  if (!success) {
    const retryAfter = RATE_LIMIT_PERIOD_SECONDS[auth ? "auth" : "api"];
    throw new AppError("rate_limited", `Too many requests; try again in ${retryAfter} seconds.`, {
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  await next();
});
