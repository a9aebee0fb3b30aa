import { z } from "zod";

/**
 * A `shop-stock-levels` message: a SKU's stock as its StockDO last saw it, for the catalog's
 * projection (listing stock status, the `inStock` filter, the low-stock list). StockDOs send one
 * at most every couple of seconds per SKU, after the change settled, so a flash sale does not
 * become a message per sale. `at` orders them: a consumer ignores a level older than the one it
 * holds, so a late or repeated message never moves the projection backwards.
 */
export const stockLevelMessage = z.object({
  sku: z.string().min(1).max(64),
  available: z.number().int().nonnegative(),
  onHand: z.number().int().nonnegative(),
  lowStockThreshold: z.number().int().nonnegative(),
  at: z.number().int().positive(),
});
export type StockLevelMessage = z.infer<typeof stockLevelMessage>;
