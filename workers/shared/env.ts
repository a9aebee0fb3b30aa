import type { z } from "zod";

const parsed = new WeakMap<object, unknown>();

/**
 * Validates a worker's vars and secrets once per env object (i.e. once per isolate), so a
 * missing or malformed secret fails loudly at the first request instead of deep in a handler.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: object): z.infer<S> {
  const hit = parsed.get(env);
  if (hit) return hit as z.infer<S>;
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid worker configuration (vars/secrets): ${problems}`);
  }
  parsed.set(env, result.data);
  return result.data;
}
