import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import type { LowStockPage } from "../../catalog/low-stock.schemas";
import { ownerOf } from "../upstreams";
import { edge, testEnv } from "./harness";
import { signToken } from "./tokens";

/** Each test gets its own client address, so rate limits of one test never touch another. */
const client = () => ({
  "cf-connecting-ip": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

/** A product of `sellerId` with one SKU below its threshold, written straight to catalog's D1. */
async function seedLowSku(sellerId: string): Promise<string> {
  const db = (testEnv as unknown as { CATALOG_DB: D1Database }).CATALOG_DB;
  const key = crypto.randomUUID().slice(0, 8);
  const sku = `GW-LOW-${key}`.toUpperCase();
  const now = Date.now();
  await db.batch([
    db
      .prepare(
        "INSERT INTO categories (id, slug, name, parent_id, position, created_at) VALUES (?, ?, ?, NULL, 0, ?)",
      )
      .bind(`cat-${key}`, `gw-cat-${key}`, "Gateway", now),
    db
      .prepare(
        `INSERT INTO products (id, slug, name, category_id, status, seller_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`,
      )
      .bind(`prod-${key}`, `gw-product-${key}`, "Gateway lamp", `cat-${key}`, sellerId, now, now),
    db
      .prepare(
        `INSERT INTO product_variants (sku, product_id, price_amount, available, low_stock_threshold, created_at)
         VALUES (?, ?, 1000, 1, 5, ?)`,
      )
      .bind(sku, `prod-${key}`, now),
  ]);
  return sku;
}

describe("GET /api/inventory/low-stock through the gateway", () => {
  it("is routed to catalog, while the rest of /api/inventory stays with inventory", () => {
    expect(ownerOf("/api/inventory/low-stock")).toBe("catalog");
    expect(ownerOf("/api/inventory/SKU-1")).toBe("inventory");
    expect(ownerOf("/api/inventory/low-stockpile")).toBe("inventory");
  });

  it("reaches catalog with the verified seller and is never edge-cached", async () => {
    const sellerId = `seller-${crypto.randomUUID()}`;
    const sku = await seedLowSku(sellerId);
    const token = await signToken({ sub: sellerId, role: "seller" });
    const res = await call<LowStockPage>(edge, "GET", "/api/inventory/low-stock", {
      headers: { ...client(), authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    // Inventory would have answered with the stock record of a SKU named "low-stock".
    expect(res.body).toMatchObject({ total: 1, page: 1, limit: 24 });
    expect(res.body.items).toMatchObject([
      { sku, productName: "Gateway lamp", available: 1, status: "low_stock" },
    ]);
    expect(res.headers.get("x-cache")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers 401 to an anonymous caller and 403 to a customer", async () => {
    const anonymous = await call(edge, "GET", "/api/inventory/low-stock", { headers: client() });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, "unauthorized"]);
    expect(anonymous.headers.get("x-cache")).toBeNull();
    const token = await signToken({ role: "customer" });
    const customer = await call(edge, "GET", "/api/inventory/low-stock", {
      headers: { ...client(), authorization: `Bearer ${token}` },
    });
    expect([customer.status, customer.body.code]).toEqual([403, "forbidden"]);
  });
});

describe("a seller's stock records through the gateway", () => {
  async function as(role: "seller" | "admin", sub: string, method: string, path: string, body?: unknown) {
    const token = await signToken({ sub, role });
    return call<{ code?: string; onHand?: number }>(edge, method, path, {
      headers: { ...client(), authorization: `Bearer ${token}` },
      body,
    });
  }

  it("lets a seller read and change the stock of their own SKU only; another seller gets 404", async () => {
    const owner = `seller-${crypto.randomUUID()}`;
    const sku = await seedLowSku(owner);
    const own = await as("seller", owner, "PATCH", `/api/inventory/${sku}`, { set: 7, reason: "count" });
    expect([own.status, own.body.onHand]).toEqual([200, 7]);

    const stranger = `seller-${crypto.randomUUID()}`;
    const read = await as("seller", stranger, "GET", `/api/inventory/${sku}`);
    expect([read.status, read.body.code]).toEqual([404, "not_found"]);
    const write = await as("seller", stranger, "PATCH", `/api/inventory/${sku}`, {
      set: 0,
      reason: "sabotage",
    });
    expect([write.status, write.body.code]).toEqual([404, "not_found"]);
    const unknown = await as("seller", owner, "GET", "/api/inventory/NOT-IN-CATALOG");
    expect(unknown.status).toBe(404);

    const admin = await as("admin", "admin-1", "GET", `/api/inventory/${sku}`);
    expect([admin.status, admin.body.onHand]).toEqual([200, 7]);
  });
});
