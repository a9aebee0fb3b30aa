import { z } from "zod";
import { parseEnv } from "../shared/env";
import type { Env } from "./worker-configuration";

/** The emulator's vars and its secret, validated once per isolate. */
export const emulatorVars = z.object({
  ENVIRONMENT: z.string().min(1),
  /** Signs webhook deliveries; the same secret the payments worker verifies them with. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith("whsec_", "must be a whsec_ secret (run `npm run dev` once to create .dev.vars)"),
});

/** The emulator's env: its generated bindings plus the webhook signing secret. */
export type EmulatorEnv = Env & { STRIPE_WEBHOOK_SECRET: string };

export function emulatorConfig(env: EmulatorEnv): z.infer<typeof emulatorVars> {
  return parseEnv(emulatorVars, env);
}
