import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The stable error codes of the public API, each with the one status it answers. */
export const ERROR_CODES = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_token: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  out_of_stock: 409,
  idempotency_mismatch: 422,
  coupon_invalid: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  bad_gateway: 502,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field error of a validation failure: a dotted path into the input and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, with the project's `code`, `requestId` and field `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<ErrorCode, string> = {
  validation_failed: "Validation failed",
  invalid_json: "Malformed JSON body",
  invalid_token: "Invalid or expired token",
  unauthorized: "Authentication required",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  out_of_stock: "Out of stock",
  idempotency_mismatch: "Idempotency key reused with a different request",
  coupon_invalid: "Coupon cannot be used",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
  bad_gateway: "Upstream service failed",
  service_unavailable: "Service unavailable",
};

/**
 * The one error type of the project. Throw it anywhere in a request; `onError` turns it into
 * an `application/problem+json` response. `extensions` become extra members of the problem
 * (e.g. `available` on out_of_stock).
 */
export class AppError extends HTTPException {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(ERROR_CODES[code], { message: detail ?? TITLES[code] });
    this.code = code;
    this.detail = detail ?? TITLES[code];
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  toProblem(requestId?: string): Problem {
    return problem(this.code, this.detail, {
      requestId,
      errors: this.errors,
      extensions: this.extensions,
    });
  }
}

/** Builds a problem document for `code`. */
export function problem(
  code: ErrorCode,
  detail?: string,
  options: { requestId?: string; errors?: FieldError[]; extensions?: Record<string, unknown> } = {},
): Problem {
  return {
    ...options.extensions,
    type: `https://shop.example/problems/${code.replaceAll("_", "-")}`,
    title: TITLES[code],
    status: ERROR_CODES[code],
    detail: detail ?? TITLES[code],
    code,
    ...(options.requestId ? { requestId: options.requestId } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** A problem as a Response (for code that runs outside Hono, such as the edge entry). */
export function problemResponse(p: Problem, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("content-type", PROBLEM_CONTENT_TYPE);
  if (p.requestId) h.set("x-request-id", p.requestId);
  return new Response(JSON.stringify(p), { status: p.status, headers: h });
}

/** Zod issues (from a failed safeParse) as the API's field errors. */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}
