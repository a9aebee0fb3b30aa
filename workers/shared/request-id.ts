/** Header carrying the request id from the edge through every worker and back to the client. */
export const REQUEST_ID_HEADER = "x-request-id";

const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id to use for a request: the caller's own `x-request-id` when it is a sane token (so a
 * client or upstream proxy can correlate), otherwise a fresh one.
 */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && ACCEPTABLE.test(given) ? given : crypto.randomUUID();
}
