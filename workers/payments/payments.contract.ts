/**
 * What the payments worker offers the orders worker over RPC (`PaymentsService`). Kept in its
 * own file so orders imports the types without importing payments' code. Refusals are values.
 */
export interface CardPaymentRequest {
  orderId: string;
  /** Minor units. */
  amount: number;
  currency: string;
  email: string;
  /** 1 for the first attempt; a new attempt gets a new Stripe idempotency key. */
  attempt: number;
}

export type CardPaymentResult =
  | { ok: true; paymentId: string; paymentIntentId: string; clientSecret: string; status: string }
  | { ok: false; code: "payment_unavailable" | "conflict"; detail: string };

export interface CashPaymentRequest {
  orderId: string;
  amount: number;
  currency: string;
}

export type CashPaymentResult =
  | { ok: true; paymentId: string; status: "due" | "pending" }
  | { ok: false; code: "conflict"; detail: string };

/** Cancels an order's unpaid PaymentIntent (order expired or cancelled before payment); idempotent. */
export type CancelPaymentResult =
  | { ok: true; status: "cancelled" | "already_cancelled" | "none" }
  | { ok: false; code: "already_paid" | "payment_unavailable"; detail: string };

export interface RefundRequest {
  orderId: string;
  /** Minor units; omitted = everything not refunded yet. */
  amount?: number;
  reason?: string;
  /** Makes a retried refund request a no-op (e.g. the admin's request id or order cancel id). */
  idempotencyKey: string;
}

export type RefundResult =
  | { ok: true; refundedAmount: number; totalRefunded: number; fullyRefunded: boolean }
  | {
      ok: false;
      code: "not_found" | "conflict" | "validation_failed" | "payment_unavailable";
      detail: string;
    };

export interface PaymentSummary {
  paymentId: string;
  orderId: string;
  method: "card" | "cod";
  status: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  paymentIntentId: string | null;
}

/**
 * Cash on delivery was collected at the door (the order was delivered): `due` -> `succeeded`, so
 * a later refund of it can be recorded. Idempotent: a collected payment answers its status.
 */
export type CashCollectedResult =
  | { ok: true; status: "succeeded" | "partially_refunded" | "refunded" }
  | { ok: false; code: "not_found" | "conflict"; detail: string };
