import { sql } from "drizzle-orm";
import { products, productVariants } from "../../../db/catalog/schema";
import { db, makeCategory, makeProduct, unique } from "../../catalog/test/factories";
import type { Caller } from "../../shared/caller";
import type { PricedCart } from "../cart.schemas";
import type { Coupon, CouponCreateInput } from "../coupon.schemas";
import { api, testEnv } from "./harness";

/**
 * Factories for cart tests. Products go straight into the catalog's database (the cart project
 * binds it with the catalog worker's id, so the catalog worker reads the same rows), stock goes
 * through the inventory worker's RPC. Storage is shared by the tests of one file, so every
 * factory makes unique SKUs, users and coupon codes.
 */

export const admin: Caller = { userId: "admin-cart", role: "admin" };

/** A new customer (each with its own id). */
export function customer(): Caller {
  return { userId: unique("user"), role: "customer" };
}

export interface Sellable {
  productId: string;
  slug: string;
  sku: string;
  name: string;
}

/**
 * An active product with one active variant at `price` minor units, and `stock` units on hand.
 * `stock: null` leaves the SKU never stocked (0 available).
 */
export async function sellable(
  options: { price?: number; stock?: number | null; options?: Record<string, string> } = {},
): Promise<Sellable> {
  const category = await makeCategory();
  const name = unique("Trail Mug");
  const product = await makeProduct({
    categoryId: category.id,
    name,
    variants: [{ price: options.price ?? 1000, options: options.options ?? { colour: "blue" } }],
  });
  const sku = product.skus[0]!;
  const stock = options.stock === undefined ? 20 : options.stock;
  if (stock !== null) await setStock(sku, stock);
  return { productId: product.id, slug: product.slug, sku, name };
}

/** Sets a SKU's units on hand through the inventory worker. */
export async function setStock(sku: string, onHand: number): Promise<void> {
  const change = await testEnv.INVENTORY.setStock(sku, onHand, "cart test stock");
  if (!change.ok) throw new Error(`could not stock ${sku}: ${change.detail}`);
}

/** Archives a product, as a seller deleting it does. */
export async function archiveProduct(productId: string): Promise<void> {
  await db().update(products).set({ status: "archived" }).where(sql`id = ${productId}`);
}

/** Archives one variant. */
export async function archiveVariant(sku: string): Promise<void> {
  await db().update(productVariants).set({ status: "archived" }).where(sql`sku = ${sku}`);
}

/** A new guest cart's id. */
export async function newCart(as?: Caller): Promise<string> {
  const res = await api<PricedCart>("POST", "/api/carts", { as });
  if (res.status !== 201) throw new Error(`POST /api/carts answered ${res.status}`);
  return res.body.id;
}

/** Adds units to a cart and returns the priced cart (throws unless 200). */
export async function add(cartId: string, sku: string, quantity: number, as?: Caller): Promise<PricedCart> {
  const res = await api<PricedCart>("POST", `/api/carts/${cartId}/items`, { as, body: { sku, quantity } });
  if (res.status !== 200)
    throw new Error(`adding ${sku} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A unique coupon code. */
export function couponCode(prefix = "SAVE"): string {
  return `${prefix}${crypto.randomUUID().slice(0, 8)}`.toUpperCase();
}

/** Creates a coupon as an admin (a 10% coupon with a fresh code unless told otherwise). */
export async function makeCoupon(terms: Partial<CouponCreateInput> = {}): Promise<Coupon> {
  const body = { code: couponCode(), kind: "percent", value: 10, ...terms };
  const res = await api<Coupon>("POST", "/api/coupons", { as: admin, body });
  if (res.status !== 201)
    throw new Error(`creating a coupon answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
