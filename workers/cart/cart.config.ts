import { z } from "zod";
import { parseEnv } from "../shared/env";
import type { TotalsConfig } from "../shared/money";

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * The cart worker's vars (wrangler.toml `[vars]`), validated once per isolate. Numbers arrive as
 * strings from `[vars]`; each has a default so a missing var means the shop's standard terms.
 */
export const cartVars = z.object({
  ENVIRONMENT: z.string().min(1),
  /** A guest cart nobody has touched for this long is deleted (default 30 days). */
  GUEST_CART_TTL_SECONDS: wholeNumber(60, 365 * 24 * 3600).default(30 * 24 * 3600),
  /** Tax in basis points of (subtotal − discount): 800 = 8%. */
  TAX_RATE_BPS: wholeNumber(0, 10_000).default(800),
  /** (subtotal − discount) at or above this, in minor units, ships free (default $100.00). */
  FREE_SHIPPING_THRESHOLD: wholeNumber(0, 100_000_000).default(10_000),
  /** Shipping below the threshold, in minor units (default $5.99). */
  SHIPPING_FLAT_RATE: wholeNumber(0, 100_000_000).default(599),
});

export type CartConfig = z.infer<typeof cartVars>;

/** The validated vars of `env`; throws a clear error naming every bad var. */
export function cartConfig(env: object): CartConfig {
  return parseEnv(cartVars, env);
}

/** The money module's settings from the vars. */
export function totalsConfig(config: CartConfig): TotalsConfig {
  return {
    taxRateBps: config.TAX_RATE_BPS,
    freeShippingThreshold: config.FREE_SHIPPING_THRESHOLD,
    shippingFlatRate: config.SHIPPING_FLAT_RATE,
  };
}
