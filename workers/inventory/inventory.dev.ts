import type { Hono } from "hono";
import { z } from "zod";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";
import { validate } from "../shared/validate";
import { skuSchema } from "./inventory.schemas";
import { reserve } from "./stock.service";
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

/** `POST /dev/inventory/reserve`: one reservation, as orders makes them (benchmarks and demos). */
const devReserveSchema = z.object({
  sku: skuSchema,
  orderId: z.string().min(1).max(100),
  quantity: z.number().int().min(1).max(1_000),
  ttlSeconds: z.number().int().min(1).max(86_400).default(600),
});

/** `POST /dev/inventory/reserve-burst`: many reservations at once, timed inside the worker. */
const reserveBurstSchema = z.object({
  sku: skuSchema,
  count: z.number().int().min(1).max(5_000),
  concurrency: z.number().int().min(1).max(200),
  prefix: z.string().min(1).max(40),
});

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
 * `POST /dev/inventory/reserve` with `{sku, orderId, quantity, ttlSeconds?}` makes one reservation
 * through the same coordinator checkout uses (200 with the hold, 409 out_of_stock with the
 * available count): `npm run bench:stock` measures reservations per second with it.
 *
 * `POST /dev/inventory/reserve-burst` with `{sku, count, concurrency, prefix}` makes `count`
 * reservations of 1 unit, `concurrency` at a time, from inside the worker, and answers how long
 * they took: the StockDOs' own throughput, without the local HTTP stack in front of them.
 *
 * Outside development they do not exist (404), like every `/dev/*` tool.
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

  app.post("/dev/inventory/reserve", validate("json", devReserveSchema), async (c) => {
    const { sku, orderId, quantity, ttlSeconds } = c.req.valid("json");
    const held = await reserve(c.env.STOCK, sku, orderId, quantity, ttlSeconds);
    if (held.ok) return c.json(held);
    if (held.code === "out_of_stock") {
      throw new AppError("out_of_stock", `Only ${held.available} of ${sku} available.`, {
        extensions: { sku, available: held.available },
      });
    }
    throw new AppError("conflict", held.detail);
  });

  app.post("/dev/inventory/reserve-burst", validate("json", reserveBurstSchema), async (c) => {
    const { sku, count, concurrency, prefix } = c.req.valid("json");
    let next = 0;
    let held = 0;
    let refused = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < count) {
        const orderId = `${prefix}-${next++}`;
        const result = await reserve(c.env.STOCK, sku, orderId, 1, 3_600);
        if (result.ok) held++;
        else refused++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // performance.now() only advances across I/O in workerd, which every reservation is.
    const ms = performance.now() - started;
    return c.json({ count, held, refused, ms, perSecond: Math.round((count / ms) * 1000) });
  });
}
