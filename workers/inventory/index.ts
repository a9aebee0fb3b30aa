import { WorkerEntrypoint } from "cloudflare:workers";
import { AppError, fieldErrors } from "../shared/errors";
import { inventoryRoutes } from "./inventory.routes";
import { type StockSnapshot, skuSchema } from "./inventory.schemas";
import type { Env } from "./worker-configuration";

export { StockDO } from "../../durable-objects/stock.do";

/** Stock for other workers (catalog, cart, orders) over a service binding. */
export class InventoryService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The stock of one SKU; a SKU never stocked reads as 0 on hand. */
  async getStock(sku: string): Promise<StockSnapshot> {
    const parsed = skuSchema.safeParse(sku);
    if (!parsed.success) {
      throw new AppError("validation_failed", `Not a SKU: ${JSON.stringify(sku)}.`, {
        errors: fieldErrors(parsed.error.issues),
      });
    }
    return this.env.STOCK.getByName(parsed.data).snapshot();
  }
}

export default {
  fetch: inventoryRoutes.fetch,
} satisfies ExportedHandler<Env>;
