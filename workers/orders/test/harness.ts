import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { vi } from "vitest";
import { type OrderStatus, orderLines, orders } from "../../../db/orders/schema";
import { type EmailQueueMessage, emailQueueMessage } from "../../../queues/emails.schema";
import { callAs, type JsonResponse } from "../../../test/http";
import { deliverBatch } from "../../../test/queue";
import type { Caller } from "../../shared/caller";
import worker, { type OrdersService } from "../index";
import { type OrdersDeps, ordersDeps } from "../orders.deps";
import { ordersDb } from "../orders.service";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env & {
  /** Test-only (vitest.config.ts): the cart worker's HTTP API. */
  CART_HTTP?: Fetcher;
  /** Test-only (vitest.config.ts): the payments worker's HTTP API. */
  PAYMENTS_HTTP?: Fetcher;
};

/** The catalog's database: the project binds it (same id) so the setup file can migrate it. */
export const catalogDatabase = (env as unknown as { CATALOG_DB: D1Database }).CATALOG_DB;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; OrdersService: Service<OrdersService> };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://orders.internal${path}`, init);
}

/** The order services' dependencies, as the worker builds them (tests call services directly too). */
export function deps(overrides: Partial<OrdersDeps> = {}): OrdersDeps {
  return { ...ordersDeps(testEnv), ...overrides };
}

/**
 * A JSON request to the orders worker as the gateway sends it: `as` becomes the verified caller
 * headers; no `as` is an anonymous request.
 */
export function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  return callAs<T>((request) => self.default.fetch(request), method, path, options);
}

/**
 * A JSON request to the real cart worker's HTTP API (the test-only `CART_HTTP` binding of vitest.config.ts), to
 * fill carts and create coupons the way shoppers and admins do.
 */
export function cartApi<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown } = {},
): Promise<JsonResponse<T>> {
  const cart = testEnv.CART_HTTP;
  if (!cart) throw new Error("CART_HTTP is missing: vitest.config.ts gives it to the orders project");
  return callAs<T>((request) => cart.fetch(request), method, path, options);
}

/** Delivers payment events to the worker's queue handler as one batch; answers acks and retries. */
export function deliverPaymentEvents(bodies: readonly unknown[]) {
  return deliverBatch("shop-payment-events", bodies, (batch) => worker.queue(batch, testEnv));
}

/** Runs the worker's cron handler once. */
export async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), testEnv, ctx);
}

/**
 * Records every email the worker queues (each is passed through to the real queue), checked
 * against the `shop-emails` schema. Tests of one file share the binding, so assertions filter by
 * order id; `stop` ends the recording and keeps what was recorded.
 */
export function watchEmails(): { sent: (orderId?: string) => EmailQueueMessage[]; stop: () => void } {
  const recorded: EmailQueueMessage[] = [];
  const queue = testEnv.EMAILS;
  const send = queue.send.bind(queue);
  const spy = vi.spyOn(queue, "send").mockImplementation((body, options) => {
    recorded.push(body as EmailQueueMessage);
    return send(body, options);
  });
  return {
    // Every message must be one the notifications consumer accepts: parsing throws otherwise.
    sent: (orderId) =>
      recorded
        .map((m) => emailQueueMessage.parse(m))
        .filter((m) => orderId === undefined || ("orderId" in m.data && m.data.orderId === orderId)),
    stop: () => spy.mockRestore(),
  };
}

/** Inserts an order in `status` for `userId` with one line per product (1 unit at 10.00 USD). */
export async function seedOrder(options: {
  userId: string | null;
  status: OrderStatus;
  productIds: string[];
}): Promise<string> {
  const db = ordersDb(testEnv.ORDERS_DB);
  const id = crypto.randomUUID();
  const now = Date.now();
  const subtotal = 1000 * options.productIds.length;
  await db.insert(orders).values({
    id,
    userId: options.userId,
    email: "shopper@example.com",
    status: options.status,
    paymentMethod: "card",
    cartId: `cart-${id}`,
    idempotencyKey: `key-${id}`,
    requestHash: "test",
    subtotalAmount: subtotal,
    totalAmount: subtotal,
    shippingAddress: { line1: "1 Main St", city: "Springfield", country: "US" },
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(orderLines).values(
    options.productIds.map((productId) => ({
      orderId: id,
      sku: `${productId}-SKU`,
      productId,
      name: `Product ${productId}`,
      quantity: 1,
      unitPriceAmount: 1000,
      lineTotalAmount: 1000,
    })),
  );
  return id;
}
