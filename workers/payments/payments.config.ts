import { z } from "zod";
import { parseEnv } from "../shared/env";
import type { Env } from "./worker-configuration";

/**
 * The payments worker's vars and secrets, validated once per isolate. `STRIPE_API_BASE` empty
 * means api.stripe.com; anything else is a Stripe-compatible stand-in (the emulator, reached
 * over the STRIPE_EMULATOR binding when it is bound, or e.g. stripe-mock over the network).
 */
export const paymentsVars = z
  .object({
    ENVIRONMENT: z.string().min(1),
    STRIPE_API_BASE: z.union([z.literal(""), z.url({ protocol: /^https?$/ })]).default(""),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(
        /^(sk|rk)_(test|live)_\S+$/,
        "must be a Stripe secret key (sk_test_... / sk_live_...); run `npm run dev` once to create .dev.vars, or `wrangler secret put`",
      ),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith("whsec_", "must be the webhook endpoint's signing secret (whsec_...)"),
  })
  .refine((v) => v.STRIPE_API_BASE === "" || !/^(sk|rk)_live_/.test(v.STRIPE_SECRET_KEY), {
    message: "a live Stripe key is only ever sent to api.stripe.com: leave STRIPE_API_BASE empty",
    path: ["STRIPE_API_BASE"],
  });

export type PaymentsConfig = z.infer<typeof paymentsVars>;

/** payments' env: its generated bindings plus its two Stripe secrets. */
export type PaymentsEnv = Env & { STRIPE_SECRET_KEY: string; STRIPE_WEBHOOK_SECRET: string };

/** The validated vars and secrets of `env`; throws a clear error naming every bad one. */
export function paymentsConfig(env: PaymentsEnv): PaymentsConfig {
  return parseEnv(paymentsVars, env);
}

/** Whether the development-only tools (`/dev/payments/*`) may answer. */
export function isDevelopment(env: PaymentsEnv): boolean {
  return env.ENVIRONMENT === "development";
}
