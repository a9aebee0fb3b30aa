import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { PricedCart } from "../cart.schemas";
import { add, customer, makeCoupon, newCart, sellable, setStock } from "./factories";
import { api, testEnv } from "./harness";

const TTL_MS = 30 * 24 * 3600 * 1000;

/** Makes a guest cart look idle since `msAgo`, as if nobody had touched it since. */
async function idleSince(cartId: string, msAgo: number): Promise<void> {
  await runInDurableObject(testEnv.CARTS.getByName(cartId), (_instance, state) => {
    state.storage.sql.exec("UPDATE cart_meta SET touched_at = ? WHERE id = 1", Date.now() - msAgo);
  });
}

/** Whether the cart's object holds any storage at all. */
async function storedTables(cartId: string): Promise<number> {
  return runInDurableObject(
    testEnv.CARTS.getByName(cartId),
    (_instance, state) =>
      state.storage.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'cart_%'")
        .toArray().length,
  );
}

const merge = (as: ReturnType<typeof customer>, guestCartId: string) =>
  api<PricedCart>("POST", "/api/cart/merge", { as, body: { guestCartId } });

describe("POST /api/cart/merge", () => {
  it("sums quantities into the user's cart, takes new lines over, then deletes the guest cart", async () => {
    const me = customer();
    const both = await sellable();
    const guestOnly = await sellable();
    const mine = `u_${me.userId}`;
    await add(mine, both.sku, 2, me);
    const guest = await newCart();
    await add(guest, both.sku, 3);
    await add(guest, guestOnly.sku, 1);

    const res = await merge(me, guest);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(mine);
    expect(res.body.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [both.sku, 5],
      [guestOnly.sku, 1],
    ]);
    expect(res.body.notices).toEqual([]);
    expect((await api("GET", `/api/carts/${guest}`)).status).toBe(404);
    expect(await storedTables(guest)).toBe(0);
  });

  it("caps a summed quantity by the stock available, with a notice", async () => {
    const me = customer();
    const scarce = await sellable({ stock: 4 });
    await add(`u_${me.userId}`, scarce.sku, 3, me);
    const guest = await newCart();
    await add(guest, scarce.sku, 3);
    const res = await merge(me, guest);
    expect(res.body.lines.map((l) => [l.sku, l.quantity])).toEqual([[scarce.sku, 4]]);
    expect(res.body.notices).toEqual([
      {
        code: "merge_quantity_capped",
        sku: scarce.sku,
        available: 4,
        message: `${scarce.name}: your cart now has 4 (only 4 can be bought now).`,
      },
    ]);
  });

  it("never lowers what the user's cart already held, and leaves out lines nobody can buy", async () => {
    const me = customer();
    const shrinking = await sellable({ stock: 5 });
    await add(`u_${me.userId}`, shrinking.sku, 5, me);
    const guest = await newCart();
    await add(guest, shrinking.sku, 2);
    await setStock(shrinking.sku, 1);
    const res = await merge(me, guest);
    expect(res.body.lines.map((l) => [l.sku, l.quantity])).toEqual([[shrinking.sku, 5]]);
    expect(res.body.notices.map((n) => n.code)).toEqual(["merge_quantity_capped", "insufficient_stock"]);
  });

  it("takes the guest's coupon over when the user's cart has none", async () => {
    const me = customer();
    const mug = await sellable({ price: 3000 });
    const coupon = await makeCoupon({ kind: "fixed", value: 700 });
    const guest = await newCart();
    await add(guest, mug.sku, 1);
    await api("POST", `/api/carts/${guest}/coupon`, { body: { code: coupon.code } });
    const res = await merge(me, guest);
    expect(res.body.coupon).toMatchObject({ code: coupon.code, applied: true, discount: { amount: 700 } });
  });

  it("changes nothing when run twice, or for an unknown or non-guest id", async () => {
    const me = customer();
    const mug = await sellable();
    const guest = await newCart();
    await add(guest, mug.sku, 2);
    const first = await merge(me, guest);
    expect(first.body.lines.map((l) => l.quantity)).toEqual([2]);
    const second = await merge(me, guest);
    expect(second.status).toBe(200);
    expect(second.body.lines).toEqual(first.body.lines);
    for (const id of [`g_${"E".repeat(43)}`, `u_${customer().userId}`, "whatever"]) {
      const res = await merge(me, id);
      expect(res.status, id).toBe(200);
      expect(res.body.lines).toEqual(first.body.lines);
    }
  });

  it("is safe to repeat after a crash between folding and deleting the guest cart", async () => {
    const me = customer();
    const mug = await sellable();
    const guest = await newCart();
    await add(guest, mug.sku, 2);
    const userCart = testEnv.CARTS.getByName(`u_${me.userId}`);
    // The fold happened and was recorded, then the merge died before deleting the guest cart.
    const folded = await userCart.mergeGuest(guest, [{ sku: mug.sku, quantity: 2, available: 20 }], null);
    expect(folded).toMatchObject({ ok: true, merged: true });
    const retried = await merge(me, guest);
    expect(retried.body.lines.map((l) => [l.sku, l.quantity])).toEqual([[mug.sku, 2]]);
    expect((await api("GET", `/api/carts/${guest}`)).status).toBe(404);
  });

  it("answers 400 for a body without a guest cart id", async () => {
    const res = await api("POST", "/api/cart/merge", { as: customer(), body: {} });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", errors: [{ path: "guestCartId" }] });
  });
});

describe("guest cart expiry", () => {
  it("sets an alarm on each touch; the alarm deletes a cart idle for the TTL", async () => {
    const mug = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    const alarm = await runInDurableObject(testEnv.CARTS.getByName(id), (_i, state) =>
      state.storage.getAlarm(),
    );
    expect(alarm).toBeGreaterThan(Date.now() + TTL_MS - 60_000);
    await idleSince(id, TTL_MS + 1000);
    expect(await runDurableObjectAlarm(testEnv.CARTS.getByName(id))).toBe(true);
    expect(await storedTables(id)).toBe(0);
    expect((await api("GET", `/api/carts/${id}`)).status).toBe(404);
  });

  it("keeps a cart that is not idle long enough when the alarm runs, and moves the alarm on", async () => {
    const id = await newCart();
    const touched = Date.now() - (TTL_MS - 60_000);
    await idleSince(id, TTL_MS - 60_000);
    const stub = testEnv.CARTS.getByName(id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const next = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    // Due when the cart will have been idle for the TTL: about a minute from now.
    expect(next).toBeGreaterThanOrEqual(touched + TTL_MS - 1000);
    expect(next).toBeLessThanOrEqual(touched + TTL_MS + 1000);
    expect(await storedTables(id)).toBe(3);
    expect((await api("GET", `/api/carts/${id}`)).status).toBe(200);
  });

  it("treats a cart idle past the TTL as gone even before its alarm runs", async () => {
    const mug = await sellable();
    const id = await newCart();
    await add(id, mug.sku, 1);
    await idleSince(id, TTL_MS + 1000);
    const res = await api("GET", `/api/carts/${id}`);
    expect(res.status).toBe(404);
    const write = await api("POST", `/api/carts/${id}/items`, { body: { sku: mug.sku, quantity: 1 } });
    expect(write.status).toBe(404);
    expect(await storedTables(id)).toBe(0);
  });

  it("never expires a user's cart", async () => {
    const me = customer();
    const mug = await sellable();
    const id = `u_${me.userId}`;
    await add(id, mug.sku, 1, me);
    const stub = testEnv.CARTS.getByName(id);
    expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).toBeNull();
    await runInDurableObject(stub, (_i, state) => {
      state.storage.sql.exec("UPDATE cart_meta SET touched_at = 0 WHERE id = 1");
    });
    const res = await api<PricedCart>("GET", "/api/cart", { as: me });
    expect(res.body.lines).toHaveLength(1);
  });

  it("leaves no storage behind for ids that were never created", async () => {
    const id = `g_${"F".repeat(43)}`;
    expect((await api("GET", `/api/carts/${id}`)).status).toBe(404);
    expect(await storedTables(id)).toBe(0);
  });
});
