import type { CouponsDO } from "../../durable-objects/coupons.do";
import { COUPONS_OBJECT } from "../../durable-objects/coupons.do";
import type { SkuDetail } from "../catalog/sku-details.schemas";
import { computeTotals, type DiscountTerms, money } from "../shared/money";
import { type CartConfig, cartConfig, totalsConfig } from "./cart.config";
import type {
  CartCoupon,
  CartNotice,
  CartOutcome,
  CartRefusal,
  CartState,
  PricedCart,
  PricedCartResult,
  PricedLine,
} from "./cart.schemas";
import type { CouponCheck } from "./coupon.schemas";
import type { Env } from "./worker-configuration";

/** Cart reads and edits: plain functions over the cart's dependencies (no Hono here). */

/** Live SKU details; the catalog's `CatalogService` over RPC in production. */
export interface SkuCatalog {
  skuDetails(skus: string[]): Promise<SkuDetail[]>;
}

/** Units that can be bought now; the inventory's `InventoryService` over RPC in production. */
export interface StockLevels {
  availability(skus: string[]): Promise<Record<string, number>>;
}

export interface CartDeps {
  carts: Env["CARTS"];
  coupons: DurableObjectStub<CouponsDO>;
  catalog: SkuCatalog;
  inventory: StockLevels;
  config: CartConfig;
}

/** The cart worker's dependencies from its env (vars validated once per isolate). */
export function cartDeps(env: Env): CartDeps {
  return {
    carts: env.CARTS,
    coupons: env.COUPONS.getByName(COUPONS_OBJECT),
    catalog: env.CATALOG,
    inventory: env.INVENTORY,
    config: cartConfig(env),
  };
}

/** Who is looking at a cart, for per-customer coupon limits (`user:<id>`), or null if unknown. */
export type CustomerKey = string | null;

const ZERO_NOTICES: readonly CartNotice[] = [];

/**
 * Prices a cart live: names, options, images and prices from the catalog, available units from
 * inventory, the coupon checked again (it may have expired, or the subtotal fallen under its
 * minimum). Lines that can no longer be bought (product or variant archived or gone, or priced in
 * another currency than the cart's first line) drop out of the cart, in storage too, each with a
 * `removed_unavailable` notice. A coupon that fails a rule stays attached with no discount and a
 * `coupon_not_applied` notice, so it applies again by itself once the rule is met.
 */
export async function priceCart(
  deps: CartDeps,
  state: CartState,
  customer: CustomerKey,
  earlier: readonly CartNotice[] = ZERO_NOTICES,
): Promise<PricedCart> {
  const notices: CartNotice[] = [...earlier];
  const skus = state.lines.map((l) => l.sku);
  const [details, available] =
    skus.length === 0
      ? [[], {}]
      : await Promise.all([deps.catalog.skuDetails(skus), deps.inventory.availability(skus)]);
  const bySku = new Map(details.map((d) => [d.sku, d]));
  const currency = state.lines.map((l) => bySku.get(l.sku)).find((d) => d?.purchasable)?.unitPrice.currency;
  const lines: PricedLine[] = [];
  const dropped: string[] = [];
  for (const line of state.lines) {
    const detail = bySku.get(line.sku);
    if (!detail?.purchasable || detail.unitPrice.currency !== currency) {
      dropped.push(line.sku);
      const why = detail?.purchasable
        ? `is priced in ${detail.unitPrice.currency}, unlike the rest of your cart,`
        : "is no longer available";
      notices.push({
        code: "removed_unavailable",
        sku: line.sku,
        message: `${detail?.name ?? line.sku} ${why} and was removed from your cart.`,
      });
      continue;
    }
    const units = available[line.sku] ?? 0;
    if (line.quantity > units) {
      notices.push({
        code: "insufficient_stock",
        sku: line.sku,
        available: units,
        message:
          units === 0
            ? `${detail.name} is out of stock right now.`
            : `Only ${units} of ${detail.name} can be bought right now; lower the quantity to check out.`,
      });
    }
    lines.push({
      sku: line.sku,
      productId: detail.productId,
      slug: detail.slug,
      name: detail.name,
      options: detail.options,
      image: detail.image,
      quantity: line.quantity,
      unitPrice: detail.unitPrice,
      lineTotal: money(detail.unitPrice.amount * line.quantity, detail.unitPrice.currency),
      available: units,
    });
  }
  const config = totalsConfig(deps.config);
  const subtotal = computeTotals({ lines, coupon: null, config }).subtotal.amount;
  const check = state.couponCode
    ? await deps.coupons.check(state.couponCode, { subtotal, userKey: customer, at: Date.now() })
    : null;
  const couponGone = check !== null && !check.ok && check.coupon === null;
  if (dropped.length > 0 || couponGone)
    await deps.carts.getByName(state.id).dropUnavailable(dropped, couponGone);
  if (couponGone) {
    notices.push({
      code: "coupon_removed",
      message: `Coupon ${state.couponCode} no longer exists and was removed from your cart.`,
    });
  } else if (check && !check.ok) {
    notices.push({ code: "coupon_not_applied", rule: check.rule, message: check.detail });
  }
  const terms: DiscountTerms | null = check?.ok ? check.coupon : null;
  const totals = computeTotals({ lines, coupon: terms, config });
  return {
    id: state.id,
    kind: state.kind,
    lines,
    coupon: couponGone || !check ? null : cartCoupon(check, totals.discount),
    totals,
    notices,
    locked: state.lock !== null,
  };
}

function cartCoupon(check: CouponCheck, discount: PricedCart["totals"]["discount"]): CartCoupon {
  const coupon = check.coupon!;
  return {
    code: coupon.code,
    kind: coupon.kind,
    value: coupon.value,
    minOrder: coupon.minOrder,
    applied: check.ok,
    rule: check.ok ? null : check.rule,
    discount: check.ok ? discount : money(0, discount.currency),
  };
}

/** A CartDO outcome as the priced cart, or the refusal as it is. */
export async function priced(
  deps: CartDeps,
  outcome: CartOutcome,
  customer: CustomerKey,
  notices?: readonly CartNotice[],
): Promise<PricedCartResult> {
  if (!outcome.ok) return outcome;
  return { ok: true, cart: await priceCart(deps, outcome.cart, customer, notices) };
}

/** A new, empty guest cart. */
export async function createCart(deps: CartDeps, id: string, customer: CustomerKey): Promise<PricedCart> {
  return priceCart(deps, await deps.carts.getByName(id).create(), customer);
}

/** The cart `id` (a user's cart is created on first use; a guest cart must exist). */
export async function readCart(deps: CartDeps, id: string, customer: CustomerKey): Promise<PricedCartResult> {
  return priced(deps, await deps.carts.getByName(id).read(), customer);
}

/**
 * Whether `sku` can be bought, with its units available now; a SKU the catalog does not know or
 * that cannot be bought is `not_found` (as its product page is).
 */
async function sellable(deps: CartDeps, sku: string): Promise<{ available: number } | CartRefusal> {
  const [details, available] = await Promise.all([
    deps.catalog.skuDetails([sku]),
    deps.inventory.availability([sku]),
  ]);
  if (!details[0]?.purchasable) {
    return { ok: false, code: "not_found", detail: `No product you can buy has SKU ${sku}.` };
  }
  return { available: available[sku] ?? 0 };
}

/** Adds units of a SKU; refused past the stock available now, the per-line or the line limit. */
export async function addItem(
  deps: CartDeps,
  id: string,
  item: { sku: string; quantity: number },
  customer: CustomerKey,
): Promise<PricedCartResult> {
  const stock = await sellable(deps, item.sku);
  if ("ok" in stock) return stock;
  const outcome = await deps.carts.getByName(id).addItem(item.sku, item.quantity, stock.available);
  return priced(deps, outcome, customer);
}

/** Sets a line's quantity; refused past the stock available now. */
export async function setItemQuantity(
  deps: CartDeps,
  id: string,
  item: { sku: string; quantity: number },
  customer: CustomerKey,
): Promise<PricedCartResult> {
  const stock = await sellable(deps, item.sku);
  if ("ok" in stock) return stock;
  const outcome = await deps.carts.getByName(id).setQuantity(item.sku, item.quantity, stock.available);
  return priced(deps, outcome, customer);
}

/** Removes a line. */
export async function removeItem(
  deps: CartDeps,
  id: string,
  sku: string,
  customer: CustomerKey,
): Promise<PricedCartResult> {
  return priced(deps, await deps.carts.getByName(id).removeItem(sku), customer);
}

/**
 * Applies a coupon after checking every rule against the cart's current subtotal and, for a
 * signed-in shopper, their own uses. A failing rule is `coupon_invalid` with the rule's name.
 */
export async function applyCoupon(
  deps: CartDeps,
  id: string,
  code: string,
  customer: CustomerKey,
): Promise<PricedCartResult> {
  const cart = deps.carts.getByName(id);
  const current = await priced(deps, await cart.read(), customer);
  if (!current.ok) return current;
  if (current.cart.locked) {
    return {
      ok: false,
      code: "conflict",
      detail: "This cart is being checked out; it can change again when the checkout ends.",
    };
  }
  const subtotal = current.cart.totals.subtotal.amount;
  const check = await deps.coupons.check(code, { subtotal, userKey: customer, at: Date.now() });
  if (!check.ok) return { ok: false, code: "coupon_invalid", rule: check.rule, detail: check.detail };
  return priced(deps, await cart.setCoupon(check.coupon.code), customer);
}

/** Removes the cart's coupon (fine when there is none). */
export async function removeCoupon(
  deps: CartDeps,
  id: string,
  customer: CustomerKey,
): Promise<PricedCartResult> {
  return priced(deps, await deps.carts.getByName(id).setCoupon(null), customer);
}
