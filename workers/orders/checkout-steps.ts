import type { CartRefusal, PricedCart, PricedLine } from "../cart/cart.schemas";
import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import type { DiscountTerms } from "../shared/money";
import { loadOrder } from "./order-reads";
import { actorFor } from "./order-state";
import { applyTransition } from "./order-transitions";
import type { OrdersDeps } from "./orders.deps";
import type { CheckoutInput } from "./orders.schemas";

/** The steps of the checkout saga (checkout.saga.ts) and the undo list they register with. */

export interface CheckoutRequest {
  input: CheckoutInput;
  caller: Caller | null;
  idempotencyKey: string;
}

type Deps = OrdersDeps;

/** Undo steps, run in reverse; a failing undo is logged and the others still run. */
export class Compensations {
  private readonly steps: { name: string; undo: () => Promise<unknown> }[] = [];

  add(name: string, undo: () => Promise<unknown>): void {
    this.steps.push({ name, undo });
  }

  async run(orderId: string): Promise<void> {
    for (const { name, undo } of this.steps.toReversed()) {
      try {
        await undo();
      } catch (error) {
        // What is left heals by itself: reservations and the cart hold expire; a coupon use stays
        // counted (an operator releases it with the order id in this log line).
        log("error", "checkout compensation failed", { orderId, step: name, error: String(error) });
      }
    }
  }
}

export function cartRefused(refusal: CartRefusal): AppError {
  if (refusal.code === "not_found") return new AppError("not_found", refusal.detail);
  if (refusal.code === "conflict") {
    return new AppError("conflict", "This cart is being checked out by another order; try again shortly.");
  }
  return new AppError("conflict", refusal.detail);
}

/** Redeems the cart's coupon for the order (checked again, counted once); null without one. */
export async function redeemCoupon(
  deps: Deps,
  cart: PricedCart,
  orderId: string,
  request: CheckoutRequest,
): Promise<{ code: string; terms: DiscountTerms } | null> {
  // A coupon attached to the cart is redeemed even when the cart showed it as not applying (e.g.
  // its last use went meanwhile): placing the order without the discount the shopper counted on
  // would change the price silently. The refusal (422 coupon_invalid, with the rule) lets them
  // remove the coupon or meet its rule, then check out again.
  if (!cart.coupon) return null;
  const redemption = await deps.cart.redeemCoupon({
    code: cart.coupon.code,
    orderId,
    ...(request.caller ? { userId: request.caller.userId } : { email: request.input.email }),
    subtotal: cart.totals.subtotal.amount,
    at: deps.now(),
  });
  if (!redemption.ok) {
    throw new AppError("coupon_invalid", redemption.detail, {
      extensions: { coupon: cart.coupon.code, rule: redemption.rule },
    });
  }
  return {
    code: redemption.coupon.code,
    terms: { kind: redemption.coupon.kind, value: redemption.coupon.value },
  };
}

/** Reserves every line, in SKU order; the earliest reservation expiry is the order's. */
export async function reserveLines(
  deps: Deps,
  orderId: string,
  lines: readonly PricedLine[],
): Promise<number> {
  let expiresAt = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const reservation = await deps.inventory.reserve(
      line.sku,
      orderId,
      line.quantity,
      deps.config.ORDER_RESERVATION_TTL_SECONDS,
    );
    if (!reservation.ok) {
      if (reservation.code === "out_of_stock") {
        throw new AppError(
          "out_of_stock",
          `Only ${reservation.available} of ${line.name} (${line.sku}) can be bought now; you asked for ${reservation.requested}.`,
          {
            extensions: { sku: line.sku, requested: reservation.requested, available: reservation.available },
          },
        );
      }
      throw new AppError("conflict", reservation.detail, { extensions: { sku: line.sku } });
    }
    expiresAt = Math.min(expiresAt, reservation.expiresAt);
  }
  return expiresAt;
}

/** Cash on delivery: the sale is final at once (stock committed, payment recorded as due). */
export async function confirmCashOnDelivery(
  deps: Deps,
  undo: Compensations,
  orderId: string,
  lines: readonly PricedLine[],
  total: { amount: number; currency: string },
  request: CheckoutRequest,
): Promise<void> {
  undo.add("restock", () => Promise.all(lines.map((line) => deps.inventory.restock(line.sku, orderId))));
  for (const line of lines) {
    const sale = await deps.inventory.commit(line.sku, orderId);
    if (!sale.ok)
      throw new AppError("conflict", `The stock of ${line.sku} could not be committed: ${sale.detail}`);
  }
  undo.add("cancel payment", () => deps.payments.cancelPayment(orderId));
  const payment = await deps.payments.recordCashOnDelivery({
    orderId,
    amount: total.amount,
    currency: total.currency,
  });
  if (!payment.ok) throw new AppError("conflict", payment.detail);
  const confirmed = await applyTransition(deps, {
    orderId,
    from: "pending_payment",
    to: "confirmed",
    actor: actorFor(request.caller),
    note: "Cash on delivery: confirmed at checkout.",
    tasks: ["clear_cart", "email_confirmation"],
  });
  // `stale` on a takeover whose dead attempt had confirmed already.
  if (!confirmed.ok && (await loadOrder(deps.db, orderId))?.status !== "confirmed") {
    throw new AppError("conflict", confirmed.detail);
  }
}
