import { createApp } from "../shared/app";
import { requireRole } from "../shared/caller";
import { AppError } from "../shared/errors";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import { inventoryDevRoutes } from "./inventory.dev";
import { shardsBodySchema, skuParamSchema, stockPatchSchema } from "./inventory.schemas";
import { adjust, reshard, setOnHand, stockOf } from "./stock.service";
import type { Env } from "./worker-configuration";

/** A name no SKU can have (see skuSchema), so the health probe never touches real stock. */
const HEALTH_PROBE_OBJECT = "~health";

/** The inventory worker's HTTP API: stock administration for sellers and admins. */
export const inventoryRoutes = createApp<Env>();

inventoryRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("inventory", {
    stock: () => c.env.STOCK.getByName(HEALTH_PROBE_OBJECT).ping(),
  });
  return c.json(report, status);
});

// Every stock route is for sellers and admins; checking before validation means an anonymous
// caller learns nothing about which SKUs are well-formed. (`GET /api/inventory/low-stock` is
// served by the catalog, which knows who sells what; the gateway routes it there.)
inventoryRoutes.use("/api/inventory/*", async function sellersAndAdminsOnly(c, next) {
  requireRole(c.get("caller"), "seller", "admin");
  await next();
});

/** The inventory record (API.md), with the number of shards the SKU is split over. */
inventoryRoutes.get("/api/inventory/:sku", validate("param", skuParamSchema), async (c) => {
  const { sku } = c.req.valid("param");
  return c.json(await stockOf(c.env.STOCK, sku));
});

inventoryRoutes.patch(
  "/api/inventory/:sku",
  validate("param", skuParamSchema),
  validate("json", stockPatchSchema),
  async (c) => {
    const { sku } = c.req.valid("param");
    const body = c.req.valid("json");
    const reason = body.reason ?? "";
    const change =
      body.set !== undefined
        ? await setOnHand(c.env.STOCK, sku, body.set, reason)
        : body.adjust !== undefined
          ? await adjust(c.env.STOCK, sku, body.adjust, reason)
          : null;
    if (change && !change.ok)
      throw new AppError("conflict", change.detail, { extensions: { stock: change.stock } });
    // The threshold lives on the SKU's primary object, which checks it for the whole SKU.
    if (body.lowStockThreshold !== undefined) {
      await c.env.STOCK.getByName(sku).setLowStockThreshold(body.lowStockThreshold);
    }
    return c.json(await stockOf(c.env.STOCK, sku));
  },
);

/** Admin: split a hot SKU over N shards (1 joins it back), so a flash sale is not one object's queue. */
inventoryRoutes.put(
  "/api/inventory/:sku/shards",
  validate("param", skuParamSchema),
  validate("json", shardsBodySchema),
  async (c) => {
    requireRole(c.get("caller"), "admin");
    const { sku } = c.req.valid("param");
    return c.json(await reshard(c.env.STOCK, sku, c.req.valid("json").shards));
  },
);

// Development-only tools (initial stock for the demo seed); 404 outside development.
inventoryDevRoutes(inventoryRoutes);
