import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productVariants } from "../../../db/catalog/schema";
import { describeWorkerContract } from "../../../test/worker-contract";
import { db } from "../../catalog/test/factories";
import type { PricedCart } from "../cart.schemas";
import { add, archiveProduct, archiveVariant, customer, newCart, sellable, setStock } from "./factories";
import { api, call, testEnv } from "./harness";

describeWorkerContract({
  service: "cart",
  checks: { carts: "ok", coupons: "ok" },
  call,
  unknown: { path: "/api/cartography" },
});

const usd = (amount: number) => ({ amount, currency: "USD" });

describe("POST /api/carts", () => {
  it("creates an empty guest cart with an unguessable id", async () => {
    const res = await api<PricedCart>("POST", "/api/carts");
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^g_[A-Za-z0-9_-]{43}$/);
    expect(res.body).toEqual({
      id: res.body.id,
      kind: "guest",
      lines: [],
      coupon: null,
      totals: { subtotal: usd(0), discount: usd(0), tax: usd(0), shipping: usd(0), total: usd(0) },
      notices: [],
      locked: false,
    });
    const other = await api<PricedCart>("POST", "/api/carts", { as: customer() });
    expect(other.status).toBe(201);
    expect(other.body.kind).toBe("guest");
    expect(other.body.id).not.toBe(res.body.id);
  });
});

describe("GET /api/carts/:id", () => {
  it("prices lines live from the catalog, with totals", async () => {
    const mug = await sellable({ price: 1999, options: { colour: "red" } });
    const id = await newCart();
    await add(id, mug.sku, 2);
    const res = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.lines).toEqual([
      {
        sku: mug.sku,
        productId: mug.productId,
        slug: mug.slug,
        name: mug.name,
        options: { colour: "red" },
        image: null,
        quantity: 2,
        unitPrice: usd(1999),
        lineTotal: usd(3998),
        available: 20,
      },
    ]);
    // 3998 + 8% (319.84 -> 320) + 599 shipping.
    expect(res.body.totals).toEqual({
      subtotal: usd(3998),
      discount: usd(0),
      tax: usd(320),
      shipping: usd(599),
      total: usd(4917),
    });
    expect(res.body.notices).toEqual([]);
  });

  it("ships free from exactly $100.00 and charges shipping one cent under", async () => {
    const exact = await sellable({ price: 5000 });
    const under = await sellable({ price: 9999 });
    const free = await add(await newCart(), exact.sku, 2);
    expect(free.totals).toMatchObject({ subtotal: usd(10_000), shipping: usd(0), total: usd(10_800) });
    const paid = await add(await newCart(), under.sku, 1);
    expect(paid.totals).toMatchObject({ subtotal: usd(9999), shipping: usd(599), tax: usd(800) });
  });

  it("shows a price change at the next read", async () => {
    const mug = await sellable({ price: 1000 });
    const id = await newCart();
    await add(id, mug.sku, 1);
    await db().update(productVariants).set({ priceAmount: 1250 }).where(eq(productVariants.sku, mug.sku));
    const res = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(res.body.lines[0]?.unitPrice).toEqual(usd(1250));
  });

  it("drops lines whose product or variant was archived, with a notice, for good", async () => {
    const kept = await sellable();
    const archived = await sellable();
    const variant = await sellable();
    const id = await newCart();
    await add(id, kept.sku, 1);
    await add(id, archived.sku, 1);
    await add(id, variant.sku, 1);
    await archiveProduct(archived.productId);
    await archiveVariant(variant.sku);
    const res = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(res.body.lines.map((l) => l.sku)).toEqual([kept.sku]);
    expect(res.body.notices).toEqual([
      {
        code: "removed_unavailable",
        sku: archived.sku,
        message: `${archived.name} is no longer available and was removed from your cart.`,
      },
      {
        code: "removed_unavailable",
        sku: variant.sku,
        message: `${variant.name} is no longer available and was removed from your cart.`,
      },
    ]);
    const again = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(again.body.lines.map((l) => l.sku)).toEqual([kept.sku]);
    expect(again.body.notices).toEqual([]);
  });

  it("warns when a line holds more than can be bought now", async () => {
    const mug = await sellable({ stock: 5 });
    const id = await newCart();
    await add(id, mug.sku, 4);
    await setStock(mug.sku, 2);
    const res = await api<PricedCart>("GET", `/api/carts/${id}`);
    expect(res.body.lines[0]).toMatchObject({ quantity: 4, available: 2 });
    expect(res.body.notices).toEqual([
      expect.objectContaining({ code: "insufficient_stock", sku: mug.sku, available: 2 }),
    ]);
  });

  it("is 404 for a guest id that was never created, and for ids that cannot be carts", async () => {
    const never = `g_${"A".repeat(43)}`;
    for (const id of [never, "nope", "g_short", "x_123"]) {
      const res = await api("GET", `/api/carts/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found" });
    }
  });
});

describe("POST /api/carts/:id/items", () => {
  it("adds a line, and adds to its quantity when the SKU is there already", async () => {
    const a = await sellable();
    const b = await sellable();
    const id = await newCart();
    await add(id, a.sku, 1);
    await add(id, b.sku, 3);
    const cart = await add(id, a.sku.toLowerCase(), 2);
    expect(cart.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [a.sku, 3],
      [b.sku, 3],
    ]);
  });

  it("is 409 out_of_stock past the units available, with the count", async () => {
    const mug = await sellable({ stock: 3 });
    const id = await newCart();
    await add(id, mug.sku, 2);
    const res = await api("POST", `/api/carts/${id}/items`, { body: { sku: mug.sku, quantity: 2 } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ code: "out_of_stock", sku: mug.sku, available: 3, inCart: 2 });
    const never = await sellable({ stock: null });
    const none = await api("POST", `/api/carts/${id}/items`, { body: { sku: never.sku, quantity: 1 } });
    expect(none.body).toMatchObject({ status: 409, code: "out_of_stock", available: 0 });
  });

  it("is 404 for a SKU nobody can buy (unknown or archived)", async () => {
    const archived = await sellable();
    await archiveProduct(archived.productId);
    const id = await newCart();
    for (const sku of ["NO-SUCH-SKU", archived.sku]) {
      const res = await api("POST", `/api/carts/${id}/items`, { body: { sku, quantity: 1 } });
      expect(res.status, sku).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found" });
    }
  });

  it("keeps a line at 99 units at most and a cart at 50 lines at most", async () => {
    const mug = await sellable({ stock: 500 });
    const id = await newCart();
    await add(id, mug.sku, 99);
    const over = await api("POST", `/api/carts/${id}/items`, { body: { sku: mug.sku, quantity: 1 } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: "conflict", limit: 99 });

    const full = await newCart();
    // 50 lines written directly: building them through the API would need 50 products.
    await runInDurableObject(testEnv.CARTS.getByName(full), (_instance, state) => {
      for (let i = 0; i < 50; i++) {
        state.storage.sql.exec(
          "INSERT INTO cart_lines (sku, quantity, position) VALUES (?, 1, ?)",
          `FILL-${i}`,
          i,
        );
      }
    });
    const fifty = await api("POST", `/api/carts/${full}/items`, { body: { sku: mug.sku, quantity: 1 } });
    expect(fifty.status).toBe(409);
    expect(fifty.body).toMatchObject({ code: "conflict", limit: 50 });
  });

  it("is 400 validation_failed with field errors for bad input, and 404 for an unknown cart", async () => {
    const id = await newCart();
    const bad = await api("POST", `/api/carts/${id}/items`, { body: { sku: "", quantity: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "validation_failed" });
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(["quantity", "sku"]);
    for (const quantity of [100, 1.5, "2", -1]) {
      const res = await api("POST", `/api/carts/${id}/items`, { body: { sku: "ABC-1", quantity } });
      expect(res.status, String(quantity)).toBe(400);
    }
    const broken = await api("POST", `/api/carts/${id}/items`, { rawBody: "{" });
    expect(broken.status).toBe(400);
    const mug = await sellable();
    const unknown = await api("POST", `/api/carts/g_${"B".repeat(43)}/items`, {
      body: { sku: mug.sku, quantity: 1 },
    });
    expect(unknown.status).toBe(404);
  });
});

describe("PATCH and DELETE /api/carts/:id/items/:sku", () => {
  it("sets a line's quantity and removes a line", async () => {
    const a = await sellable();
    const b = await sellable();
    const id = await newCart();
    await add(id, a.sku, 1);
    await add(id, b.sku, 1);
    const set = await api<PricedCart>("PATCH", `/api/carts/${id}/items/${a.sku}`, { body: { quantity: 5 } });
    expect(set.status).toBe(200);
    expect(set.body.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [a.sku, 5],
      [b.sku, 1],
    ]);
    const removed = await api<PricedCart>("DELETE", `/api/carts/${id}/items/${a.sku}`);
    expect(removed.status).toBe(200);
    expect(removed.body.lines.map((l) => l.sku)).toEqual([b.sku]);
  });

  it("refuses quantities past stock (409 with the count), 0 (400) and lines not in the cart (404)", async () => {
    const mug = await sellable({ stock: 4 });
    const other = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    const over = await api("PATCH", `/api/carts/${id}/items/${mug.sku}`, { body: { quantity: 5 } });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: "out_of_stock", available: 4 });
    const zero = await api("PATCH", `/api/carts/${id}/items/${mug.sku}`, { body: { quantity: 0 } });
    expect(zero.status).toBe(400);
    const missing = await api("PATCH", `/api/carts/${id}/items/${other.sku}`, { body: { quantity: 1 } });
    expect(missing.status).toBe(404);
    const gone = await api("DELETE", `/api/carts/${id}/items/${other.sku}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: "not_found" });
  });
});

describe("GET /api/cart", () => {
  it("is the caller's own cart, created on first use and found again by its id", async () => {
    const me = customer();
    const mug = await sellable();
    const first = await api<PricedCart>("GET", "/api/cart", { as: me });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: `u_${me.userId}`, kind: "user", lines: [] });
    await add(first.body.id, mug.sku, 2, me);
    const again = await api<PricedCart>("GET", "/api/cart", { as: me });
    expect(again.body.lines.map((l) => [l.sku, l.quantity])).toEqual([[mug.sku, 2]]);
    const byId = await api<PricedCart>("GET", `/api/carts/u_${me.userId}`, { as: me });
    expect(byId.body.lines).toEqual(again.body.lines);
  });
});
