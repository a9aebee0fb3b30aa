import { DurableObject } from "cloudflare:workers";
import type Stripe from "stripe";
import {
  type ApiResult,
  idempotencyMismatch,
  invalidRequest,
  resourceMissing,
  StripeApiError,
} from "../workers/stripe-emulator/stripe-api-error";
import { canonicalParams, type FormParams } from "../workers/stripe-emulator/stripe-form";
import {
  type EmulatedEventType,
  newEvent,
  newPaymentIntent,
  newRefund,
  stripeId,
  TEST_PAYMENT_METHODS,
} from "../workers/stripe-emulator/stripe-objects";
import {
  metadataParam,
  optionalBoolean,
  optionalEnum,
  optionalString,
  positiveInteger,
  rejectUnknown,
  requiredString,
  stringList,
} from "../workers/stripe-emulator/stripe-params";
import type { Env } from "../workers/stripe-emulator/worker-configuration";

/** What the HTTP layer knows about the call: Stripe's request id, Idempotency-Key, API version. */
export interface ApiCall {
  requestId: string;
  idempotencyKey: string | null;
  apiVersion: string;
}

/** An API answer, and whether it is a replay of an idempotent request's saved answer. */
export type ApiAnswer = ApiResult & { replayed: boolean };

/** An event not yet delivered to the webhook endpoint, as the drain hands it out (unsigned). */
export interface PendingWebhook {
  eventId: string;
  type: string;
  payload: string;
}

/** Stripe prunes idempotency keys after 24 hours; a reused older key starts a new request. */
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** Delivered events are kept this long for debugging, then dropped. */
const DELIVERED_TTL_MS = 24 * 3600 * 1000;
const MAX_DRAIN = 100;

const CANCELABLE: readonly Stripe.PaymentIntent.Status[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];
const CONFIRMABLE: readonly Stripe.PaymentIntent.Status[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
];

const ok = (object: unknown): ApiResult => ({ status: 200, body: JSON.stringify(object) });

/**
 * The Stripe emulator's state (PaymentIntents, refunds, idempotency keys, the webhook outbox),
 * in SQLite so the emulated card flow survives restarts of `npm run dev`. One object holds it
 * all: every API call is one synchronous transaction here, which is what makes idempotency keys
 * and refund limits exact without locks.
 */
export class StripeStateDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const sql = ctx.storage.sql;
      sql.exec(`CREATE TABLE IF NOT EXISTS payment_intents (
        id TEXT PRIMARY KEY,
        object TEXT NOT NULL,
        amount_refunded INTEGER NOT NULL DEFAULT 0
      )`);
      sql.exec(`CREATE TABLE IF NOT EXISTS refunds (
        id TEXT PRIMARY KEY,
        payment_intent TEXT NOT NULL,
        object TEXT NOT NULL
      )`);
      sql.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`);
      sql.exec("CREATE INDEX IF NOT EXISTS idempotency_keys_created ON idempotency_keys (created_at)");
      // The webhook outbox: every event, undelivered until a drain hands it out.
      sql.exec(`CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        payment_intent TEXT,
        payload TEXT NOT NULL,
        delivered_at INTEGER
      )`);
      sql.exec("CREATE INDEX IF NOT EXISTS events_pending ON events (delivered_at, seq)");
    });
  }

  /** Answers "ok": proves the object can be reached. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** `POST /v1/payment_intents`. */
  createPaymentIntent(params: FormParams, call: ApiCall): ApiAnswer {
    return this.idempotent(call, "POST /v1/payment_intents", params, () => {
      rejectUnknown(params, [
        "amount",
        "currency",
        "metadata",
        "receipt_email",
        "description",
        "automatic_payment_methods",
        "payment_method_types",
        "allowed_payment_method_types",
        "expand",
      ]);
      const amount = positiveInteger(params, "amount", true) as number;
      const currency = requiredString(params, "currency").toLowerCase();
      if (!/^[a-z]{3}$/.test(currency)) {
        throw invalidRequest("parameter_invalid_string", `Invalid currency: ${currency}.`, "currency");
      }
      // Older API versions name the list `payment_method_types`, newer ones
      // `allowed_payment_method_types`; either restricts the intent to those types.
      const types =
        stringList(params, "payment_method_types") ?? stringList(params, "allowed_payment_method_types");
      const automatic = params.automatic_payment_methods;
      const automaticEnabled =
        automatic !== undefined && typeof automatic === "object" && !Array.isArray(automatic)
          ? optionalBoolean(automatic.enabled, "automatic_payment_methods[enabled]")
          : null;
      if (types && automaticEnabled) {
        throw invalidRequest(
          "parameter_unknown",
          "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
          "payment_method_types",
        );
      }
      const allowRedirects =
        automatic &&
        typeof automatic === "object" &&
        !Array.isArray(automatic) &&
        automatic.allow_redirects === "never"
          ? ("never" as const)
          : ("always" as const);
      const intent = newPaymentIntent({
        amount,
        currency,
        metadata: metadataParam(params),
        receiptEmail: optionalString(params, "receipt_email", 800),
        description: optionalString(params, "description", 1000),
        paymentMethodTypes: types ?? ["card"],
        automaticPaymentMethods: automaticEnabled ? { allow_redirects: allowRedirects, enabled: true } : null,
      });
      this.saveIntent(intent);
      this.emit("payment_intent.created", intent, call);
      return ok(intent);
    });
  }

  /** `GET /v1/payment_intents/:id`. */
  retrievePaymentIntent(id: string): ApiAnswer {
    return this.answer(() => ok(this.intent(id)));
  }

  /**
   * `POST /v1/payment_intents/:id/confirm` with a test PaymentMethod: `pm_card_visa` (and the
   * other succeeding test cards) pay it; `pm_card_chargeDeclined...` decline with a 402
   * card_error and leave it `requires_payment_method`, so another card may be tried.
   */
  confirmPaymentIntent(id: string, params: FormParams, call: ApiCall): ApiAnswer {
    return this.idempotent(call, `POST /v1/payment_intents/${id}/confirm`, params, () => {
      rejectUnknown(params, ["payment_method", "return_url", "receipt_email", "expand"]);
      const intent = this.intent(id);
      if (!CONFIRMABLE.includes(intent.status)) {
        throw invalidRequest(
          "payment_intent_unexpected_state",
          `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
        );
      }
      const paymentMethod =
        optionalString(params, "payment_method") ??
        (typeof intent.payment_method === "string" ? intent.payment_method : null);
      if (!paymentMethod) {
        throw invalidRequest(
          "payment_intent_unexpected_state",
          "You cannot confirm this PaymentIntent because it's missing a payment method. Specify a payment_method.",
          "payment_method",
        );
      }
      const card = TEST_PAYMENT_METHODS[paymentMethod];
      if (!card) throw resourceMissing("PaymentMethod", paymentMethod, "payment_method", 400);
      const receiptEmail = optionalString(params, "receipt_email", 800) ?? intent.receipt_email;
      const charge = stripeId("ch");
      if (card.outcome === "succeeded") {
        const paid: Stripe.PaymentIntent = {
          ...intent,
          status: "succeeded",
          amount_received: intent.amount,
          latest_charge: charge,
          payment_method: paymentMethod,
          last_payment_error: null,
          receipt_email: receiptEmail,
        };
        this.saveIntent(paid);
        this.emit("payment_intent.succeeded", paid, call);
        return ok(paid);
      }
      const lastError: Stripe.PaymentIntent.LastPaymentError = {
        type: "card_error",
        code: card.code,
        decline_code: card.declineCode,
        message: card.message,
        charge,
        doc_url: `https://docs.stripe.com/error-codes/${card.code.replaceAll("_", "-")}`,
      };
      const declined: Stripe.PaymentIntent = {
        ...intent,
        status: "requires_payment_method",
        latest_charge: charge,
        payment_method: null,
        last_payment_error: lastError,
        receipt_email: receiptEmail,
      };
      this.saveIntent(declined);
      this.emit("payment_intent.payment_failed", declined, call);
      // The decline is the answer (402), but the state change above stands: it is not thrown.
      return new StripeApiError(402, {
        type: "card_error",
        code: card.code,
        decline_code: card.declineCode,
        message: card.message,
        charge,
        doc_url: lastError.doc_url,
        payment_intent: declined,
      }).toResult();
    });
  }

  /** `POST /v1/payment_intents/:id/cancel`. */
  cancelPaymentIntent(id: string, params: FormParams, call: ApiCall): ApiAnswer {
    return this.idempotent(call, `POST /v1/payment_intents/${id}/cancel`, params, () => {
      rejectUnknown(params, ["cancellation_reason", "expand"]);
      const reason = optionalEnum(params, "cancellation_reason", [
        "duplicate",
        "fraudulent",
        "requested_by_customer",
        "abandoned",
      ]);
      const intent = this.intent(id);
      if (!CANCELABLE.includes(intent.status)) {
        throw invalidRequest(
          "payment_intent_unexpected_state",
          `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
        );
      }
      const canceled: Stripe.PaymentIntent = {
        ...intent,
        status: "canceled",
        canceled_at: Math.floor(Date.now() / 1000),
        cancellation_reason: reason,
      };
      this.saveIntent(canceled);
      this.emit("payment_intent.canceled", canceled, call);
      return ok(canceled);
    });
  }

  /**
   * `POST /v1/refunds` for a succeeded PaymentIntent; `amount` defaults to what is left. More
   * than is left is refused, so partial refunds can never add up to more than was paid.
   */
  createRefund(params: FormParams, call: ApiCall): ApiAnswer {
    return this.idempotent(call, "POST /v1/refunds", params, () => {
      rejectUnknown(params, ["payment_intent", "amount", "reason", "metadata", "expand"]);
      const intentId = requiredString(params, "payment_intent");
      const requested = positiveInteger(params, "amount", false);
      const reason = optionalEnum(params, "reason", ["duplicate", "fraudulent", "requested_by_customer"]);
      const metadata = metadataParam(params);
      const intent = this.intent(intentId, "payment_intent", 400);
      if (intent.status !== "succeeded") {
        throw invalidRequest(
          "payment_intent_unexpected_state",
          `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
          "payment_intent",
        );
      }
      const refunded = this.amountRefunded(intent.id);
      const left = intent.amount_received - refunded;
      if (left <= 0) {
        throw invalidRequest(
          "charge_already_refunded",
          `Charge ${String(intent.latest_charge)} has already been refunded.`,
        );
      }
      const amount = requested ?? left;
      if (amount > left) {
        throw invalidRequest(
          "amount_too_large",
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`,
          "amount",
        );
      }
      const refund = newRefund({ intent, amount, reason, metadata });
      this.ctx.storage.sql.exec(
        "INSERT INTO refunds (id, payment_intent, object) VALUES (?, ?, ?)",
        refund.id,
        intent.id,
        JSON.stringify(refund),
      );
      this.ctx.storage.sql.exec(
        "UPDATE payment_intents SET amount_refunded = amount_refunded + ? WHERE id = ?",
        amount,
        intent.id,
      );
      this.emit("refund.created", refund, call);
      return ok(refund);
    });
  }

  /** `GET /v1/refunds/:id`. */
  retrieveRefund(id: string): ApiAnswer {
    return this.answer(() => {
      const row = this.ctx.storage.sql
        .exec<{ object: string }>("SELECT object FROM refunds WHERE id = ?", id)
        .toArray()[0];
      if (!row) throw resourceMissing("refund", id, "id");
      return { status: 200, body: row.object };
    });
  }

  /**
   * Hands out the undelivered events, oldest first (optionally only those of one PaymentIntent),
   * and marks them delivered in the same transaction: each event is handed out once.
   */
  drainWebhooks(filter: { paymentIntent?: string } = {}): PendingWebhook[] {
    return this.ctx.storage.transactionSync(() => {
      const sql = this.ctx.storage.sql;
      const rows = (
        filter.paymentIntent
          ? sql.exec<{ seq: number; id: string; type: string; payload: string }>(
              "SELECT seq, id, type, payload FROM events WHERE delivered_at IS NULL AND payment_intent = ? ORDER BY seq LIMIT ?",
              filter.paymentIntent,
              MAX_DRAIN,
            )
          : sql.exec<{ seq: number; id: string; type: string; payload: string }>(
              "SELECT seq, id, type, payload FROM events WHERE delivered_at IS NULL ORDER BY seq LIMIT ?",
              MAX_DRAIN,
            )
      ).toArray();
      const now = Date.now();
      for (const row of rows) sql.exec("UPDATE events SET delivered_at = ? WHERE seq = ?", now, row.seq);
      sql.exec(
        "DELETE FROM events WHERE delivered_at IS NOT NULL AND delivered_at < ?",
        now - DELIVERED_TTL_MS,
      );
      return rows.map((r) => ({ eventId: r.id, type: r.type, payload: r.payload }));
    });
  }

  /** Runs a read; a StripeApiError becomes its error answer. */
  private answer(run: () => ApiResult): ApiAnswer {
    try {
      return { ...run(), replayed: false };
    } catch (error) {
      if (error instanceof StripeApiError) return { ...error.toResult(), replayed: false };
      throw error;
    }
  }

  /**
   * Stripe's idempotency: the first answer for a key is saved with a fingerprint of the request
   * (endpoint and parameters); the same key and request replays it, the same key with another
   * request is a 400 idempotency_error. Writes and the saved answer commit together.
   */
  private idempotent(call: ApiCall, endpoint: string, params: FormParams, run: () => ApiResult): ApiAnswer {
    const sql = this.ctx.storage.sql;
    const key = call.idempotencyKey;
    const fingerprint = `${endpoint} ${canonicalParams(params)}`;
    if (key) {
      sql.exec("DELETE FROM idempotency_keys WHERE created_at < ?", Date.now() - IDEMPOTENCY_TTL_MS);
      const saved = sql
        .exec<{ fingerprint: string; status: number; body: string }>(
          "SELECT fingerprint, status, body FROM idempotency_keys WHERE key = ?",
          key,
        )
        .toArray()[0];
      if (saved) {
        if (saved.fingerprint !== fingerprint)
          return { ...idempotencyMismatch(key).toResult(), replayed: false };
        return { status: saved.status, body: saved.body, replayed: true };
      }
    }
    let result: ApiResult;
    let save = true;
    try {
      result = this.ctx.storage.transactionSync(run);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      result = error.toResult();
      save = error.saved;
    }
    if (key && save) {
      sql.exec(
        "INSERT INTO idempotency_keys (key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?)",
        key,
        fingerprint,
        result.status,
        result.body,
        Date.now(),
      );
    }
    return { ...result, replayed: false };
  }

  private intent(id: string, param = "intent", status: 400 | 404 = 404): Stripe.PaymentIntent {
    const row = this.ctx.storage.sql
      .exec<{ object: string }>("SELECT object FROM payment_intents WHERE id = ?", id)
      .toArray()[0];
    if (!row) throw resourceMissing("payment_intent", id, param, status);
    return JSON.parse(row.object) as Stripe.PaymentIntent;
  }

  private amountRefunded(intentId: string): number {
    const row = this.ctx.storage.sql
      .exec<{ amount_refunded: number }>("SELECT amount_refunded FROM payment_intents WHERE id = ?", intentId)
      .toArray()[0];
    return row?.amount_refunded ?? 0;
  }

  private saveIntent(intent: Stripe.PaymentIntent): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO payment_intents (id, object) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET object = excluded.object",
      intent.id,
      JSON.stringify(intent),
    );
  }

  /** Records an event in the outbox, with a snapshot of the object as it is now. */
  private emit(type: EmulatedEventType, object: Stripe.PaymentIntent | Stripe.Refund, call: ApiCall): void {
    const event = newEvent(type, object, {
      id: call.requestId,
      idempotencyKey: call.idempotencyKey,
      apiVersion: call.apiVersion,
    });
    const intentId =
      object.object === "payment_intent" ? object.id : (object.payment_intent as string | null);
    this.ctx.storage.sql.exec(
      "INSERT INTO events (id, type, payment_intent, payload) VALUES (?, ?, ?, ?)",
      event.id,
      type,
      intentId,
      JSON.stringify(event, null, 2),
    );
  }
}
