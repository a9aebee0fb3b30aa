import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { AppError, fieldErrors } from "./errors";

/**
 * Hono validator middleware for `target` with a zod schema. A failure throws the API's
 * 400 `validation_failed` with `errors[]`; malformed JSON is answered by onError as `invalid_json`.
 */
export function validate<T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError("validation_failed", "Some fields are missing or invalid.", {
        errors: fieldErrors(result.error.issues),
      });
    }
  });
}
