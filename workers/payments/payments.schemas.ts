import { z } from "zod";

/** Order ids come from the orders worker; payments only needs them to be sane keys. */
export const orderIdSchema = z.string().min(1).max(100);

/** Route params naming an order. */
export const orderParams = z.object({ orderId: orderIdSchema });

const currencySchema = z.string().regex(/^[A-Za-z]{3}$/, "an ISO 4217 code such as USD");
/** Stripe's ceiling for one payment (99,999,999 minor units). */
const MAX_AMOUNT = 99_999_999;

/** `CardPaymentRequest` (payments.contract.ts) as orders sends it. */
export const cardPaymentRequestSchema = z.object({
  orderId: orderIdSchema,
  amount: z.number().int().min(1).max(MAX_AMOUNT),
  currency: currencySchema,
  email: z.email().max(320),
  attempt: z.number().int().min(1).max(1000),
});

/** `CashPaymentRequest`. */
export const cashPaymentRequestSchema = z.object({
  orderId: orderIdSchema,
  amount: z.number().int().min(0).max(MAX_AMOUNT),
  currency: currencySchema,
});

/** `RefundRequest`. */
export const refundRequestSchema = z.object({
  orderId: orderIdSchema,
  amount: z.number().int().min(1).max(MAX_AMOUNT).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  idempotencyKey: z.string().min(1).max(200),
});

/** `POST /api/payments/:orderId/refund` body: omit `amount` to refund everything not refunded yet. */
export const refundInput = z
  .object({
    amount: z.number().int().min(1).max(MAX_AMOUNT).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type RefundInput = z.infer<typeof refundInput>;

/** `POST /dev/payments/:orderId/pay` body: which test card to pay with. */
export const devPayInput = z.object({ card: z.enum(["visa", "declined"]).default("visa") }).strict();
export type DevPayInput = z.infer<typeof devPayInput>;
