import { z } from "zod";

/**
 * Request and response shapes of `GET /api/inventory/low-stock`, shared with the storefront's
 * admin pages. Imports nothing but zod.
 */

/** `?page=1&limit=24` (API.md "Lists"). */
export const lowStockQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(24),
});
export type LowStockQuery = z.infer<typeof lowStockQuerySchema>;

/** `out_of_stock` when nothing can be bought, else `low_stock` (at or below the threshold). */
export type LowStockStatus = "low_stock" | "out_of_stock";

/** A SKU at or below its low-stock threshold, as the catalog's stock projection last saw it. */
export interface LowStockItem {
  sku: string;
  productId: string;
  productName: string;
  options: Record<string, string>;
  available: number;
  lowStockThreshold: number;
  status: LowStockStatus;
}

/** A page of the low-stock list (API.md "Lists"). */
export interface LowStockPage {
  items: LowStockItem[];
  total: number;
  page: number;
  limit: number;
}
