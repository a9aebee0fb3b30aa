import { eq, sql } from "drizzle-orm";
import { orders, orderTasks } from "../../../db/orders/schema";
import type { PaymentEventMessage } from "../../../queues/payment-events.schema";
import { call as callJson, type JsonResponse } from "../../../test/http";
import type { PricedCart } from "../../cart/cart.schemas";
import type { Coupon, CouponCreateInput } from "../../cart/coupon.schemas";
import type { StockSnapshot } from "../../inventory/inventory.schemas";
import type { Caller } from "../../shared/caller";
import type { CheckoutInput, CheckoutResponse, Order } from "../orders.schemas";
import { ordersDb } from "../orders.service";
import { api, cartApi, catalogDatabase, testEnv } from "./harness";

/**
 * Factories for orders tests. Products go straight into the catalog's database (this project
 * binds it with the catalog worker's id), stock goes through the inventory worker's RPC, carts and
 * coupons through the cart worker's HTTP API. Storage is shared by the tests of one file, so
 * every factory makes unique SKUs, users, carts and keys.
 */

export const db = () => ordersDb(testEnv.ORDERS_DB);

export const admin: Caller = { userId: "admin-orders", role: "admin" };

/** A new customer (each with its own id). */
export function customer(): Caller {
  return { userId: unique("user"), role: "customer" };
}

export interface Sellable {
  productId: string;
  sku: string;
  name: string;
}

/** A unique lowercase token, e.g. for ids. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * An active product with one active variant at `price` minor units and `stock` units on hand. The
 * rows are written with plain SQL (only the columns of the catalog's migrations that need a value),
 * so these tests do not depend on the catalog's drizzle schema.
 */
export async function sellable(
  options: { price?: number; stock?: number; options?: Record<string, string>; sku?: string } = {},
): Promise<Sellable> {
  const slug = unique("trail-mug");
  const productId = `prod-${slug}`;
  const categoryId = `cat-${slug}`;
  const name = `Trail Mug ${slug.slice(-8)}`;
  const sku = options.sku ?? `MUG-${crypto.randomUUID().slice(0, 8)}`.toUpperCase();
  const price = options.price ?? 1000;
  const now = Date.now();
  const catalog = catalogDatabase;
  await catalog.batch([
    catalog
      .prepare("INSERT INTO categories (id, slug, name, created_at) VALUES (?, ?, ?, ?)")
      .bind(categoryId, categoryId, categoryId, now),
    catalog
      .prepare(
        `INSERT INTO products (id, slug, name, category_id, status, seller_id, min_price, primary_image_key,
           created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', 'seller-orders', ?, ?, ?, ?)`,
      )
      .bind(productId, slug, name, categoryId, price, `placeholder/${slug}.svg`, now, now),
    catalog
      .prepare(
        `INSERT INTO product_variants (sku, product_id, options, price_amount, currency, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'USD', 'active', ?, ?)`,
      )
      .bind(sku, productId, JSON.stringify(options.options ?? { colour: "blue" }), price, now, now),
  ]);
  await setStock(sku, options.stock ?? 20);
  return { productId, sku, name };
}

/** Sets a SKU's units on hand through the inventory worker. */
export async function setStock(sku: string, onHand: number): Promise<void> {
  const change = await testEnv.INVENTORY.setStock(sku, onHand, "orders test stock");
  if (!change.ok) throw new Error(`could not stock ${sku}: ${change.detail}`);
}

/** A SKU's stock, from the inventory worker. */
export function stockOf(sku: string): Promise<StockSnapshot> {
  return testEnv.INVENTORY.getStock(sku);
}

/** A new guest cart's id; with `as`, that user's own cart (`u_<userId>`), created by its first line. */
export async function newCart(as?: Caller): Promise<string> {
  if (as) return `u_${as.userId}`;
  const res = await cartApi<PricedCart>("POST", "/api/carts");
  if (res.status !== 201) throw new Error(`POST /api/carts answered ${res.status}`);
  return res.body.id;
}

/** Adds units to a cart (throws unless 200). */
export async function add(cartId: string, sku: string, quantity: number, as?: Caller): Promise<PricedCart> {
  const res = await cartApi<PricedCart>("POST", `/api/carts/${cartId}/items`, {
    as,
    body: { sku, quantity },
  });
  if (res.status !== 200)
    throw new Error(`adding ${sku} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Reads a cart as its owner. */
export function readCart(cartId: string, as?: Caller): Promise<JsonResponse<PricedCart>> {
  return cartApi<PricedCart>("GET", `/api/carts/${cartId}`, { as });
}

/** Creates a coupon as an admin (10% off with a fresh code unless told otherwise). */
export async function makeCoupon(terms: Partial<CouponCreateInput> = {}): Promise<Coupon> {
  const body = {
    code: `SAVE${crypto.randomUUID().slice(0, 8)}`.toUpperCase(),
    kind: "percent",
    value: 10,
    ...terms,
  };
  const res = await cartApi<Coupon>("POST", "/api/coupons", { as: admin, body });
  if (res.status !== 201)
    throw new Error(`creating a coupon answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A coupon as the admin API shows it (its `used` count). */
export async function couponOf(code: string): Promise<Coupon> {
  return (await cartApi<Coupon>("GET", `/api/coupons/${code}`, { as: admin })).body;
}

/** Applies a coupon to a cart. */
export async function applyCoupon(cartId: string, code: string, as?: Caller): Promise<PricedCart> {
  const res = await cartApi<PricedCart>("POST", `/api/carts/${cartId}/coupon`, { as, body: { code } });
  if (res.status !== 200)
    throw new Error(`applying ${code} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

/** A checkout body for `cartId`. */
export function checkoutBody(cartId: string, overrides: Partial<CheckoutInput> = {}): CheckoutInput {
  return { cartId, email: "ada@example.com", shippingAddress: address, paymentMethod: "card", ...overrides };
}

/** `POST /api/orders` with a fresh Idempotency-Key unless one is given. */
export function checkout(
  cartId: string,
  options: { as?: Caller; key?: string; body?: Partial<CheckoutInput> } = {},
): Promise<JsonResponse<CheckoutResponse>> {
  return api<CheckoutResponse>("POST", "/api/orders", {
    as: options.as,
    body: checkoutBody(cartId, options.body),
    headers: { "idempotency-key": options.key ?? crypto.randomUUID() },
  });
}

/** A guest cart with `quantity` units of a fresh product in stock, checked out; throws unless 201. */
export async function placedOrder(
  options: {
    as?: Caller;
    paymentMethod?: "card" | "cod";
    price?: number;
    quantity?: number;
    stock?: number;
  } = {},
): Promise<{
  order: Order & { accessToken?: string };
  clientSecret: string | null;
  item: Sellable;
  cartId: string;
}> {
  const item = await sellable({ price: options.price ?? 2500, stock: options.stock ?? 10 });
  // A guest cart even for a signed-in customer (allowed): a user's own cart outlives a card order
  // until its payment succeeds, so reusing it would carry earlier lines into the next order.
  const cartId = await newCart();
  await add(cartId, item.sku, options.quantity ?? 2);
  const res = await checkout(cartId, {
    as: options.as,
    body: { paymentMethod: options.paymentMethod ?? "card" },
  });
  if (res.status !== 201) throw new Error(`checkout answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { order: res.body.order, clientSecret: res.body.payment?.clientSecret ?? null, item, cartId };
}

/** A payment event as payments sends it after a verified webhook. */
export function paymentEvent(
  orderId: string,
  kind: PaymentEventMessage["kind"],
  overrides: Partial<PaymentEventMessage> = {},
): PaymentEventMessage {
  return {
    orderId,
    kind,
    paymentIntentId: "pi_test",
    amount: 0,
    currency: "USD",
    eventId: `evt_${crypto.randomUUID()}`,
    at: Date.now(),
    ...overrides,
  };
}

/** The order's row. */
export async function orderRow(id: string) {
  return db().select().from(orders).where(eq(orders.id, id)).get();
}

/** Counts rows of an orders table matching a raw condition. */
export async function countRows(table: string, where: string, ...params: unknown[]): Promise<number> {
  const row = await testEnv.ORDERS_DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** An order's tasks by name, with whether each is done. */
export async function tasksOf(orderId: string): Promise<Record<string, boolean>> {
  const rows = await db().select().from(orderTasks).where(eq(orderTasks.orderId, orderId));
  return Object.fromEntries(rows.map((t) => [t.task, t.doneAt !== null]));
}

/** Polls `check` every 100 ms for up to 10 s: for work a queue delivers on its own schedule. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

/**
 * Waits until the order's `tasks` are done; throws after 10 s. After `pay`, payments' own event
 * reaches this worker's consumer through the real queue (no batch window), and whichever runner
 * claims a follow-up task finishes it: a test waits for that rather than racing it with a
 * delivery of its own.
 */
export async function untilTasksDone(orderId: string, tasks: readonly string[]): Promise<void> {
  const done = await eventually(async () => {
    const state = await tasksOf(orderId);
    return tasks.every((task) => state[task] === true);
  });
  if (!done)
    throw new Error(
      `order ${orderId}: ${tasks.join(", ")} not done: ${JSON.stringify(await tasksOf(orderId))}`,
    );
}

/** Moves an unpaid order's reservation expiry into the past (the StockDO's hold lapses by itself later). */
export async function lapseReservation(orderId: string): Promise<void> {
  await db()
    .update(orders)
    .set({ reservationExpiresAt: sql`${Date.now() - 1000}` })
    .where(eq(orders.id, orderId));
}

/**
 * Pays an order's PaymentIntent at the Stripe emulator with a test card, through the payments
 * worker's development route (which also delivers the emulator's webhooks to payments). Payments
 * then sends its own `shop-payment-events` message; tests deliver the events they assert on
 * themselves, so that message is one more (harmless) duplicate.
 */
export async function pay(orderId: string, card: "visa" | "declined" = "visa"): Promise<{ outcome: string }> {
  const payments = testEnv.PAYMENTS_HTTP;
  if (!payments) throw new Error("PAYMENTS_HTTP is missing: vitest.config.ts gives it to the orders project");
  const res = await callJson<{ outcome: string }>(
    (r) => payments.fetch(r),
    "POST",
    `/dev/payments/${orderId}/pay`,
    {
      body: { card },
    },
  );
  if (res.status !== 200)
    throw new Error(`paying ${orderId} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A card order paid at the emulator and confirmed by payments' own `succeeded` event. */
export async function paidOrder(
  options: { as?: Caller; price?: number; quantity?: number; stock?: number } = {},
) {
  const placed = await placedOrder({ ...options, paymentMethod: "card" });
  await pay(placed.order.id);
  await untilTasksDone(placed.order.id, ["clear_cart", "email_confirmation"]);
  return placed;
}
