import type { Context } from "hono";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { type Caller, callerFrom } from "./caller";
import { AppError, type ErrorCode, PROBLEM_CONTENT_TYPE, problem } from "./errors";
import { log } from "./log";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/** Per-request values every worker's handlers can read with `c.get(...)`. */
export interface RequestVariables {
  requestId: string;
  caller: Caller | null;
}

export type WorkerHono<Bindings extends object> = { Bindings: Bindings; Variables: RequestVariables };

/** Maps a non-AppError HTTPException (thrown by Hono itself or middleware) to an API code. */
function codeForStatus(status: number, message: string): ErrorCode {
  if (status === 400) return /json/i.test(message) ? "invalid_json" : "validation_failed";
  const byStatus: Record<number, ErrorCode> = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "service_unavailable",
  };
  return byStatus[status] ?? "internal_error";
}

/** Answers an error as RFC 9457 problem+json; unexpected errors are logged and become a 500. */
export function handleError(err: Error, c: Context<{ Variables: RequestVariables }>): Response {
  const requestId = c.get("requestId");
  let body: ReturnType<typeof problem>;
  let headers: Record<string, string> = {};
  if (err instanceof AppError) {
    body = err.toProblem(requestId);
    headers = err.headers;
  } else if (err instanceof HTTPException) {
    const code = codeForStatus(err.status, err.message);
    body = problem(code, err.message || undefined, { requestId });
  } else {
    log("error", "unhandled error", { requestId, path: c.req.path, error: String(err), stack: err.stack });
    body = problem(
      "internal_error",
      "Something went wrong on our side. Quote the request id if you contact us.",
      {
        requestId,
      },
    );
  }
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, "content-type": PROBLEM_CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId },
  });
}

/**
 * A Hono app with the project's conventions: request id in and out, the caller the gateway
 * verified, problem+json for every error and for unknown routes.
 */
export function createApp<Bindings extends object>(): Hono<WorkerHono<Bindings>> {
  const app = new Hono<WorkerHono<Bindings>>();
  app.use(async function requestContext(c, next) {
    const requestId = requestIdFrom(c.req.raw.headers);
    c.set("requestId", requestId);
    c.set("caller", callerFrom(c.req.raw.headers));
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
  });
  app.onError((err, c) => handleError(err, c as unknown as Context<{ Variables: RequestVariables }>));
  app.notFound((c) =>
    handleError(
      new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`),
      c as unknown as Context<{ Variables: RequestVariables }>,
    ),
  );
  return app;
}
