import { cartFor } from "../cart/cart-ids";
import { randomToken } from "../shared/crypto";
import { AppError, type Problem } from "../shared/errors";
import { log } from "../shared/log";
import { computeTotals } from "../shared/money";
import {
  type Claim,
  type ClaimOptions,
  claimKey,
  ownsClaim,
  requestHash,
  settleClaim,
} from "./checkout-claims";
import {
  type CheckoutRequest,
  Compensations,
  cartRefused,
  confirmCashOnDelivery,
  redeemCoupon,
  reserveLines,
} from "./checkout-steps";
import { loadOrder } from "./order-reads";
import { actorFor } from "./order-state";
import { runOrderTasks } from "./order-tasks";
import { deleteOrder, writeOrder } from "./order-writes";
import { totalsConfig } from "./orders.config";
import type { OrdersDeps } from "./orders.deps";
import type { CheckoutResponse } from "./orders.schemas";

/**
 * The checkout saga (ADR 18): `POST /api/orders` end to end. Each step registers its undo BEFORE
 * it runs (every undo is idempotent and harmless when its step did nothing), so a failure at any
 * point undoes exactly what was done, in reverse, and leaves no reservation, order or coupon use
 * behind:
 *
 * | step                                   | undo                                |
 * |----------------------------------------|-------------------------------------|
 * | hold the cart (beginCheckout)          | endCheckout                         |
 * | redeem the coupon (redeemCoupon)       | releaseCoupon                       |
 * | reserve every line, sorted by SKU      | release every line                  |
 * | write order + lines + event (1 batch)  | delete the order                    |
 * | card: createCardPayment                | cancelPayment                       |
 * | cod: commit every line                 | restock every line                  |
 * | cod: recordCashOnDelivery              | cancelPayment                       |
 * | cod: pending_payment -> confirmed      | (point of no return)                |
 *
 * After the point of no return (card: the client secret is in hand; cod: confirmed) nothing is
 * undone: the card order lets go of the cart (endCheckout, so the shopper still sees it until the
 * payment succeeds and empties it), the cod order's tasks empty the cart and send the email.
 */

export type { CheckoutRequest } from "./checkout-steps";

/** The answer to a checkout: the first 201, or the stored answer of the key (`replayed`). */
export interface CheckoutAnswer {
  status: number;
  body: CheckoutResponse | Problem;
  replayed: boolean;
}

type Deps = OrdersDeps;

/** The saga proper, for a claimed key; throws an AppError after undoing what it did. */
async function runSaga(deps: Deps, request: CheckoutRequest, claim: Claim): Promise<CheckoutResponse> {
  const { input, caller } = request;
  const { orderId } = claim;
  const undo = new Compensations();
  let clientSecret: string | null = null;
  try {
    undo.add("end cart hold", () => deps.cart.endCheckout(input.cartId, orderId));
    const hold = await deps.cart.beginCheckout(
      input.cartId,
      orderId,
      deps.config.ORDER_RESERVATION_TTL_SECONDS,
    );
    if (!hold.ok) throw cartRefused(hold);
    const cart = hold.cart;
    if (cart.lines.length === 0) {
      throw new AppError("conflict", "The cart is empty: add something before checking out.", {
        extensions: { reason: "cart_empty" },
      });
    }
    // Pricing the held cart dropped something the shopper chose (a product no longer sold, a
    // coupon that no longer exists): let them see the cart as it is now before ordering it.
    const dropped = cart.notices.filter(
      (n) => n.code === "removed_unavailable" || n.code === "coupon_removed",
    );
    if (dropped.length > 0) {
      throw new AppError("conflict", "The cart changed: review it and check out again.", {
        extensions: { reason: "cart_changed", notices: dropped },
      });
    }

    undo.add("release coupon", async () => {
      if (cart.coupon) await deps.cart.releaseCoupon({ code: cart.coupon.code, orderId });
    });
    const coupon = await redeemCoupon(deps, cart, orderId, request);

    const totals = computeTotals({
      lines: cart.lines,
      coupon: coupon?.terms ?? null,
      config: totalsConfig(deps.config),
    });
    if (totals.total.amount !== cart.totals.total.amount) {
      // The same lines and coupon priced by other rules: the money vars of cart and orders differ.
      log("warn", "order totals differ from the cart's", {
        orderId,
        order: totals.total,
        cart: cart.totals.total,
      });
    }

    const lines = [...cart.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    undo.add("release stock", () =>
      Promise.all(lines.map((line) => deps.inventory.release(line.sku, orderId))),
    );
    const reservationExpiresAt = await reserveLines(deps, orderId, lines);

    undo.add("delete order", () => deleteOrder(deps, orderId));
    const accessToken = caller ? null : ((await existingToken(deps, orderId)) ?? randomToken(32));
    const written = await writeOrder(deps, claim, {
      id: orderId,
      userId: caller?.userId ?? null,
      input,
      lines,
      totals,
      couponCode: coupon?.code ?? null,
      reservationExpiresAt,
      accessToken,
      actor: actorFor(caller),
    });
    if (!written) throw new LostClaim();

    if (input.paymentMethod === "card") {
      undo.add("cancel payment", () => deps.payments.cancelPayment(orderId));
      const payment = await deps.payments.createCardPayment({
        orderId,
        amount: totals.total.amount,
        currency: totals.total.currency,
        email: input.email,
        attempt: 1,
      });
      if (!payment.ok) {
        const code = payment.code === "payment_unavailable" ? "service_unavailable" : "conflict";
        throw new AppError(code, `The payment could not be started: ${payment.detail}`);
      }
      clientSecret = payment.clientSecret;
    } else {
      await confirmCashOnDelivery(deps, undo, orderId, lines, totals.total, request);
    }
  } catch (error) {
    if (error instanceof LostClaim || !(await ownsClaim(deps, claim))) {
      // Another request took this attempt over (it ran past its lease): that one finishes the
      // order with the same id; undoing here would pull the ground from under it.
      log("warn", "checkout attempt lost its claim; not compensating", { orderId, error: String(error) });
      throw new AppError(
        "conflict",
        "This checkout was taken over by a retry with the same Idempotency-Key.",
      );
    }
    await undo.run(orderId);
    throw error;
  }

  // Point of no return. A card order lets go of the cart so the shopper can still look at it.
  if (input.paymentMethod === "card") {
    const ended = await deps.cart
      .endCheckout(input.cartId, orderId)
      .catch((e: unknown) => ({ ok: false, e }));
    if (!ended.ok) log("warn", "cart hold not ended after a card order; it expires by itself", { orderId });
  } else {
    await runOrderTasks(deps, orderId);
  }
  const order = await loadOrder(deps.db, orderId);
  if (!order) throw new Error(`order ${orderId} vanished after checkout`);
  const accessToken = caller ? null : await existingToken(deps, orderId);
  return {
    order: accessToken ? { ...order, accessToken } : order,
    payment: clientSecret ? { clientSecret } : null,
  };
}

/** A takeover keeps the access token the dead attempt wrote (if it got that far). */
async function existingToken(deps: Deps, orderId: string): Promise<string | null> {
  const row = await deps.d1
    .prepare("SELECT access_token AS token FROM orders WHERE id = ?")
    .bind(orderId)
    .first<{ token: string | null }>();
  return row?.token ?? null;
}

class LostClaim extends Error {
  override readonly name = "LostClaim";
}

/**
 * Places an order for `request`, exactly once per Idempotency-Key (checkout-claims.ts). Checks
 * that the caller may use the cart first (a guest cart, or the caller's own `u_<userId>`; anything
 * else is 404 like a cart that does not exist). Throws the AppError of a failed step; a failed
 * attempt's problem is also stored for requests that waited on it.
 */
export async function placeOrder(
  deps: Deps,
  request: CheckoutRequest,
  options: ClaimOptions = {},
): Promise<CheckoutAnswer> {
  if (!cartFor(request.input.cartId, request.caller)) {
    throw new AppError("not_found", `No cart with id ${request.input.cartId}.`);
  }
  const hash = await requestHash(request.input, request.caller);
  const outcome = await claimKey(deps, request.idempotencyKey, hash, options);
  if (outcome.kind === "replay") {
    return {
      status: outcome.answer.status,
      body: outcome.answer.body as CheckoutAnswer["body"],
      replayed: true,
    };
  }
  const { claim } = outcome;
  try {
    const body = await runSaga(deps, request, claim);
    await settleClaim(deps, claim, "completed", { status: 201, body });
    return { status: 201, body, replayed: false };
  } catch (error) {
    const failure =
      error instanceof AppError
        ? error
        : new AppError("internal_error", "Something went wrong on our side; nothing was ordered.");
    if (!(error instanceof AppError)) {
      log("error", "checkout failed unexpectedly", { orderId: claim.orderId, error: String(error) });
    }
    await settleClaim(deps, claim, "failed", { status: failure.status, body: failure.toProblem() });
    throw failure;
  }
}
