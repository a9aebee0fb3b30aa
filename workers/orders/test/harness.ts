import { env, exports } from "cloudflare:workers";
import { type OrderStatus, orderLines, orders } from "../../../db/orders/schema";
import type { OrdersService } from "../index";
import { ordersDb } from "../orders.service";
import type { Env } from "../worker-configuration";

/** This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped). */
export const testEnv = env as unknown as Env;

/** Loopback bindings to this worker's own exports: `default` for HTTP, the RPC entrypoint. */
export const self = exports as unknown as { default: Fetcher; OrdersService: Service<OrdersService> };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://orders.internal${path}`, init);
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
