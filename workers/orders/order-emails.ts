import type { EmailQueueMessage } from "../../queues/emails.schema";
import { type OrderLineRow, type OrderRow, orderTotals } from "./order-reads";
import type { OrdersConfig } from "./orders.config";

/** The order emails, by the task that sends each (order-tasks.ts). */
export const ORDER_EMAILS = {
  email_confirmation: "order_confirmation",
  email_shipped: "order_shipped",
  email_delivered: "order_delivered",
  email_cancelled: "order_cancelled",
  email_refunded: "order_refunded",
  email_expired: "order_expired",
} as const;

export type OrderEmailTask = keyof typeof ORDER_EMAILS;

/**
 * The id of an order's email of one kind. Derived, never random: the notifications outbox
 * deduplicates by it, so an email sent twice (a retried task) is stored once.
 */
export function orderEmailId(orderId: string, task: OrderEmailTask): string {
  return `order-${orderId}-${task.slice("email_".length)}`;
}

/** The link to the order's page; a guest's carries the order's access token. */
export function orderUrl(config: Pick<OrdersConfig, "APP_URL">, row: OrderRow): string {
  const url = new URL(`/orders/${encodeURIComponent(row.id)}`, config.APP_URL);
  if (row.userId === null && row.accessToken) url.searchParams.set("token", row.accessToken);
  return url.toString();
}

/** What an email of a kind needs beyond the order itself. */
export interface OrderEmailContext {
  /** The note of the history event that led to the email (shipping note, cancellation reason). */
  note: string | null;
  /** Whether a refund goes with a cancellation. */
  refunding: boolean;
}

/** The `shop-emails` message for an order email, with the order's lines and totals. */
export function orderEmailMessage(
  task: OrderEmailTask,
  row: OrderRow,
  lines: readonly OrderLineRow[],
  config: Pick<OrdersConfig, "APP_URL">,
  context: OrderEmailContext,
): EmailQueueMessage {
  const m = (amount: number) => ({ amount, currency: row.currency });
  const base = {
    orderId: row.id,
    name: String(row.shippingAddress.name ?? row.email).slice(0, 100),
    orderUrl: orderUrl(config, row),
    lines: lines.map((line) => ({
      name: line.name,
      sku: line.sku,
      options: line.options,
      quantity: line.quantity,
      unitPrice: m(line.unitPriceAmount),
      lineTotal: m(line.lineTotalAmount),
    })),
    totals: orderTotals(row),
  };
  const envelope = { id: orderEmailId(row.id, task), to: row.email };
  switch (task) {
    case "email_confirmation":
      return {
        ...envelope,
        template: "order_confirmation",
        data: { ...base, paymentMethod: row.paymentMethod },
      };
    case "email_shipped":
      return { ...envelope, template: "order_shipped", data: { ...base, note: context.note } };
    case "email_delivered":
      return { ...envelope, template: "order_delivered", data: base };
    case "email_cancelled":
      return {
        ...envelope,
        template: "order_cancelled",
        data: { ...base, refund: context.refunding ? m(row.totalAmount) : null, reason: context.note },
      };
    case "email_refunded":
      return { ...envelope, template: "order_refunded", data: { ...base, refunded: m(row.refundedAmount) } };
    case "email_expired":
      return { ...envelope, template: "order_expired", data: base };
  }
}
