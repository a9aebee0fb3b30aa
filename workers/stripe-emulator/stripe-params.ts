import { invalidRequest } from "./stripe-api-error";
import type { FormParams, FormValue } from "./stripe-form";

/**
 * Readers for form params with Stripe's error codes and messages, so a bad request fails the way
 * it would against Stripe (and the SDK raises StripeInvalidRequestError with `param` set).
 */

/** Refuses params the endpoint does not know (Stripe does, which catches typos early). */
export function rejectUnknown(params: FormParams, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) {
      throw invalidRequest("parameter_unknown", `Received unknown parameter: ${key}`, key);
    }
  }
}

function scalar(params: FormParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string")
    throw invalidRequest("parameter_invalid_string", `Invalid string: ${name}`, name);
  return value;
}

export function requiredString(params: FormParams, name: string): string {
  const value = scalar(params, name);
  if (value === undefined || value === "") {
    throw invalidRequest("parameter_missing", `Missing required param: ${name}.`, name);
  }
  return value;
}

export function optionalString(params: FormParams, name: string, maxLength = 5000): string | null {
  const value = scalar(params, name);
  if (value === undefined || value === "") return null;
  if (value.length > maxLength) {
    throw invalidRequest(
      "parameter_invalid_string",
      `${name} must be at most ${maxLength} characters.`,
      name,
    );
  }
  return value;
}

/** A positive integer in minor units (Stripe's `amount`). */
export function positiveInteger(params: FormParams, name: string, required: boolean): number | null {
  const value = scalar(params, name);
  if (value === undefined) {
    if (required) throw invalidRequest("parameter_missing", `Missing required param: ${name}.`, name);
    return null;
  }
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalidRequest("parameter_invalid_integer", `Invalid integer: ${value}`, name);
  }
  const amount = Number(value);
  if (amount < 1) {
    throw invalidRequest("parameter_invalid_integer", "This value must be greater than or equal to 1.", name);
  }
  return amount;
}

export function optionalEnum<T extends string>(
  params: FormParams,
  name: string,
  values: readonly T[],
): T | null {
  const value = scalar(params, name);
  if (value === undefined || value === "") return null;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidRequest(
      "parameter_invalid_string",
      `Invalid ${name}: must be one of ${values.join(", ")}`,
      name,
    );
  }
  return value as T;
}

export function optionalBoolean(value: FormValue | undefined, param: string): boolean | null {
  if (value === undefined) return null;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidRequest("parameter_invalid_boolean", `Invalid boolean: ${String(value)}`, param);
}

/** A list of strings (`x[0]=a&x[1]=b`). */
export function stringList(params: FormParams, name: string): string[] | null {
  const value = params[name];
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw invalidRequest("parameter_invalid_array", `Invalid array: ${name}`, name);
  }
  return value as string[];
}

/** Stripe's metadata: up to 50 keys of at most 40 characters, values of at most 500. */
export function metadataParam(params: FormParams): Record<string, string> {
  const value = params.metadata;
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest("parameter_invalid_object", "Invalid hash: metadata", "metadata");
  }
  const entries = Object.entries(value);
  if (entries.length > 50) {
    throw invalidRequest(
      "parameter_invalid_object",
      "You can specify up to 50 keys in metadata.",
      "metadata",
    );
  }
  const metadata: Record<string, string> = {};
  for (const [key, v] of entries) {
    if (typeof v !== "string" || key.length > 40 || v.length > 500) {
      throw invalidRequest(
        "parameter_invalid_object",
        "Metadata keys are at most 40 characters and values strings of at most 500.",
        `metadata[${key}]`,
      );
    }
    if (v !== "") metadata[key] = v;
  }
  return metadata;
}
