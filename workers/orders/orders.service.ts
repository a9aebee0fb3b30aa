import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/orders/schema";

/** The orders database through drizzle, with the schema for typed queries. */
export function ordersDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type OrdersDb = ReturnType<typeof ordersDb>;

/**
 * The states in which the customer has paid (or, for cash on delivery, committed to) the order.
 * Refunded, cancelled and expired orders do not count: the goods were not kept.
 */
export const PURCHASED_STATUSES = [
  "confirmed",
  "processing",
  "shipped",
  "delivered",
] as const satisfies readonly schema.OrderStatus[];

/** Whether `userId` has bought `productId` (any of its SKUs): the reviews' verified badge. */
export async function hasPurchased(
  { db }: { db: OrdersDb },
  userId: string,
  productId: string,
): Promise<boolean> {
  const { orders, orderLines } = schema;
  const hit = await db
    .select({ orderId: orderLines.orderId })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        eq(orders.userId, userId),
        eq(orderLines.productId, productId),
        inArray(orders.status, [...PURCHASED_STATUSES]),
      ),
    )
    .limit(1)
    .get();
  return hit !== undefined;
}
