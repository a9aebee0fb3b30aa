import type { EmailMessage, EmailTemplate } from "../../queues/emails.schema";
import { button, emailHtml, emailText, finePrint, formatMinutes, paragraph, SHOP_NAME } from "./email-layout";
import { html, isHttpUrl } from "./safe-html";

/** The data each template renders, keyed by template name (derived from the queue schema). */
export type TemplateData = { [M in EmailMessage as M["template"]]: M["data"] };

/** A rendered email: what the sender needs besides the addresses. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * The message's data can never render (e.g. a `javascript:` reset link). Retrying will not fix
 * it, so the consumer dead-letters the message instead of retrying.
 */
export class TemplateDataError extends Error {
  override readonly name = "TemplateDataError";
}

function welcome({ name }: TemplateData["welcome"]): RenderedEmail {
  const subject = `Welcome to ${SHOP_NAME}`;
  return {
    subject,
    html: emailHtml({
      title: subject,
      preheader: "Your account is ready.",
      body: html`${paragraph(html`Hi ${name},`)}
${paragraph(`Welcome to ${SHOP_NAME}! Your account is ready: you can now check out faster, follow your orders and review what you bought.`)}
${paragraph("Happy shopping!")}`,
    }),
    text: emailText([
      `Hi ${name},`,
      `Welcome to ${SHOP_NAME}! Your account is ready: you can now check out faster, follow your orders and review what you bought.`,
      "Happy shopping!",
    ]),
  };
}

function passwordReset({ name, resetUrl, expiresInMinutes }: TemplateData["password_reset"]): RenderedEmail {
  if (!isHttpUrl(resetUrl)) throw new TemplateDataError("password_reset: resetUrl must be an http(s) URL.");
  const subject = `Reset your ${SHOP_NAME} password`;
  const expiry = formatMinutes(expiresInMinutes);
  return {
    subject,
    html: emailHtml({
      title: subject,
      preheader: `This link expires in ${expiry}.`,
      body: html`${paragraph(html`Hi ${name},`)}
${paragraph("We received a request to reset the password of your account. Choose a new one here:")}
${button(resetUrl, "Reset password")}
${paragraph(html`This link expires in <strong>${expiry}</strong> and works once.`)}
${finePrint(html`If the button does not work, paste this address into your browser:<br>${resetUrl}`)}
${finePrint("If you did not ask for this, ignore this email: your password stays as it is.")}`,
    }),
    text: emailText([
      `Hi ${name},`,
      "We received a request to reset the password of your account. Choose a new one here:",
      resetUrl,
      `This link expires in ${expiry} and works once.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ]),
  };
}

function lowStockAlert({ sku, available, threshold }: TemplateData["low_stock_alert"]): RenderedEmail {
  const subject = `Low stock: ${sku} (${available} left)`;
  const summary = `SKU ${sku} has ${available} units available, at or below its alert threshold of ${threshold}.`;
  return {
    subject,
    html: emailHtml({
      title: subject,
      preheader: summary,
      body: html`${paragraph(html`SKU <strong>${sku}</strong> has <strong>${available}</strong> units available, at or below its alert threshold of ${threshold}.`)}
${paragraph("Restock it in the admin area before it sells out.")}`,
    }),
    text: emailText([summary, "Restock it in the admin area before it sells out."]),
  };
}

/**
 * Every template, by name. The mapped type makes a new template in queues/emails.schema.ts a
 * compile error here until it has a renderer: adding one is a schema entry plus a function.
 */
const TEMPLATES: { [T in EmailTemplate]: (data: TemplateData[T]) => RenderedEmail } = {
  welcome,
  password_reset: passwordReset,
  low_stock_alert: lowStockAlert,
};

/**
 * Renders `template` with its data into subject, HTML and text. Throws `TemplateDataError` when
 * the data can never render.
 */
export function renderEmail<T extends EmailTemplate>(template: T, data: TemplateData[T]): RenderedEmail {
  return TEMPLATES[template](data);
}
