import { z } from "zod";

/**
 * A SKU as the shop writes it: letters, digits, `.`, `_` and `-`, starting with a letter or
 * digit. Names outside this set (e.g. `~health`) are therefore free for internal Durable Objects.
 */
export const skuSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "A SKU is 1-64 letters, digits, '.', '_' or '-'.");

export const skuParamSchema = z.object({ sku: skuSchema });

/** The inventory record of one SKU (API.md "Inventory"); always `onHand = available + reserved`. */
export interface StockSnapshot {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
}

/**
 * The outcome of a stock change. A refusal is returned, not thrown: it is an expected answer
 * (409 at the API), and thrown errors lose their type and fields when they cross RPC.
 */
export type StockChange =
  | { ok: true; stock: StockSnapshot }
  | { ok: false; code: "conflict"; detail: string; stock: StockSnapshot };
