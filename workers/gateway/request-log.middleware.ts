import { createMiddleware } from "hono/factory";
import type { EdgeEnv } from "../edge/edge-env";
import type { WorkerHono } from "../shared/app";
import { log } from "../shared/log";

/**
 * One structured access-log line per API request, with its request id and caller; only the
 * 5xx ones when `ACCESS_LOG` is "errors" (wrangler.toml).
 */
export const requestLog = createMiddleware<WorkerHono<Pick<EdgeEnv, "ACCESS_LOG">>>(
  async function requestLog(c, next) {
    const started = Date.now();
    await next();
    if (c.res.status < 500 && c.env.ACCESS_LOG === "errors") return;
    log(c.res.status >= 500 ? "error" : "info", "api request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      userId: c.get("caller")?.userId,
    });
  },
);
