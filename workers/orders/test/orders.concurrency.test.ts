import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { placeOrder } from "../checkout.saga";
import { add, checkout, checkoutBody, countRows, newCart, sellable, stockOf } from "./factories";
import { deps } from "./harness";

/** `count` guest carts, each holding one unit of `sku` (filled ten at a time). */
async function cartsWithOneUnit(sku: string, count: number): Promise<string[]> {
  const carts: string[] = [];
  for (let i = 0; i < count; i += 10) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, async () => {
        const cartId = await newCart();
        await add(cartId, sku, 1);
        return cartId;
      }),
    );
    carts.push(...chunk);
  }
  return carts;
}

const placeholders = (n: number) => Array(n).fill("?").join(", ");

describe("no overselling", () => {
  // 100 checkouts at once run through the saga function itself: through the test runner's
  // loopback (`exports.default.fetch`) each request costs a few ms of serialised overhead, which
  // would spread the 100 requests out instead of racing them. The HTTP path races 20 below.
  it("100 concurrent checkouts of the last 5 units: exactly 5 orders, 95 out_of_stock", async () => {
    const item = await sellable({ stock: 5 });
    const carts = await cartsWithOneUnit(item.sku, 100);
    const outcomes = await Promise.allSettled(
      carts.map((cartId) =>
        placeOrder(deps(), {
          input: checkoutBody(cartId),
          caller: null,
          idempotencyKey: crypto.randomUUID(),
        }),
      ),
    );
    const placed = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(placed.map((o) => o.value.status)).toEqual(Array(5).fill(201));
    expect(refused).toHaveLength(95);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).toProblem()).toMatchObject({
        code: "out_of_stock",
        sku: item.sku,
        available: 0,
      });
    }
    expect(await countRows("orders", `cart_id IN (${placeholders(100)})`, ...carts)).toBe(5);
    expect(await countRows("order_lines", "sku = ?", item.sku)).toBe(5);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 5, reserved: 5, available: 0 });
    const claims = await deps()
      .d1.prepare(
        "SELECT state, COUNT(*) AS n FROM checkout_requests WHERE order_id IN (SELECT id FROM orders WHERE cart_id IN (" +
          placeholders(100) +
          ")) GROUP BY state",
      )
      .bind(...carts)
      .all<{ state: string; n: number }>();
    expect(claims.results).toEqual([{ state: "completed", n: 5 }]);
  }, 60_000);

  it("20 concurrent checkouts over HTTP for 3 units: 3 orders, 17 answers 409 out_of_stock", async () => {
    const item = await sellable({ stock: 3 });
    const carts = await cartsWithOneUnit(item.sku, 20);
    const answers = await Promise.all(carts.map((cartId) => checkout(cartId)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(3).fill(201), ...Array(17).fill(409)]);
    for (const answer of answers.filter((a) => a.status === 409)) {
      expect(answer.body).toMatchObject({ code: "out_of_stock", sku: item.sku });
    }
    expect(await countRows("orders", `cart_id IN (${placeholders(20)})`, ...carts)).toBe(3);
    expect(await stockOf(item.sku)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
  }, 30_000);
});
