import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import { edge, testEnv } from "./harness";
import { signToken } from "./tokens";

/**
 * The stock events end to end, through real queues and real Durable Object alarms: a stock change
 * in a StockDO reaches the catalog's projection (`shop-stock-levels`) and, when it crosses the
 * threshold, the admin's inbox (`shop-low-stock` -> notifications -> dev outbox).
 */
const client = () => ({
  "cf-connecting-ip": `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

const catalogDb = () => (testEnv as unknown as { CATALOG_DB: D1Database }).CATALOG_DB;

async function seedProduct(): Promise<string> {
  const key = crypto.randomUUID().slice(0, 8);
  const sku = `EVT-${key}`.toUpperCase();
  const now = Date.now();
  const db = catalogDb();
  await db.batch([
    db
      .prepare(
        "INSERT INTO categories (id, slug, name, parent_id, position, created_at) VALUES (?, ?, ?, NULL, 0, ?)",
      )
      .bind(`cat-${key}`, `evt-cat-${key}`, "Events", now),
    db
      .prepare(
        `INSERT INTO products (id, slug, name, category_id, status, seller_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', 'seller-events', ?, ?)`,
      )
      .bind(`prod-${key}`, `evt-product-${key}`, "Event lamp", `cat-${key}`, now, now),
    db
      .prepare(
        `INSERT INTO product_variants (sku, product_id, price_amount, available, low_stock_threshold, created_at)
         VALUES (?, ?, 1000, 0, 5, ?)`,
      )
      .bind(sku, `prod-${key}`, now),
  ]);
  return sku;
}

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

describe("stock events through queues", () => {
  it("a stock change reaches the catalog's projection, and crossing the threshold emails the admin once", async () => {
    const sku = await seedProduct();
    const token = await signToken({ role: "admin" });
    const admin = { ...client(), authorization: `Bearer ${token}` };
    const set = await call(edge, "PATCH", `/api/inventory/${sku}`, {
      headers: admin,
      body: { set: 12, reason: "delivery" },
    });
    expect(set.status).toBe(200);

    const projected = () =>
      catalogDb()
        .prepare("SELECT available FROM product_variants WHERE sku = ?")
        .bind(sku)
        .first<{ available: number }>();
    expect((await waitFor(projected, (row) => row?.available === 12))?.available).toBe(12);

    await call(edge, "PATCH", `/api/inventory/${sku}`, {
      headers: admin,
      body: { adjust: -9, reason: "damaged" },
    });
    expect((await waitFor(projected, (row) => row?.available === 3))?.available).toBe(3);

    const alerts = () =>
      call<{ items: { subject: string; text: string }[] }>(edge, "GET", "/dev/outbox.json").then((r) =>
        (r.body.items ?? []).filter((m) => m.text.includes(sku)),
      );
    const mails = await waitFor(alerts, (items) => items.length > 0);
    expect(mails).toHaveLength(1);

    // Still low after another change: no second alert for the same crossing.
    await call(edge, "PATCH", `/api/inventory/${sku}`, {
      headers: admin,
      body: { adjust: -1, reason: "damaged" },
    });
    expect((await waitFor(projected, (row) => row?.available === 2))?.available).toBe(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(await alerts()).toHaveLength(1);
  }, 60_000);
});
