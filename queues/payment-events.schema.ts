import { z } from "zod";

/**
 * A `shop-payment-events` message (payments -> orders): a payment of an order moved to a new
 * state, after payments verified the Stripe webhook and re-read the PaymentIntent. Payments sends
 * it again for a redelivered webhook event, so orders must treat every message as idempotent
 * and move the order only forward.
 */
export const paymentEventMessage = z.object({
  orderId: z.string().min(1).max(100),
  /** What happened to the order's payment. */
  kind: z.enum(["succeeded", "failed", "canceled", "refunded"]),
  /** The PaymentIntent id (card), for logs and reconciliation. */
  paymentIntentId: z.string().min(1).max(255).nullable(),
  /** Minor units: the amount paid (succeeded) or the total refunded so far (refunded). */
  amount: z.number().int().nonnegative(),
  currency: z.string().length(3),
  /** The Stripe event id it came from (or a local id for payments' own transitions). */
  eventId: z.string().min(1).max(255),
  at: z.number().int().positive(),
});
export type PaymentEventMessage = z.infer<typeof paymentEventMessage>;
