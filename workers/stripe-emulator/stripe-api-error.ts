/**
 * Stripe's error body (`{"error": {...}}`) and the statuses the SDK maps to its error classes:
 * 400/404 -> StripeInvalidRequestError (or StripeIdempotencyError for `idempotency_error`),
 * 401 -> StripeAuthenticationError, 402 -> StripeCardError.
 */
export interface StripeErrorBody {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  request_log_url?: string;
}

/** An emulated API call's answer: status and the exact JSON text Stripe would send. */
export interface ApiResult {
  status: number;
  body: string;
}

/** Thrown inside an emulated endpoint; becomes the Stripe error response. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly error: StripeErrorBody;

  constructor(status: number, error: StripeErrorBody) {
    super(error.message);
    this.status = status;
    this.error = error;
  }

  /**
   * Stripe saves an idempotent request's result only once the endpoint started executing: a
   * request refused while its parameters were checked can be retried with the same key.
   */
  get saved(): boolean {
    return !(this.error.code ?? "").startsWith("parameter_");
  }

  toResult(): ApiResult {
    return { status: this.status, body: JSON.stringify({ error: this.error }) };
  }
}

const docs = (code: string) => `https://docs.stripe.com/error-codes/${code.replaceAll("_", "-")}`;

/** 400 `invalid_request_error` with a `code` (and the offending `param`). */
export function invalidRequest(code: string, message: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code,
    message,
    doc_url: docs(code),
    ...(param ? { param } : {}),
  });
}

/** `resource_missing`: 404 for an unknown id in the URL, 400 for one named by a parameter. */
export function resourceMissing(
  kind: string,
  id: string,
  param: string,
  status: 400 | 404 = 404,
): StripeApiError {
  return new StripeApiError(status, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
    doc_url: docs("resource_missing"),
  });
}

/** 400 `idempotency_error`: the key was first used with another request. */
export function idempotencyMismatch(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: "idempotency_error",
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}
