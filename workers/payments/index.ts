import { WorkerEntrypoint } from "cloudflare:workers";
import type { PaymentsEnv } from "./payments.config";
import type {
  CancelPaymentResult,
  CardPaymentRequest,
  CardPaymentResult,
  CashCollectedResult,
  CashPaymentRequest,
  CashPaymentResult,
  PaymentSummary,
  RefundRequest,
  RefundResult,
} from "./payments.contract";
import { paymentsDeps } from "./payments.deps";
import { paymentsRoutes } from "./payments.routes";
import {
  cancelPayment,
  createCardPayment,
  getPayment,
  markCashCollected,
  recordCashOnDelivery,
} from "./payments.service";
import { refundPayment } from "./refunds.service";

/**
 * Payments for the orders worker over a service binding (payments.contract.ts). Refusals are
 * values; every state change is also announced on `shop-payment-events`.
 */
export class PaymentsService extends WorkerEntrypoint<PaymentsEnv> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** Creates (or answers again) the order's PaymentIntent for this attempt; see payments.service.ts. */
  async createCardPayment(request: CardPaymentRequest): Promise<CardPaymentResult> {
    return createCardPayment(paymentsDeps(this.env), request);
  }

  /** Records a cash-on-delivery payment, `due` until collected. */
  async recordCashOnDelivery(request: CashPaymentRequest): Promise<CashPaymentResult> {
    return recordCashOnDelivery(paymentsDeps(this.env), request);
  }

  /** The cash of a cash-on-delivery order was collected (`due` -> `succeeded`). */
  async markCashCollected(orderId: string): Promise<CashCollectedResult> {
    return markCashCollected(paymentsDeps(this.env), orderId);
  }

  /** Cancels the order's unpaid payment; idempotent. */
  async cancelPayment(orderId: string): Promise<CancelPaymentResult> {
    return cancelPayment(paymentsDeps(this.env), orderId);
  }

  /** Refunds the order's payment in full or in part; idempotent by `idempotencyKey`. */
  async refund(request: RefundRequest): Promise<RefundResult> {
    return refundPayment(paymentsDeps(this.env), request);
  }

  /** The order's payment, or null. */
  async getPayment(orderId: string): Promise<PaymentSummary | null> {
    return getPayment({ db: this.env.PAYMENTS_DB }, orderId);
  }
}

export default {
  fetch: paymentsRoutes.fetch,
} satisfies ExportedHandler<PaymentsEnv>;
