import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/cloudflare";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server";
import { log } from "../workers/shared/log";

/** Server-side rendering of a document request, streamed; bots get the complete HTML at once. */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  let status = responseStatusCode;
  const body = await renderToReadableStream(<RemixServer context={remixContext} url={request.url} />, {
    signal: request.signal,
    onError(error: unknown) {
      log("error", "storefront render failed", { requestId: loadContext.requestId, error: String(error) });
      status = 500;
    },
  });
  if (isbot(request.headers.get("user-agent") || "")) await body.allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status });
}

/** Logs errors thrown by loaders and actions (not aborted requests) as structured lines. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  log("error", "storefront loader/action failed", {
    requestId: context.requestId,
    url: request.url,
    error: String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
};
