import { createMiddleware } from "hono/factory";
import type { EdgeEnv } from "../edge/edge-env";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";

/**
 * A seller manages the stock of their own products only. Inventory cannot tell (the catalog
 * knows who sells a SKU, and inventory binding catalog would make the two depend on each other),
 * so the gateway asks the catalog before forwarding a seller's `/api/inventory/:sku` request.
 * Another seller's SKU, or one the catalog does not know, answers 404 exactly like a SKU nobody
 * stocked would for a customer asking about another's resource. Admins pass; other roles are
 * refused by inventory itself; `/api/inventory/low-stock` is served (and scoped) by the catalog.
 */
export const sellerOwnsStock = createMiddleware<WorkerHono<EdgeEnv>>(async function sellerOwnsStock(c, next) {
  const caller = c.get("caller");
  const sku = c.req.param("sku");
  if (caller?.role !== "seller" || !sku || sku === "low-stock") return next();
  const [detail] = await c.env.CATALOG_RPC.skuDetails([decodeURIComponent(sku)]).catch(() => {
    throw new AppError("bad_gateway", "The catalog failed to answer who sells this SKU.");
  });
  if (detail?.sellerId !== caller.userId) {
    throw new AppError("not_found", `No stock record of ${sku} among your products.`);
  }
  return next();
});
