import { createApp } from "../shared/app";
import { requireRole } from "../shared/caller";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import { inventoryDevRoutes } from "./inventory.dev";
import { skuParamSchema } from "./inventory.schemas";
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
// caller learns nothing about which SKUs are well-formed.
inventoryRoutes.use("/api/inventory/*", async function sellersAndAdminsOnly(c, next) {
  requireRole(c.get("caller"), "seller", "admin");
  await next();
});

// `GET /api/inventory/low-stock` (a later issue) must be registered above this route.
inventoryRoutes.get("/api/inventory/:sku", validate("param", skuParamSchema), async (c) => {
  const { sku } = c.req.valid("param");
  return c.json(await c.env.STOCK.getByName(sku).snapshot());
});

// Development-only tools (initial stock for the demo seed); 404 outside development.
inventoryDevRoutes(inventoryRoutes);
