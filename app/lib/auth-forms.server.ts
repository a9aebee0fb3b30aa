import type { AppLoadContext } from "@remix-run/cloudflare";
import type { Problem } from "../../workers/shared/errors";
import { log } from "../../workers/shared/log";
import type { FormErrors } from "../components/auth-form";

/** The text fields of a submitted form (files and missing fields read as ""). */
export function formFields<const K extends string>(
  formData: FormData,
  names: readonly K[],
): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const value = formData.get(name);
    values[name] = typeof value === "string" ? value : "";
  }
  return values;
}

const CHECK_FIELDS = "Please check the highlighted fields.";

/**
 * Field messages from zod issues (the shared identity schemas, checked before calling the API):
 * each issue goes next to its field, or to the form when no field of the form has its name.
 */
export function issueErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  fields: readonly string[],
): FormErrors {
  return sortErrors(
    issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    fields,
  );
}

function sortErrors(
  errors: ReadonlyArray<{ path: string; message: string }>,
  fields: readonly string[],
): FormErrors {
  const byField: Record<string, string[]> = {};
  const other: string[] = [];
  for (const { path, message } of errors) {
    if (fields.includes(path)) byField[path] = [...(byField[path] ?? []), message];
    else other.push(message);
  }
  return { form: other.length > 0 ? other.join(" ") : CHECK_FIELDS, fields: byField };
}

/** The API's problem code and the form's messages, from a failed API answer. */
export interface ApiFormErrors {
  code: string | null;
  errors: FormErrors;
}

function isProblem(body: unknown): body is Partial<Problem> {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

/**
 * Turns an API error (`application/problem+json`) into form messages: `errors[]` next to the
 * fields they name, `detail` for the form. Server failures get a generic apology rather than
 * internals. The API's messages are written for shoppers and never reveal whether an account
 * exists (login answers the same for an unknown email and a wrong password).
 */
export async function apiFormErrors(
  context: AppLoadContext,
  response: Response,
  fields: readonly string[],
): Promise<ApiFormErrors> {
  const body: unknown = await response.json().catch(() => null);
  const problem = isProblem(body) ? body : {};
  const code = typeof problem.code === "string" ? problem.code : null;
  if (response.status >= 500 || !problem.detail) {
    log("error", "storefront form: API call failed", {
      requestId: context.requestId,
      status: response.status,
      code,
    });
    return { code, errors: { form: "Something went wrong on our side. Please try again in a moment." } };
  }
  const fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  if (fieldErrors.length > 0) {
    const sorted = sortErrors(fieldErrors, fields);
    return { code, errors: sorted.form === CHECK_FIELDS ? sorted : { ...sorted, form: problem.detail } };
  }
  return { code, errors: { form: problem.detail } };
}
