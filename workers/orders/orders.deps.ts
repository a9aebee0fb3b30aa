import type {
  CancelPaymentResult,
  CardPaymentRequest,
  CardPaymentResult,
  CashCollectedResult,
  CashPaymentRequest,
  CashPaymentResult,
  RefundRequest,
  RefundResult,
} from "../payments/payments.contract";
import { type OrdersConfig, ordersConfig } from "./orders.config";
import { type OrdersDb, ordersDb } from "./orders.service";
import type { Env } from "./worker-configuration";

/**
 * The PaymentsService methods orders calls, as payments.contract.ts describes them. Orders codes
 * against the contract (payments is built beside it), so the binding is viewed through this type.
 */
export interface PaymentsPort {
  createCardPayment(request: CardPaymentRequest): Promise<CardPaymentResult>;
  recordCashOnDelivery(request: CashPaymentRequest): Promise<CashPaymentResult>;
  cancelPayment(orderId: string): Promise<CancelPaymentResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  markCashCollected(orderId: string): Promise<CashCollectedResult>;
}

/** Everything the order services use, so tests can call them directly with the worker's env. */
export interface OrdersDeps {
  db: OrdersDb;
  /** The same database, for the conditional write batches drizzle cannot express. */
  d1: D1Database;
  cart: Env["CART"];
  inventory: Env["INVENTORY"];
  payments: PaymentsPort;
  emails: Queue;
  config: OrdersConfig;
  now: () => number;
}

/** The services' dependencies from the worker's bindings. */
export function ordersDeps(env: Env): OrdersDeps {
  return {
    db: ordersDb(env.ORDERS_DB),
    d1: env.ORDERS_DB,
    cart: env.CART,
    inventory: env.INVENTORY,
    payments: env.PAYMENTS as unknown as PaymentsPort,
    emails: env.EMAILS,
    config: ordersConfig(env),
    now: Date.now,
  };
}
