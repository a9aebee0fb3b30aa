import type { PricedLine } from "../cart/cart.schemas";
import type { Totals } from "../shared/money";
import { type Claim, claimGuard } from "./checkout-claims";
import type { Actor } from "./order-state";
import type { OrdersDeps } from "./orders.deps";
import type { CheckoutInput } from "./orders.schemas";

type Deps = Pick<OrdersDeps, "d1" | "now">;

/** What the saga writes as a new order. */
export interface NewOrder {
  id: string;
  userId: string | null;
  input: CheckoutInput;
  lines: readonly PricedLine[];
  totals: Totals;
  couponCode: string | null;
  reservationExpiresAt: number;
  accessToken: string | null;
  actor: Actor;
}

/**
 * Writes the order (`pending_payment`), its line snapshots (name, SKU, options, unit price, image
 * as the catalog gave them now) and its first history event in ONE D1 batch, and only while the
 * attempt owns its claim: an attempt that was taken over writes nothing. Re-running it for the
 * same order (a takeover resuming an attempt that had written it) changes nothing.
 * Answers whether the order exists for this claim's key afterwards.
 */
export async function writeOrder(deps: Deps, claim: Claim, order: NewOrder): Promise<boolean> {
  const now = deps.now();
  const guard = claimGuard(claim);
  const { totals, input } = order;
  const currency = totals.total.currency;
  const orderExists = "EXISTS (SELECT 1 FROM orders WHERE id = ? AND idempotency_key = ?)";
  const statements = [
    deps.d1
      .prepare(
        `INSERT INTO orders (id, user_id, email, status, payment_method, cart_id, idempotency_key, request_hash,
           currency, subtotal_amount, discount_amount, tax_amount, shipping_amount, total_amount, coupon_code,
           shipping_address, reservation_expires_at, refunded_amount, access_token, transition_id, created_at,
           updated_at)
         SELECT ?, ?, ?, 'pending_payment', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'placed', ?, ?
         WHERE ${guard.sql}
         ON CONFLICT (id) DO NOTHING`,
      )
      .bind(
        order.id,
        order.userId,
        input.email,
        input.paymentMethod,
        input.cartId,
        claim.idempotencyKey,
        claim.requestHash,
        currency,
        totals.subtotal.amount,
        totals.discount.amount,
        totals.tax.amount,
        totals.shipping.amount,
        totals.total.amount,
        order.couponCode,
        JSON.stringify(input.shippingAddress),
        order.reservationExpiresAt,
        order.accessToken,
        now,
        now,
        ...guard.params,
      ),
    ...order.lines.map((line) =>
      deps.d1
        .prepare(
          `INSERT INTO order_lines (order_id, sku, product_id, name, options, image_url, quantity,
             unit_price_amount, line_total_amount, currency)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${orderExists}
           ON CONFLICT (order_id, sku) DO NOTHING`,
        )
        .bind(
          order.id,
          line.sku,
          line.productId,
          line.name,
          JSON.stringify(line.options),
          line.image,
          line.quantity,
          line.unitPrice.amount,
          line.lineTotal.amount,
          line.unitPrice.currency,
          order.id,
          claim.idempotencyKey,
        ),
    ),
    deps.d1
      .prepare(
        `INSERT INTO order_events (id, order_id, from_status, to_status, actor, note, created_at)
         SELECT ?, ?, NULL, 'pending_payment', ?, ?, ? WHERE ${orderExists}
         ON CONFLICT (id) DO NOTHING`,
      )
      .bind(
        `placed-${order.id}`,
        order.id,
        order.actor,
        "Order placed.",
        now,
        order.id,
        claim.idempotencyKey,
      ),
    deps.d1.prepare(`SELECT 1 AS ok WHERE ${orderExists}`).bind(order.id, claim.idempotencyKey),
  ];
  const results = await deps.d1.batch<{ ok: number }>(statements);
  return (results.at(-1)?.results.length ?? 0) === 1;
}

/**
 * Deletes an unpaid order with everything written for it (a compensation of the saga). An order
 * that moved on (confirmed) is past the saga's point of no return and is left alone.
 */
export async function deleteOrder(deps: Deps, orderId: string): Promise<void> {
  const pending = "order_id IN (SELECT id FROM orders WHERE id = ? AND status = 'pending_payment')";
  await deps.d1.batch([
    ...["order_tasks", "order_events", "order_lines"].map((table) =>
      deps.d1.prepare(`DELETE FROM ${table} WHERE ${pending}`).bind(orderId),
    ),
    deps.d1.prepare("DELETE FROM orders WHERE id = ? AND status = 'pending_payment'").bind(orderId),
  ]);
}
