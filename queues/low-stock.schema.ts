import { z } from "zod";

/** A `shop-low-stock` message: a SKU's available units fell to or below its threshold. */
export const lowStockMessage = z.object({
  sku: z.string().min(1).max(64),
  available: z.number().int(),
  threshold: z.number().int().nonnegative(),
  at: z.number().int(),
});
export type LowStockMessage = z.infer<typeof lowStockMessage>;
