import { env, exports } from "cloudflare:workers";
import { vi } from "vitest";
import type { ReviewSummaryMessage } from "../../../queues/review-summaries.schema";
import { callAs, type JsonResponse } from "../../../test/http";
import type { Caller, Role } from "../../shared/caller";
import type { Review } from "../reviews.schemas";
import type { Env } from "../worker-configuration";

/**
 * This worker's bindings, typed as its wrangler.toml declares them (the test `env` is untyped),
 * plus the databases of the real workers it reaches (bound only so tests can apply migrations and
 * seed them: the catalog's products, identity's users, the orders that make a purchase verified).
 */
export const testEnv = env as unknown as Env & {
  CATALOG_DB: D1Database;
  IDENTITY_DB: D1Database;
  ORDERS_DB: D1Database;
};

/** Loopback binding to this worker's default export. */
export const self = exports as unknown as { default: Fetcher };

/** A request to this worker as the gateway sends it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return self.default.fetch(`https://reviews.internal${path}`, init);
}

/**
 * A JSON request as the gateway forwards it: `as` becomes the verified caller headers; no `as`
 * is an anonymous request.
 */
export function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  return callAs<T>((request) => self.default.fetch(request), method, path, options);
}

/** A short unique token for ids, emails and slugs. */
export function unique(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** A user in identity's database (the reviews worker asks identity for the display name). */
export async function makeUser(name = "Ada Lovelace", role: Role = "customer"): Promise<Caller> {
  const id = unique("user");
  await testEnv.IDENTITY_DB.prepare(
    `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
     VALUES (?1, ?2, ?3, 'not-a-real-hash', ?4, 0, 0)`,
  )
    .bind(id, `${id}@example.com`, name, role)
    .run();
  return { userId: id, role };
}

/** `count` customers at once (each with its own account and name). */
export function makeUsers(count: number, prefix = "Voter"): Promise<Caller[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => makeUser(`${prefix} Number${i}`)));
}

/** A product in the catalog's database (in a category of its own), `active` unless told. */
export async function makeProduct(
  options: { status?: "draft" | "active" | "archived"; sellerId?: string } = {},
): Promise<string> {
  const slug = unique("product");
  const categoryId = `cat-${slug}`;
  const id = `prod-${slug}`;
  await testEnv.CATALOG_DB.batch([
    testEnv.CATALOG_DB.prepare(
      "INSERT INTO categories (id, slug, name, created_at) VALUES (?1, ?1, 'Reviews test', 0)",
    ).bind(categoryId),
    testEnv.CATALOG_DB.prepare(
      `INSERT INTO products (id, slug, name, category_id, status, seller_id, created_at, updated_at)
       VALUES (?1, ?2, ?2, ?3, ?4, ?5, 0, 0)`,
    ).bind(id, slug, categoryId, options.status ?? "active", options.sellerId ?? "seller-of-everything"),
  ]);
  return id;
}

/** The catalog's rating projection of a product. */
export async function catalogRating(productId: string) {
  return testEnv.CATALOG_DB.prepare(
    "SELECT rating_average AS average, rating_count AS count, rating_reported_at AS at FROM products WHERE id = ?1",
  )
    .bind(productId)
    .first<{ average: number; count: number; at: number }>();
}

/**
 * An order of `userId` in `status` containing `productId`, written straight into the orders
 * database (only the columns it requires): what OrdersService.hasPurchased reads.
 */
export async function placeOrder(userId: string, productId: string, status = "confirmed"): Promise<string> {
  const id = crypto.randomUUID();
  await testEnv.ORDERS_DB.batch([
    testEnv.ORDERS_DB.prepare(
      `INSERT INTO orders (id, user_id, email, status, payment_method, cart_id, idempotency_key,
         request_hash, subtotal_amount, total_amount, shipping_address, created_at, updated_at)
       VALUES (?1, ?2, 'buyer@example.com', ?3, 'card', ?4, ?5, 'test', 1000, 1000,
         '{"line1":"1 Main St","city":"Springfield","country":"US"}', 0, 0)`,
    ).bind(id, userId, status, `cart-${id}`, `key-${id}`),
    testEnv.ORDERS_DB.prepare(
      `INSERT INTO order_lines (order_id, sku, product_id, name, quantity, unit_price_amount, line_total_amount)
       VALUES (?1, ?2, ?3, 'Bought thing', 1, 1000, 1000)`,
    ).bind(id, `SKU-${id.slice(0, 8)}`.toUpperCase(), productId),
  ]);
  return id;
}

/** A valid create body for `productId`. */
export function reviewBody(productId: string, extra: Record<string, unknown> = {}) {
  return { productId, rating: 5, title: "Does what it says", body: "Sturdy, quiet, worth it.", ...extra };
}

/** Creates a review through the API (expects 201) and returns it. */
export async function postReview(
  as: Caller,
  productId: string,
  extra: Record<string, unknown> = {},
): Promise<Review> {
  const res = await api<Review>("POST", "/api/reviews", { as, body: reviewBody(productId, extra) });
  if (res.status !== 201) throw new Error(`review not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Records every summary the worker sends to `shop-review-summaries`. The spy passes each call
 * through, so the real queue (and the catalog's consumer) still get the messages.
 */
export function watchSummaries(): { messages: () => ReviewSummaryMessage[]; stop: () => void } {
  const send = vi.spyOn(testEnv.REVIEW_SUMMARIES, "send");
  return {
    messages: () => send.mock.calls.map(([body]) => body as ReviewSummaryMessage),
    stop: () => send.mockRestore(),
  };
}

/**
 * Waits until `check` returns a value (not undefined), asking every 50 ms for up to `timeoutMs`:
 * for effects in another worker (the catalog's queue consumer), which a test cannot await.
 */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
