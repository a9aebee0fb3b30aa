import { describe, expect, it } from "vitest";
import { placeOrder } from "../checkout.saga";
import { CHECKOUT_KEY_RETENTION_MS, pruneCheckoutRequests, requestHash } from "../checkout-claims";
import type { CheckoutResponse } from "../orders.schemas";
import {
  add,
  checkout,
  checkoutBody,
  countRows,
  customer,
  newCart,
  orderRow,
  sellable,
  stockOf,
} from "./factories";
import { api, deps, runCron, testEnv } from "./harness";

describe("POST /api/orders: Idempotency-Key", () => {
  it("the same key and body again: the same order, the same body, nothing reserved twice", async () => {
    const mug = await sellable({ stock: 10 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    const key = crypto.randomUUID();
    const first = await checkout(cartId, { key });
    const again = await checkout(cartId, { key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await countRows("orders", "idempotency_key = ?", key)).toBe(1);
    expect(await stockOf(mug.sku)).toMatchObject({ reserved: 2 });
  });

  it("the same key with a different body: 422 idempotency_mismatch", async () => {
    const mug = await sellable();
    const cartId = await newCart();
    await add(cartId, mug.sku, 1);
    const key = crypto.randomUUID();
    expect((await checkout(cartId, { key })).status).toBe(201);
    const other = await checkout(cartId, { key, body: { email: "someone@example.com" } });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "idempotency_mismatch" });
    // Another caller with the same key and body is a different request too.
    expect((await checkout(cartId, { key, as: customer() })).status).toBe(422);
  });

  it("20 identical requests at once: one order, one reservation, the same answer for all", async () => {
    const mug = await sellable({ stock: 50 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 3);
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => checkout(cartId, { key })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const ids = new Set(answers.map((a) => (a.body as CheckoutResponse).order.id));
    expect(ids.size).toBe(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);
    expect(await countRows("orders", "idempotency_key = ?", key)).toBe(1);
    expect(await countRows("order_events", "order_id = ?", [...ids][0])).toBe(1);
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 50, reserved: 3 });
  }, 30_000);

  it("a duplicate that waits too long for the attempt in progress gets 409 conflict", async () => {
    const cartId = await newCart();
    const input = checkoutBody(cartId);
    const key = crypto.randomUUID();
    const now = Date.now();
    await testEnv.ORDERS_DB.prepare(
      `INSERT INTO checkout_requests (idempotency_key, request_hash, order_id, attempt_id, state, lease_expires_at,
         created_at, updated_at) VALUES (?, ?, ?, 'someone-else', 'in_progress', ?, ?, ?)`,
    )
      .bind(key, await requestHash(input, null), crypto.randomUUID(), now + 60_000, now, now)
      .run();
    const waiting = placeOrder(deps(), { input, caller: null, idempotencyKey: key }, { waitMs: 200 });
    await expect(waiting).rejects.toMatchObject({ code: "conflict", status: 409 });
    expect(await countRows("orders", "idempotency_key = ?", key)).toBe(0);
  });

  it("an attempt abandoned past its lease is taken over by a retry, with the same order id", async () => {
    const mug = await sellable({ stock: 5 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 2);
    const input = checkoutBody(cartId);
    const key = crypto.randomUUID();
    const orderId = crypto.randomUUID();
    // The dead attempt got as far as holding the cart and reserving the stock.
    await testEnv.CART.beginCheckout(cartId, orderId, 600);
    await testEnv.INVENTORY.reserve(mug.sku, orderId, 2, 600);
    const past = Date.now() - 1000;
    await testEnv.ORDERS_DB.prepare(
      `INSERT INTO checkout_requests (idempotency_key, request_hash, order_id, attempt_id, state, lease_expires_at,
         created_at, updated_at) VALUES (?, ?, ?, 'dead', 'in_progress', ?, ?, ?)`,
    )
      .bind(key, await requestHash(input, null), orderId, past, past, past)
      .run();
    const res = await checkout(cartId, { key });
    expect(res.status).toBe(201);
    expect(res.body.order.id).toBe(orderId);
    expect(await stockOf(mug.sku)).toMatchObject({ onHand: 5, reserved: 2 });
  });

  it("a failed attempt is replayed to nobody later: the same key runs again once the cause is fixed", async () => {
    const mug = await sellable({ stock: 1 });
    const cartId = await newCart();
    await add(cartId, mug.sku, 1);
    const rival = await newCart();
    await add(rival, mug.sku, 1);
    const rivalOrder = await checkout(rival);
    expect(rivalOrder.status).toBe(201);
    const key = crypto.randomUUID();
    expect((await checkout(cartId, { key })).status).toBe(409);
    // The rival cancels: the unit is back, and the same key now places the order.
    const cancelled = await api(
      "POST",
      `/api/orders/${rivalOrder.body.order.id}/cancel?token=${rivalOrder.body.order.accessToken}`,
    );
    expect(cancelled.status).toBe(200);
    const retry = await checkout(cartId, { key });
    expect(retry.status).toBe(201);
    expect((await orderRow(retry.body.order.id))?.idempotencyKey).toBe(key);
  });
});

describe("Idempotency-Key retention", () => {
  it("claims older than 24 hours are pruned, younger ones stay; the key stays its order's", async () => {
    const mug = await sellable({ stock: 10 });
    const [firstCart, secondCart, youngCart] = [await newCart(), await newCart(), await newCart()];
    for (const cartId of [firstCart, secondCart, youngCart]) await add(cartId, mug.sku, 1);
    const key = crypto.randomUUID();
    const young = crypto.randomUUID();
    const first = await checkout(firstCart, { key });
    expect(first.status).toBe(201);
    // While remembered, the key belongs to the first cart's request.
    expect((await checkout(secondCart, { key })).status).toBe(422);
    expect((await checkout(youngCart, { key: young })).status).toBe(201);
    await testEnv.ORDERS_DB.prepare(
      "UPDATE checkout_requests SET updated_at = updated_at - ? WHERE idempotency_key = ?",
    )
      .bind(CHECKOUT_KEY_RETENTION_MS + 1000, key)
      .run();

    expect(await pruneCheckoutRequests(deps())).toBe(1);
    expect(await countRows("checkout_requests", "idempotency_key = ?", key)).toBe(0);
    expect(await countRows("checkout_requests", "idempotency_key = ?", young)).toBe(1);
    // Nothing else is touched: the order it made is still there.
    expect(await countRows("orders", "id = ?", first.body.order.id)).toBe(1);

    // The answer (client secret, guest token) is gone, and the key never makes a second order,
    // whatever the body.
    for (const cartId of [firstCart, secondCart]) {
      const again = await checkout(cartId, { key });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({
        code: "idempotency_mismatch",
        detail: expect.stringMatching(/earlier order/),
      });
    }
    expect(await countRows("orders", "idempotency_key = ?", key)).toBe(1);
    expect(await countRows("checkout_requests", "idempotency_key = ?", key)).toBe(0);
    // A new key checks the second cart out as usual.
    expect((await checkout(secondCart)).status).toBe(201);
    expect(await pruneCheckoutRequests(deps())).toBe(0);
  });

  it("the cron prunes them, a bounded number per run", async () => {
    const old = deps().now() - CHECKOUT_KEY_RETENTION_MS - 1;
    const keys = Array.from({ length: 5 }, () => `prune-${crypto.randomUUID()}`);
    await testEnv.ORDERS_DB.batch(
      keys.map((k) =>
        testEnv.ORDERS_DB.prepare(
          `INSERT INTO checkout_requests (idempotency_key, request_hash, order_id, attempt_id, state, lease_expires_at,
             created_at, updated_at) VALUES (?, 'h', ?, 'a', 'failed', ?, ?, ?)`,
        ).bind(k, crypto.randomUUID(), old, old, old),
      ),
    );
    expect(await pruneCheckoutRequests(deps(), CHECKOUT_KEY_RETENTION_MS, 2)).toBe(2);
    await runCron();
    expect(await countRows("checkout_requests", "idempotency_key LIKE 'prune-%'")).toBe(0);
  });
});
