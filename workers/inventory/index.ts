import { WorkerEntrypoint } from "cloudflare:workers";
import { AppError, fieldErrors } from "../shared/errors";
import { inventoryRoutes } from "./inventory.routes";
import {
  type Availability,
  MAX_AVAILABILITY_SKUS,
  type Reservation,
  type ReservationSettlement,
  type StockChange,
  type StockSnapshot,
  skuSchema,
} from "./inventory.schemas";
import { adjust, reserve, reshard, setOnHand, settle, stockOf } from "./stock.service";
import type { Env } from "./worker-configuration";

export { StockDO } from "../../durable-objects/stock.do";

function checkedSku(sku: string): string {
  const parsed = skuSchema.safeParse(sku);
  if (!parsed.success) {
    throw new AppError("validation_failed", `Not a SKU: ${JSON.stringify(sku)}.`, {
      errors: fieldErrors(parsed.error.issues),
    });
  }
  return parsed.data;
}

/**
 * Stock for other workers over a service binding: catalog reads it, cart checks it, orders
 * reserves, commits, releases and restocks it. Every method takes care of split (sharded) SKUs,
 * so callers never see shards. Refusals (out of stock, expired) are values, not throws.
 */
export class InventoryService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The stock of one SKU (summed over its shards); a SKU never stocked reads as 0 on hand. */
  async getStock(sku: string): Promise<StockSnapshot> {
    const { shards: _shards, ...snapshot } = await stockOf(this.env.STOCK, checkedSku(sku));
    return snapshot;
  }

  /** Units that can be bought now for each of `skus` (at most 100), read in parallel. */
  async availability(skus: string[]): Promise<Availability> {
    const unique = [...new Set(skus)];
    if (unique.length > MAX_AVAILABILITY_SKUS) {
      throw new AppError("validation_failed", `At most ${MAX_AVAILABILITY_SKUS} SKUs per availability call.`);
    }
    const snapshots = await Promise.all(unique.map((sku) => stockOf(this.env.STOCK, checkedSku(sku))));
    return Object.fromEntries(snapshots.map((s) => [s.sku, Math.max(0, s.available)]));
  }

  /** Holds `quantity` units of `sku` for `orderId` for `ttlSeconds`, or says how many are available. */
  async reserve(sku: string, orderId: string, quantity: number, ttlSeconds: number): Promise<Reservation> {
    return reserve(this.env.STOCK, checkedSku(sku), orderId, quantity, ttlSeconds);
  }

  /** Sells the order's reserved units (idempotent; refused once the reservation expired). */
  async commit(sku: string, orderId: string): Promise<ReservationSettlement> {
    return settle(this.env.STOCK, checkedSku(sku), orderId, "commit");
  }

  /** Hands the order's reserved units back (idempotent; 0 units for an order holding none). */
  async release(sku: string, orderId: string): Promise<ReservationSettlement> {
    return settle(this.env.STOCK, checkedSku(sku), orderId, "release");
  }

  /** Puts a committed order's units back on hand (cancelled or refunded after payment; idempotent). */
  async restock(sku: string, orderId: string): Promise<ReservationSettlement> {
    return settle(this.env.STOCK, checkedSku(sku), orderId, "restock");
  }

  /** Adds `delta` units on hand (negative removes); refused below the reserved units. */
  async adjust(sku: string, delta: number, reason: string): Promise<StockChange> {
    return adjust(this.env.STOCK, checkedSku(sku), delta, reason);
  }

  /** Sets the units on hand (a stock count); refused below the reserved units. */
  async setStock(sku: string, onHand: number, reason: string): Promise<StockChange> {
    return setOnHand(this.env.STOCK, checkedSku(sku), onHand, reason);
  }

  /** Splits a hot SKU's stock over `shards` objects (1 joins it back into one). */
  async setShards(sku: string, shards: number): Promise<StockSnapshot & { shards: number }> {
    return reshard(this.env.STOCK, checkedSku(sku), shards);
  }
}

export default {
  fetch: inventoryRoutes.fetch,
} satisfies ExportedHandler<Env>;
