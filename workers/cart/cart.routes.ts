import type { Context } from "hono";
import { z } from "zod";
import { COUPONS_OBJECT } from "../../durable-objects/coupons.do";
import { skuSchema } from "../catalog/products.schemas";
import { createApp, type WorkerHono } from "../shared/app";
import { requireCaller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import {
  addItemInput,
  applyCouponInput,
  mergeInput,
  type PricedCart,
  type PricedCartResult,
  setQuantityInput,
} from "./cart.schemas";
import * as carts from "./cart.service";
import { type CartAddress, cartFor, customerKey, newGuestCartId, userCartId } from "./cart-ids";
import { couponRoutes } from "./coupons.routes";
import { mergeGuestCart } from "./merge.service";
import type { Env } from "./worker-configuration";

/** Cart tokens are `g_`/`u_` names; this name cannot be one, so the probe never reads a real cart. */
const HEALTH_PROBE_OBJECT = "~health";

/** The cart worker's HTTP API (paths as in API.md; the gateway forwards `/api/...` unchanged). */
export const cartRoutes = createApp<Env>();

type CartContext = Context<WorkerHono<Env>>;

/**
 * A refusal of the cart answered as problem+json: its code and detail, and its extra fields
 * (`available`, `inCart`, `limit`, `rule`, ...) as members of the problem.
 */
export function cartOrThrow(result: PricedCartResult): PricedCart {
  if (result.ok) return result.cart;
  const { ok: _ok, code, detail, ...extensions } = result;
  throw new AppError(code, detail, { extensions });
}

/**
 * The cart `:id` names, if the caller may use it. Ids that cannot be carts and other users'
 * carts are 404, exactly like a guest cart that was never created.
 */
function addressed(c: CartContext, id: string): CartAddress {
  const address = cartFor(id, c.get("caller"));
  if (!address) throw new AppError("not_found", `No cart with id ${id}.`);
  return address;
}

function customerOf(c: CartContext): string | null {
  return customerKey({ userId: c.get("caller")?.userId });
}

cartRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("cart", {
    carts: () => c.env.CARTS.getByName(HEALTH_PROBE_OBJECT).ping(),
    coupons: () => c.env.COUPONS.getByName(COUPONS_OBJECT).ping(),
  });
  return c.json(report, status);
});

const cartParam = z.object({ id: z.string() });
const lineParam = z.object({ id: z.string(), sku: skuSchema });

cartRoutes.post("/api/carts", async (c) => {
  return c.json(await carts.createCart(carts.cartDeps(c.env), newGuestCartId(), customerOf(c)), 201);
});

cartRoutes.get("/api/carts/:id", validate("param", cartParam), async (c) => {
  const { id } = addressed(c, c.req.valid("param").id);
  return c.json(cartOrThrow(await carts.readCart(carts.cartDeps(c.env), id, customerOf(c))));
});

cartRoutes.post(
  "/api/carts/:id/items",
  validate("param", cartParam),
  validate("json", addItemInput),
  async (c) => {
    const { id } = addressed(c, c.req.valid("param").id);
    const result = await carts.addItem(carts.cartDeps(c.env), id, c.req.valid("json"), customerOf(c));
    return c.json(cartOrThrow(result));
  },
);

cartRoutes.patch(
  "/api/carts/:id/items/:sku",
  validate("param", lineParam),
  validate("json", setQuantityInput),
  async (c) => {
    const param = c.req.valid("param");
    const { id } = addressed(c, param.id);
    const item = { sku: param.sku, quantity: c.req.valid("json").quantity };
    return c.json(cartOrThrow(await carts.setItemQuantity(carts.cartDeps(c.env), id, item, customerOf(c))));
  },
);

cartRoutes.delete("/api/carts/:id/items/:sku", validate("param", lineParam), async (c) => {
  const param = c.req.valid("param");
  const { id } = addressed(c, param.id);
  return c.json(cartOrThrow(await carts.removeItem(carts.cartDeps(c.env), id, param.sku, customerOf(c))));
});

cartRoutes.post(
  "/api/carts/:id/coupon",
  validate("param", cartParam),
  validate("json", applyCouponInput),
  async (c) => {
    const { id } = addressed(c, c.req.valid("param").id);
    const { code } = c.req.valid("json");
    return c.json(cartOrThrow(await carts.applyCoupon(carts.cartDeps(c.env), id, code, customerOf(c))));
  },
);

cartRoutes.delete("/api/carts/:id/coupon", validate("param", cartParam), async (c) => {
  const { id } = addressed(c, c.req.valid("param").id);
  return c.json(cartOrThrow(await carts.removeCoupon(carts.cartDeps(c.env), id, customerOf(c))));
});

cartRoutes.get("/api/cart", async (c) => {
  const caller = requireCaller(c.get("caller"));
  const result = await carts.readCart(carts.cartDeps(c.env), userCartId(caller.userId), customerOf(c));
  return c.json(cartOrThrow(result));
});

// Checked for a caller before the body, so an anonymous request learns nothing from validation.
cartRoutes.post(
  "/api/cart/merge",
  async function signedInOnly(c, next) {
    requireCaller(c.get("caller"));
    await next();
  },
  validate("json", mergeInput),
  async (c) => {
    const caller = requireCaller(c.get("caller"));
    const { guestCartId } = c.req.valid("json");
    return c.json(cartOrThrow(await mergeGuestCart(carts.cartDeps(c.env), caller.userId, guestCartId)));
  },
);

couponRoutes(cartRoutes);
