import type { EmailMessage, EmailTemplate } from "../../queues/emails.schema";
import { button, emailHtml, emailText, finePrint, formatMinutes, paragraph, SHOP_NAME } from "./email-layout";
import { html, isHttpUrl, type SafeHtml } from "./safe-html";

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

type Money = TemplateData["order_confirmation"]["totals"]["total"];
type OrderData = TemplateData["order_delivered"];

/** `{amount: 1999, currency: "USD"}` -> "$19.99": minor units in the currency's own decimals. */
export function formatMoney({ amount, currency }: Money): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** How an order is named to its customer: `#` and the first 8 characters of its id. */
export function orderReference(orderId: string): string {
  return `#${orderId.replaceAll("-", "").slice(0, 8).toUpperCase()}`;
}

function checkedOrderUrl(template: string, orderUrl: string): string {
  if (!isHttpUrl(orderUrl)) throw new TemplateDataError(`${template}: orderUrl must be an http(s) URL.`);
  return orderUrl;
}

function optionsText(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
}

const CELL = "padding:4px 0;border-bottom:1px solid #e4e4e7;";
const AMOUNT_CELL = `${CELL}text-align:right;white-space:nowrap;`;
const TOTAL_CELL = "padding:8px 0;font-weight:bold;";

/** The totals above the grand total, as label and formatted amount (a discount only when given). */
function totalRows(totals: OrderData["totals"]): [label: string, amount: string][] {
  return [
    ["Subtotal", formatMoney(totals.subtotal)],
    ...(totals.discount.amount > 0
      ? [["Discount", `−${formatMoney(totals.discount)}`] as [string, string]]
      : []),
    ["Tax", formatMoney(totals.tax)],
    ["Shipping", formatMoney(totals.shipping)],
  ];
}

/** The order's lines and totals as an HTML table (every value escaped by `html`). */
function orderTable({ lines, totals }: OrderData): SafeHtml {
  const lineRows = lines.map((line) => {
    const options =
      Object.keys(line.options).length > 0
        ? html`<br><span style="color:#71717a;font-size:13px;">${optionsText(line.options)}</span>`
        : null;
    return html`<tr><td style="${CELL}">${line.quantity} × ${line.name}${options}</td><td style="${AMOUNT_CELL}">${formatMoney(line.lineTotal)}</td></tr>
`;
  });
  const sums = totalRows(totals).map(
    ([
      label,
      amount,
    ]) => html`<tr><td style="${CELL}">${label}</td><td style="${AMOUNT_CELL}">${amount}</td></tr>
`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px;font-size:15px;">
${lineRows}${sums}<tr><td style="${TOTAL_CELL}">Total</td><td style="${TOTAL_CELL}text-align:right;">${formatMoney(totals.total)}</td></tr>
</table>`;
}

/** The order's lines and totals as plain text, one line each. */
function orderLinesText({ lines, totals }: OrderData): string {
  return [
    ...lines.map((line) => {
      const options = Object.keys(line.options).length > 0 ? ` (${optionsText(line.options)})` : "";
      return `${line.quantity} × ${line.name}${options}: ${formatMoney(line.lineTotal)}`;
    }),
    ...totalRows(totals).map(([label, amount]) => `${label}: ${amount}`),
    `Total: ${formatMoney(totals.total)}`,
  ].join("\n");
}

/**
 * The one layout of every order email: greeting, what happened (`lead`, then `extra` lines), the
 * order's lines and totals, and a button to the order.
 */
function orderEmail(
  template: string,
  data: OrderData,
  content: { subject: string; preheader: string; lead: string; extra?: string[] },
): RenderedEmail {
  const orderUrl = checkedOrderUrl(template, data.orderUrl);
  const extra = content.extra ?? [];
  return {
    subject: content.subject,
    html: emailHtml({
      title: content.subject,
      preheader: content.preheader,
      body: html`${paragraph(html`Hi ${data.name},`)}
${paragraph(content.lead)}
${extra.map((line) => paragraph(line))}
${orderTable(data)}
${button(orderUrl, "View your order")}
${finePrint(html`If the button does not work, paste this address into your browser:<br>${orderUrl}`)}`,
    }),
    text: emailText([
      `Hi ${data.name},`,
      content.lead,
      ...extra,
      orderLinesText(data),
      `View your order: ${orderUrl}`,
    ]),
  };
}

function orderConfirmation(data: TemplateData["order_confirmation"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  const payment =
    data.paymentMethod === "cod"
      ? `You pay ${formatMoney(data.totals.total)} in cash on delivery.`
      : `We received your payment of ${formatMoney(data.totals.total)}.`;
  return orderEmail("order_confirmation", data, {
    subject: `Order ${reference} confirmed`,
    preheader: `Thank you for your order. ${payment}`,
    lead: `Thank you for your order ${reference}: it is confirmed and we are getting it ready. ${payment}`,
  });
}

function orderShipped(data: TemplateData["order_shipped"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  return orderEmail("order_shipped", data, {
    subject: `Order ${reference} has shipped`,
    preheader: "Your order is on its way.",
    lead: `Good news: your order ${reference} is on its way.`,
    extra: data.note ? [data.note] : [],
  });
}

function orderDelivered(data: TemplateData["order_delivered"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  return orderEmail("order_delivered", data, {
    subject: `Order ${reference} was delivered`,
    preheader: "Your order has arrived.",
    lead: `Your order ${reference} has been delivered. Enjoy it, and tell other shoppers what you think with a review.`,
  });
}

function orderCancelled(data: TemplateData["order_cancelled"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  const refund = data.refund
    ? `We are refunding ${formatMoney(data.refund)} to your card; banks usually show it within 5-10 days.`
    : "You have not been charged.";
  return orderEmail("order_cancelled", data, {
    subject: `Order ${reference} is cancelled`,
    preheader: refund,
    lead: `Your order ${reference} is cancelled. ${refund}`,
    extra: data.reason ? [data.reason] : [],
  });
}

function orderRefunded(data: TemplateData["order_refunded"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  const refunded = formatMoney(data.refunded);
  return orderEmail("order_refunded", data, {
    subject: `Order ${reference} refunded`,
    preheader: `${refunded} is on its way back to you.`,
    lead: `We refunded ${refunded} for your order ${reference}. Banks usually show it within 5-10 days.`,
  });
}

function orderExpired(data: TemplateData["order_expired"]): RenderedEmail {
  const reference = orderReference(data.orderId);
  return orderEmail("order_expired", data, {
    subject: `Order ${reference} expired`,
    preheader: "We did not receive the payment in time, so the items went back on sale.",
    lead: `We did not receive the payment for your order ${reference} in time, so it has expired and the items went back on sale. You have not been charged; your cart is still there if you want to try again.`,
  });
}

/**
 * Every template, by name. The mapped type makes a new template in queues/emails.schema.ts a
 * compile error here until it has a renderer: adding one is a schema entry plus a function.
 */
const TEMPLATES: { [T in EmailTemplate]: (data: TemplateData[T]) => RenderedEmail } = {
  welcome,
  password_reset: passwordReset,
  low_stock_alert: lowStockAlert,
  order_confirmation: orderConfirmation,
  order_shipped: orderShipped,
  order_delivered: orderDelivered,
  order_cancelled: orderCancelled,
  order_refunded: orderRefunded,
  order_expired: orderExpired,
};

/**
 * Renders `template` with its data into subject, HTML and text. Throws `TemplateDataError` when
 * the data can never render.
 */
export function renderEmail<T extends EmailTemplate>(template: T, data: TemplateData[T]): RenderedEmail {
  return TEMPLATES[template](data);
}
