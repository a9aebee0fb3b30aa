import type { Hono } from "hono";
import { z } from "zod";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";
import { validate } from "../shared/validate";
import { skuSchema } from "./inventory.schemas";
import type { Env } from "./worker-configuration";

/** At most this many SKUs per request: each is one Durable Object call, made in parallel. */
export const MAX_SEED_ITEMS = 500;

/** The reason logged in each SKU's stock history. */
export const SEED_REASON = "initial stock (demo seed)";

const seedItemSchema = z.object({
  sku: skuSchema,
  onHand: z.number().int().min(0).max(1_000_000),
  lowStockThreshold: z.number().int().min(0).max(1_000_000),
});

export const stockSeedSchema = z
  .array(seedItemSchema)
  .min(1)
  .max(MAX_SEED_ITEMS)
  .refine((items) => new Set(items.map((i) => i.sku)).size === items.length, {
    message: "Each SKU may appear once per request.",
  });

export type StockSeedItem = z.infer<typeof seedItemSchema>;

/** How a seed request went: SKUs stocked now, and SKUs left alone because they had stock history. */
export interface StockSeedResult {
  seeded: number;
  skipped: number;
}

/**
 * Development-only routes of the inventory worker, reached through the edge at `/dev/inventory/*`.
 *
 * `POST /dev/inventory/seed` with `[{sku, onHand, lowStockThreshold}]` gives each SKU's StockDO
 * its starting stock, but only a StockDO that has never been stocked (`StockDO.initialise`), so
 * `npm run dev` can call it on every start without undoing sales or stock counts made since.
 * Outside development it does not exist (404), like every `/dev/*` tool.
 */
export function inventoryDevRoutes(app: Hono<WorkerHono<Env>>): void {
  app.use("/dev/inventory/*", async function developmentOnly(c, next) {
    if (c.env.ENVIRONMENT !== "development") {
      throw new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`);
    }
    await next();
  });

  app.post("/dev/inventory/seed", validate("json", stockSeedSchema), async (c) => {
    const items = c.req.valid("json");
    const results = await Promise.all(
      items.map((item) =>
        c.env.STOCK.getByName(item.sku).initialise(item.onHand, item.lowStockThreshold, SEED_REASON),
      ),
    );
    const seeded = results.filter((r) => r.applied).length;
    return c.json({ seeded, skipped: items.length - seeded } satisfies StockSeedResult);
  });
}
