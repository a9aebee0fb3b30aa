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

/** At most this many SKUs per `availability` call (each is a Durable Object read, in parallel). */
export const MAX_AVAILABILITY_SKUS = 100;

/** Units that can be bought now, per SKU (a SKU never stocked counts 0). */
export type Availability = Record<string, number>;

/** The outcome of `reserve`: a hold on units for an order until `expiresAt` (epoch ms). */
export type Reservation =
  | { ok: true; sku: string; orderId: string; quantity: number; expiresAt: number }
  | { ok: false; code: "out_of_stock"; sku: string; requested: number; available: number }
  | { ok: false; code: "conflict"; sku: string; detail: string };

/**
 * The outcome of `commit` (units sold), `release` (units handed back) or `restock` (sold units
 * back on hand); all idempotent. `quantity` is the units settled for the order.
 */
export type ReservationSettlement =
  | {
      ok: true;
      sku: string;
      orderId: string;
      quantity: number;
      state: "committed" | "released" | "restocked";
    }
  | { ok: false; code: "not_found" | "expired" | "conflict"; sku: string; orderId: string; detail: string };

/**
 * `PATCH /api/inventory/:sku`: `{set}` (a stock count: the new units on hand) or `{adjust}` (a
 * delta: a delivery, damage, a correction), with the `reason` the audit log keeps; optionally a
 * new `lowStockThreshold`, also on its own.
 */
export const stockPatchSchema = z
  .object({
    set: z.number().int().min(0).max(10_000_000).optional(),
    adjust: z
      .number()
      .int()
      .min(-10_000_000)
      .max(10_000_000)
      .refine((d) => d !== 0, "adjust must not be 0.")
      .optional(),
    reason: z.string().trim().min(1).max(200).optional(),
    lowStockThreshold: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.set !== undefined && body.adjust !== undefined) {
      ctx.addIssue({ code: "custom", path: ["adjust"], message: "Send either set or adjust, not both." });
    }
    if (body.set === undefined && body.adjust === undefined && body.lowStockThreshold === undefined) {
      ctx.addIssue({ code: "custom", path: ["set"], message: "Send set, adjust or lowStockThreshold." });
    }
    if ((body.set !== undefined || body.adjust !== undefined) && body.reason === undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "A reason is required for a stock change." });
    }
  });

/** `PUT /api/inventory/:sku/shards`: how many Durable Objects share a hot SKU's stock. */
export const shardsBodySchema = z.object({ shards: z.number().int().min(1).max(16) }).strict();
