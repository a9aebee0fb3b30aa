import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { orderEvents, orderLines, orders } from "../../db/orders/schema";
import type { Caller } from "../shared/caller";
import { timingSafeEqual } from "../shared/crypto";
import { money } from "../shared/money";
import type {
  Order,
  OrderHistoryEntry,
  OrderLine,
  OrderSummary,
  Page,
  ShippingAddress,
} from "./orders.schemas";
import type { OrdersDb } from "./orders.service";

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
type OrderEventRow = typeof orderEvents.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

function toLine(row: OrderLineRow): OrderLine {
  return {
    sku: row.sku,
    productId: row.productId,
    name: row.name,
    options: row.options,
    image: row.imageUrl,
    quantity: row.quantity,
    unitPrice: money(row.unitPriceAmount, row.currency),
    lineTotal: money(row.lineTotalAmount, row.currency),
  };
}

function toHistory(row: OrderEventRow): OrderHistoryEntry {
  return { from: row.fromStatus, to: row.toStatus, actor: row.actor, note: row.note, at: iso(row.createdAt) };
}

/** An order's totals, in its currency (API answers and emails show the same). */
export function orderTotals(row: OrderRow): OrderSummary["totals"] {
  const m = (amount: number) => money(amount, row.currency);
  return {
    subtotal: m(row.subtotalAmount),
    discount: m(row.discountAmount),
    tax: m(row.taxAmount),
    shipping: m(row.shippingAmount),
    total: m(row.totalAmount),
  };
}

/** An order row and its lines as the API shows it in a list (no history). */
export function toSummary(row: OrderRow, lines: readonly OrderLineRow[]): OrderSummary {
  return {
    id: row.id,
    status: row.status,
    email: row.email,
    userId: row.userId,
    lines: lines.map(toLine),
    totals: orderTotals(row),
    refunded: money(row.refundedAmount, row.currency),
    coupon: row.couponCode,
    shippingAddress: row.shippingAddress as ShippingAddress,
    paymentMethod: row.paymentMethod,
    reservationExpiresAt:
      row.status === "pending_payment" && row.reservationExpiresAt !== null
        ? iso(row.reservationExpiresAt)
        : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The order row, or undefined. */
export function findOrderRow(db: OrdersDb, id: string): Promise<OrderRow | undefined> {
  return db.select().from(orders).where(eq(orders.id, id)).get();
}

/** An order's lines, by SKU. */
export function orderLinesOf(db: OrdersDb, id: string): Promise<OrderLineRow[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.sku));
}

/** The full order (lines and history) for a row already read. */
export async function orderFromRow(db: OrdersDb, row: OrderRow): Promise<Order> {
  const [lines, events] = await db.batch([
    db.select().from(orderLines).where(eq(orderLines.orderId, row.id)).orderBy(asc(orderLines.sku)),
    db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, row.id))
      .orderBy(asc(orderEvents.createdAt), asc(sql`rowid`)),
  ]);
  return { ...toSummary(row, lines), history: events.map(toHistory) };
}

/** The full order, or null. */
export async function loadOrder(db: OrdersDb, id: string): Promise<Order | null> {
  const row = await findOrderRow(db, id);
  return row ? orderFromRow(db, row) : null;
}

/**
 * Whether `caller` (or whoever holds `token`) may see the order: its customer, an admin, or, for
 * a guest order, the holder of its access token (compared in constant time). Anyone else is
 * answered as if the order did not exist.
 */
export function maySee(row: OrderRow, caller: Caller | null, token: string | undefined): boolean {
  if (caller?.role === "admin") return true;
  if (row.userId !== null) return caller?.userId === row.userId;
  if (!token || row.accessToken === null) return false;
  const encoder = new TextEncoder();
  return timingSafeEqual(encoder.encode(token), encoder.encode(row.accessToken));
}

/** Filters of an order list. */
export interface OrderFilter {
  userId?: string;
  status?: OrderRow["status"];
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

/** A page of orders matching `filter`, newest first, each with its lines. */
export async function listOrders(
  db: OrdersDb,
  filter: OrderFilter,
  page: number,
  limit: number,
): Promise<Page<OrderSummary>> {
  const conditions: SQL[] = [];
  if (filter.userId !== undefined) conditions.push(eq(orders.userId, filter.userId));
  if (filter.status !== undefined) conditions.push(eq(orders.status, filter.status));
  if (filter.from !== undefined) conditions.push(gte(orders.createdAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(orders.createdAt, filter.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, totals] = await db.batch([
    db
      .select()
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ n: count() }).from(orders).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const lines =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(orderLines)
          .where(inArray(orderLines.orderId, ids))
          .orderBy(asc(orderLines.sku));
  const byOrder = new Map<string, OrderLineRow[]>();
  for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
  return {
    items: rows.map((row) => toSummary(row, byOrder.get(row.id) ?? [])),
    total: totals[0]?.n ?? 0,
    page,
    limit,
  };
}
