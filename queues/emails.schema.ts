import { z } from "zod";

/**
 * Messages of the `shop-emails` queue (consumed by notifications). Each names a template and
 * carries exactly the data that template renders; producers never send HTML.
 */
const recipient = z.email().max(254);

export const welcomeEmail = z.object({
  template: z.literal("welcome"),
  to: recipient,
  data: z.object({ name: z.string().min(1).max(100) }),
});

export const passwordResetEmail = z.object({
  template: z.literal("password_reset"),
  to: recipient,
  data: z.object({
    name: z.string().min(1).max(100),
    resetUrl: z.url(),
    expiresInMinutes: z.number().int().positive(),
  }),
});

export const lowStockAlertEmail = z.object({
  template: z.literal("low_stock_alert"),
  to: recipient,
  data: z.object({ sku: z.string().min(1), available: z.number().int(), threshold: z.number().int() }),
});

/** An amount in integer minor units of an ISO 4217 currency (API.md "Money"). */
const money = z.object({ amount: z.number().int().nonnegative(), currency: z.string().length(3) });

/** One line of an order as its emails list it (the order's snapshot, not the live catalog). */
export const orderEmailLine = z.object({
  name: z.string().min(1).max(200),
  sku: z.string().min(1).max(64),
  options: z.record(z.string(), z.string()),
  quantity: z.number().int().positive(),
  unitPrice: money,
  lineTotal: money,
});

/** What every order email shows: which order, for whom, its lines and totals, and a link to it. */
const orderEmailData = z.object({
  orderId: z.string().min(1).max(100),
  /** The shipping address's name: whom the email greets. */
  name: z.string().min(1).max(100),
  /** The order's page (a guest's link carries the order's access token). */
  orderUrl: z.url(),
  lines: z.array(orderEmailLine).min(1).max(50),
  totals: z.object({ subtotal: money, discount: money, tax: money, shipping: money, total: money }),
});

export const orderConfirmationEmail = z.object({
  template: z.literal("order_confirmation"),
  to: recipient,
  data: orderEmailData.extend({ paymentMethod: z.enum(["card", "cod"]) }),
});

export const orderShippedEmail = z.object({
  template: z.literal("order_shipped"),
  to: recipient,
  /** `note`: what the admin wrote when shipping (e.g. the carrier and tracking number). */
  data: orderEmailData.extend({ note: z.string().max(500).nullable() }),
});

export const orderDeliveredEmail = z.object({
  template: z.literal("order_delivered"),
  to: recipient,
  data: orderEmailData,
});

export const orderCancelledEmail = z.object({
  template: z.literal("order_cancelled"),
  to: recipient,
  /** `refund`: what goes back to the card (null when nothing was paid); `reason` for the customer. */
  data: orderEmailData.extend({ refund: money.nullable(), reason: z.string().max(500).nullable() }),
});

export const orderRefundedEmail = z.object({
  template: z.literal("order_refunded"),
  to: recipient,
  data: orderEmailData.extend({ refunded: money }),
});

export const orderExpiredEmail = z.object({
  template: z.literal("order_expired"),
  to: recipient,
  data: orderEmailData,
});

export const emailMessage = z.discriminatedUnion("template", [
  welcomeEmail,
  passwordResetEmail,
  lowStockAlertEmail,
  orderConfirmationEmail,
  orderShippedEmail,
  orderDeliveredEmail,
  orderCancelledEmail,
  orderRefundedEmail,
  orderExpiredEmail,
]);

/** An emails-queue message: a template, a recipient, the template's data, and an id for dedup. */
export const emailQueueMessage = z.intersection(
  emailMessage,
  z.object({ id: z.string().min(1).max(100), requestId: z.string().optional() }),
);

export type EmailMessage = z.infer<typeof emailMessage>;
export type EmailQueueMessage = z.infer<typeof emailQueueMessage>;
export type EmailTemplate = EmailMessage["template"];
