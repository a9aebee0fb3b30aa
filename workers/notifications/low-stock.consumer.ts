import { type LowStockMessage, lowStockMessage } from "../../queues/low-stock.schema";
import { fieldErrors } from "../shared/errors";
import { type ConsumerDeps, deadLetter, deliverEmail, type TemplatedEmail } from "./emails.consumer";

/** The low-stock consumer also needs to know who is alerted. */
export interface LowStockDeps extends ConsumerDeps {
  adminEmail: string;
}

/**
 * The admin email for a low-stock event. Its id comes from the event (SKU and time), so a
 * redelivered event is stored or sent once.
 */
export function lowStockAlert(event: LowStockMessage, adminEmail: string): TemplatedEmail {
  return {
    id: `low-stock:${event.sku}:${event.at}`,
    template: "low_stock_alert",
    to: adminEmail,
    data: { sku: event.sku, available: event.available, threshold: event.threshold },
  };
}

/**
 * Consumer of the `shop-low-stock` queue: each valid event becomes a `low_stock_alert` email to
 * the admin; invalid events are dead-lettered. Every message is acked or retried explicitly.
 */
export async function handleLowStockBatch(batch: MessageBatch<unknown>, deps: LowStockDeps): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = lowStockMessage.safeParse(message.body);
      if (!parsed.success) {
        await deadLetter(
          message,
          batch.queue,
          "invalid low-stock message",
          deps,
          fieldErrors(parsed.error.issues),
        );
        return;
      }
      await deliverEmail(message, batch.queue, lowStockAlert(parsed.data, deps.adminEmail), deps);
    }),
  );
}
