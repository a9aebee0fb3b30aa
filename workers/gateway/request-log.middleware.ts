import { createMiddleware } from "hono/factory";
import type { WorkerHono } from "../shared/app";
import { log } from "../shared/log";

/** One structured access-log line per API request, with its request id and caller. */
export const requestLog = createMiddleware<WorkerHono<object>>(async function requestLog(c, next) {
  const started = Date.now();
  await next();
  log(c.res.status >= 500 ? "error" : "info", "api request", {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Date.now() - started,
    userId: c.get("caller")?.userId,
  });
});
