import { z } from "zod";
import { ORDER_STATUSES, type OrderStatus, PAYMENT_METHODS } from "../../db/orders/schema";
import type { Money, Totals } from "../shared/money";

/**
 * Request and response shapes of the orders API (API.md "Orders and payments"). Imports no
 * runtime code beyond zod and the schema's constant lists, so the storefront can share them.
 */

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";

/** An `Idempotency-Key`: 8-200 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string("Send an Idempotency-Key header (e.g. a UUID) so a retried checkout cannot order twice.")
  .regex(/^[\x21-\x7e]{8,200}$/, "An Idempotency-Key is 8-200 visible ASCII characters, e.g. a UUID.");

const text = (max: number, what: string) =>
  z.string(`Enter ${what}.`).trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);

export const shippingAddressSchema = z.strictObject({
  name: text(100, "the recipient's name"),
  line1: text(200, "the street address"),
  line2: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  city: text(100, "the city"),
  postalCode: text(20, "the postal code"),
  country: z
    .string("Enter the country as a two-letter ISO code, e.g. US.")
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the country as a two-letter ISO code, e.g. US."),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{5,30}$/, "Enter a phone number of digits, spaces and + ( ) - . /")
    .optional(),
});
export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

/** `POST /api/orders`. */
export const checkoutInput = z.strictObject({
  cartId: text(200, "the cart's id"),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  shippingAddress: shippingAddressSchema,
  paymentMethod: z.enum(PAYMENT_METHODS, "Use 'card' or 'cod'."),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

export const orderIdParam = z.object({ id: z.string().min(1).max(100) });

/** `?token=` of a guest's order links. */
export const orderAccessQuery = z.object({ token: z.string().min(1).max(200).optional() });

/** `PATCH /api/orders/:id/status` (admin). Only fulfilment moves are legal; others answer 409. */
export const statusPatchInput = z.strictObject({
  status: z.enum(ORDER_STATUSES, `Use one of ${ORDER_STATUSES.join(", ")}.`),
  note: z.string().trim().min(1).max(500, "Use at most 500 characters.").optional(),
});

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const limit = z.coerce.number().int().min(1).max(100).default(24);

/** `GET /api/orders`. */
export const ownOrdersQuery = z.object({ page, limit });

/** A date (`2026-05-01`, from midnight UTC) or a date-time with offset. */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: "Use a date (2026-05-01) or an ISO 8601 date-time (2026-05-01T12:00:00Z).",
});

/** `GET /api/admin/orders`: `from` inclusive, `to` exclusive (a date means its midnight UTC). */
export const adminOrdersQuery = z
  .object({
    status: z.enum(ORDER_STATUSES, `Use one of ${ORDER_STATUSES.join(", ")}.`).optional(),
    from: instant.optional(),
    to: instant.optional(),
    page,
    limit,
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be after `from`." });
    }
  });

/** One line of an order: what was bought, as the catalog showed it at purchase time. */
export interface OrderLine {
  sku: string;
  productId: string;
  name: string;
  options: Record<string, string>;
  image: string | null;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

/** One entry of an order's history: a status change (or a note when `from` equals `to`). */
export interface OrderHistoryEntry {
  from: OrderStatus | null;
  to: OrderStatus;
  actor: string;
  note: string | null;
  at: string;
}

/** An order as the API returns it (API.md "Order"). */
export interface Order {
  id: string;
  status: OrderStatus;
  email: string;
  /** The customer's user id; null for a guest order. */
  userId: string | null;
  lines: OrderLine[];
  totals: Totals;
  /** Refunded so far (partial refunds keep the status; a full refund makes it `refunded`). */
  refunded: Money;
  coupon: string | null;
  shippingAddress: ShippingAddress;
  paymentMethod: "card" | "cod";
  /** Until when an unpaid order holds its stock (ISO); null once it does not matter. */
  reservationExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  history: OrderHistoryEntry[];
}

/** A guest's order right after checkout carries its access token, once. */
export type PlacedOrder = Order & { accessToken?: string };

/** `POST /api/orders` -> 201. */
export interface CheckoutResponse {
  order: PlacedOrder;
  payment: { clientSecret: string } | null;
}

/** A list page (API.md conventions). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** An order in a list: everything but the history. */
export type OrderSummary = Omit<Order, "history">;
