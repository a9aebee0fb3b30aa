import { z } from "zod";
import { parseEnv } from "../shared/env";
import type { TotalsConfig } from "../shared/money";

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * The orders worker's vars (wrangler.toml `[vars]`), validated once per isolate. The money rules
 * must be the cart's (workers/cart/wrangler.toml), so an order's totals are the ones the shopper
 * saw; each has the shop's standard value as its default.
 */
export const ordersVars = z.object({
  ENVIRONMENT: z.string().min(1),
  /** The storefront's public origin, for links in order emails. */
  APP_URL: z.url().default("http://localhost:8787"),
  /** How long an unpaid order holds its stock and its cart (default 15 minutes). */
  ORDER_RESERVATION_TTL_SECONDS: wholeNumber(60, 86_400).default(900),
  TAX_RATE_BPS: wholeNumber(0, 10_000).default(800),
  FREE_SHIPPING_THRESHOLD: wholeNumber(0, 100_000_000).default(10_000),
  SHIPPING_FLAT_RATE: wholeNumber(0, 100_000_000).default(599),
});

export type OrdersConfig = z.infer<typeof ordersVars>;

/** The validated vars of `env`; throws a clear error naming every bad var. */
export function ordersConfig(env: object): OrdersConfig {
  return parseEnv(ordersVars, env);
}

/** The money module's settings from the vars. */
export function totalsConfig(config: OrdersConfig): TotalsConfig {
  return {
    taxRateBps: config.TAX_RATE_BPS,
    freeShippingThreshold: config.FREE_SHIPPING_THRESHOLD,
    shippingFlatRate: config.SHIPPING_FLAT_RATE,
  };
}
