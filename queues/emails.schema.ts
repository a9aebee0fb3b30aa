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

export const emailMessage = z.discriminatedUnion("template", [
  welcomeEmail,
  passwordResetEmail,
  lowStockAlertEmail,
]);

/** An emails-queue message: a template, a recipient, the template's data, and an id for dedup. */
export const emailQueueMessage = z.intersection(
  emailMessage,
  z.object({ id: z.string().min(1).max(100), requestId: z.string().optional() }),
);

export type EmailMessage = z.infer<typeof emailMessage>;
export type EmailQueueMessage = z.infer<typeof emailQueueMessage>;
export type EmailTemplate = EmailMessage["template"];
