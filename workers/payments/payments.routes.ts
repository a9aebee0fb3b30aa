import { createApp } from "../shared/app";
import { AppError } from "../shared/errors";
import { healthReport } from "../shared/health";
import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import { paymentByOrder } from "./payment-state";
import { type PaymentsEnv, paymentsConfig } from "./payments.config";
import { paymentsDeps } from "./payments.deps";
import { paymentsDevRoutes } from "./payments.dev";
import { orderParams, refundInput } from "./payments.schemas";
import { paymentSummary } from "./payments.service";
import { refundPayment } from "./refunds.service";
import { receiveWebhook } from "./webhook.service";

/**
 * The payments worker's HTTP API: Stripe's webhook, admin refunds, and (in development only)
 * the tools that pay an order with a test card at the emulator.
 */
export const paymentsRoutes = createApp<PaymentsEnv>();

paymentsRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("payments", {
    database: () => c.env.PAYMENTS_DB.prepare("SELECT 1").first(),
    config: async () => paymentsConfig(c.env),
  });
  return c.json(report, status);
});

/**
 * `POST /api/payments/webhook`: Stripe-signed events only. The raw body is verified as it
 * arrived (re-serialised JSON would not verify); bad, missing or stale signatures are 400.
 */
paymentsRoutes.post("/api/payments/webhook", async (c) => {
  await receiveWebhook(paymentsDeps(c.env), await c.req.text(), c.req.header("stripe-signature") ?? null);
  return c.json({ received: true });
});

/**
 * `POST /api/payments/:orderId/refund` (admin): `{amount?, reason?}`, everything left when
 * `amount` is omitted. An `Idempotency-Key` header makes a retried request a no-op; without one
 * every request is a new refund. The refund is recorded now, its webhook confirms it, and
 * orders hears of it through `shop-payment-events`.
 */
paymentsRoutes.post(
  "/api/payments/:orderId/refund",
  onlyRoles("admin"),
  validate("param", orderParams),
  validate("json", refundInput),
  async (c) => {
    const { orderId } = c.req.valid("param");
    const body = c.req.valid("json");
    const key = c.req.header("idempotency-key");
    const deps = paymentsDeps(c.env);
    const result = await refundPayment(deps, {
      orderId,
      ...body,
      idempotencyKey: key ? `admin:${key}` : `request:${c.get("requestId")}`,
    });
    if (!result.ok) {
      const code = result.code === "payment_unavailable" ? "service_unavailable" : result.code;
      throw new AppError(code, result.detail);
    }
    const payment = await paymentByOrder(deps.db, orderId);
    return c.json({
      orderId,
      refundedAmount: result.refundedAmount,
      totalRefunded: result.totalRefunded,
      fullyRefunded: result.fullyRefunded,
      payment: payment ? paymentSummary(payment) : null,
    });
  },
);

paymentsDevRoutes(paymentsRoutes);
