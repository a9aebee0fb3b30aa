import { type PaymentEventMessage, paymentEventMessage } from "../../queues/payment-events.schema";
import { PAID_STATUSES, type PaymentRow } from "./payment-state";

/** Sends one `shop-payment-events` message (to the orders worker). */
export type PublishPaymentEvent = (message: PaymentEventMessage) => Promise<void>;

/** The queue producer as a publisher; every message is checked against its schema first. */
export function queuePublisher(queue: Queue): PublishPaymentEvent {
  return async (message) => {
    await queue.send(paymentEventMessage.parse(message), { contentType: "json" });
  };
}

/**
 * What a payment's state says about the payment itself, as a message: paid (whatever was
 * refunded since) -> `succeeded`, declined -> `failed`, cancelled -> `canceled`; nothing for a
 * payment still pending. Sent after PaymentIntent events and payments' own transitions.
 */
export function paymentMessage(payment: PaymentRow, eventId: string, at: number): PaymentEventMessage | null {
  let kind: PaymentEventMessage["kind"];
  if (PAID_STATUSES.includes(payment.status)) kind = "succeeded";
  else if (payment.status === "failed") kind = "failed";
  else if (payment.status === "cancelled") kind = "canceled";
  else return null;
  return base(payment, kind, payment.amount, eventId, at);
}

/** The refunds so far (`amount` = total refunded), once anything was refunded. */
export function refundMessage(payment: PaymentRow, eventId: string, at: number): PaymentEventMessage | null {
  if (payment.status !== "partially_refunded" && payment.status !== "refunded") return null;
  return base(payment, "refunded", payment.refundedAmount, eventId, at);
}

/**
 * The event id of a message for a change payments made itself (no Stripe event behind it):
 * derived from the change, so a repeated call names the same change the same way.
 */
export function localEventId(payment: PaymentRow, kind: PaymentEventMessage["kind"]): string {
  const detail = kind === "refunded" ? `:${payment.refundedAmount}` : "";
  return `payments:${payment.id}:${kind}${detail}`;
}

function base(
  payment: PaymentRow,
  kind: PaymentEventMessage["kind"],
  amount: number,
  eventId: string,
  at: number,
): PaymentEventMessage {
  return {
    orderId: payment.orderId,
    kind,
    paymentIntentId: payment.stripePaymentIntentId,
    amount,
    currency: payment.currency,
    eventId,
    at,
  };
}
