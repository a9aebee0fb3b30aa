import { eq } from "drizzle-orm";
import { checkoutRequests } from "../../db/orders/schema";
import type { Caller } from "../shared/caller";
import { sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import type { OrdersDeps } from "./orders.deps";
import type { CheckoutInput } from "./orders.schemas";

/**
 * Idempotency of `POST /api/orders`: the `Idempotency-Key` is claimed (a `checkout_requests` row,
 * `in_progress`) BEFORE any work starts, so of 20 identical requests exactly one runs the saga;
 * the others poll the row and replay its answer. A key reused with a different request (other
 * body or caller) is refused with 422 `idempotency_mismatch`.
 *
 * - `completed`: the 201 answer is stored and replayed as is (the same order, the same client
 *   secret, a guest's same access token).
 * - `failed`: the problem is stored; requests that waited for that attempt get it too. A later
 *   request with the key runs again with a NEW order id (the failed attempt compensated
 *   everything: no stock, coupon use or order is left, and its order id is spent).
 * - `in_progress` past its lease: the attempt is presumed dead (its isolate went away). A request
 *   with the key takes the claim over and runs the saga again with the SAME order id: every step
 *   is idempotent by order id, so it resumes where the dead attempt stopped.
 */

/** How long an attempt owns its claim; after that a request with the same key may take over. */
export const CHECKOUT_LEASE_MS = 30_000;
/** How long a duplicate waits for the attempt in progress before answering 409 `conflict`. */
export const CHECKOUT_WAIT_MS = 5_000;
const POLL_MS = 50;

export interface ClaimOptions {
  leaseMs?: number;
  waitMs?: number;
}

/** This request runs the saga for `orderId`; `takeover` when it resumes an abandoned attempt. */
export interface Claim {
  idempotencyKey: string;
  requestHash: string;
  orderId: string;
  attemptId: string;
  takeover: boolean;
}

/** The stored answer of an attempt that finished (completed or failed). */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type ClaimOutcome = { kind: "run"; claim: Claim } | { kind: "replay"; answer: StoredAnswer };

type Deps = Pick<OrdersDeps, "db" | "d1" | "now">;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * The fingerprint of a checkout request: SHA-256 of the validated body (normalised by the schema:
 * trimmed, email lower-cased; keys sorted) and the caller. The same key with another fingerprint
 * is a different request.
 */
export function requestHash(input: CheckoutInput, caller: Caller | null): Promise<string> {
  return sha256Hex(JSON.stringify(canonical({ body: input, caller: caller?.userId ?? null })));
}

function answerOf(row: typeof checkoutRequests.$inferSelect): StoredAnswer {
  return { status: row.responseStatus ?? 500, body: JSON.parse(row.responseBody ?? "null") };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims `idempotencyKey` for this request, or answers it from the attempt that has it: waits
 * (polling) while another attempt is in progress, up to `waitMs`, then 409 `conflict`.
 */
export async function claimKey(
  deps: Deps,
  idempotencyKey: string,
  hash: string,
  options: ClaimOptions = {},
): Promise<ClaimOutcome> {
  const leaseMs = options.leaseMs ?? CHECKOUT_LEASE_MS;
  const deadline = deps.now() + (options.waitMs ?? CHECKOUT_WAIT_MS);
  let waited = false;
  for (;;) {
    const now = deps.now();
    const fresh = { orderId: crypto.randomUUID(), attemptId: crypto.randomUUID() };
    const inserted = await deps.d1
      .prepare(
        `INSERT INTO checkout_requests
           (idempotency_key, request_hash, order_id, attempt_id, state, lease_expires_at, created_at, updated_at)
         SELECT ?, ?, ?, ?, 'in_progress', ?, ?, ?
         WHERE NOT EXISTS (SELECT 1 FROM orders WHERE idempotency_key = ?)
         ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .bind(idempotencyKey, hash, fresh.orderId, fresh.attemptId, now + leaseMs, now, now, idempotencyKey)
      .run();
    if (inserted.meta.changes === 1) {
      return { kind: "run", claim: { idempotencyKey, requestHash: hash, ...fresh, takeover: false } };
    }
    const row = await deps.db
      .select()
      .from(checkoutRequests)
      .where(eq(checkoutRequests.idempotencyKey, idempotencyKey))
      .get();
    if (!row) {
      // No claim, yet not inserted: an order keeps the key after its claim was pruned
      // (pruneCheckoutRequests). Its answer is gone, and a key never makes a second order.
      const used = await deps.d1
        .prepare("SELECT 1 AS used FROM orders WHERE idempotency_key = ?")
        .bind(idempotencyKey)
        .first();
      if (used) {
        throw new AppError(
          "idempotency_mismatch",
          "This Idempotency-Key was used for an earlier order. Use a new key for a new checkout.",
        );
      }
      continue;
    }
    if (row.requestHash !== hash) {
      throw new AppError(
        "idempotency_mismatch",
        "This Idempotency-Key was used for a different request. Use a new key for a new checkout.",
      );
    }
    if (row.state === "completed") return { kind: "replay", answer: answerOf(row) };
    if (row.state === "failed") {
      // The attempt this request waited for failed: the same answer. A request that comes later
      // tries again, with a new order id.
      if (waited) return { kind: "replay", answer: answerOf(row) };
      const retried = await deps.d1
        .prepare(
          `UPDATE checkout_requests SET state = 'in_progress', order_id = ?, attempt_id = ?, lease_expires_at = ?,
             response_status = NULL, response_body = NULL, updated_at = ?
           WHERE idempotency_key = ? AND state = 'failed' AND attempt_id = ?`,
        )
        .bind(fresh.orderId, fresh.attemptId, now + leaseMs, now, idempotencyKey, row.attemptId)
        .run();
      if (retried.meta.changes === 1) {
        return { kind: "run", claim: { idempotencyKey, requestHash: hash, ...fresh, takeover: false } };
      }
      continue;
    }
    if (row.leaseExpiresAt <= now) {
      const taken = await deps.d1
        .prepare(
          `UPDATE checkout_requests SET attempt_id = ?, lease_expires_at = ?, updated_at = ?
           WHERE idempotency_key = ? AND state = 'in_progress' AND attempt_id = ? AND lease_expires_at <= ?`,
        )
        .bind(fresh.attemptId, now + leaseMs, now, idempotencyKey, row.attemptId, now)
        .run();
      if (taken.meta.changes === 1) {
        const claim = { idempotencyKey, requestHash: hash, orderId: row.orderId, attemptId: fresh.attemptId };
        return { kind: "run", claim: { ...claim, takeover: true } };
      }
      continue;
    }
    if (now >= deadline) {
      throw new AppError(
        "conflict",
        "A checkout with this Idempotency-Key is still in progress. Retry in a moment with the same key.",
        { headers: { "retry-after": "1" } },
      );
    }
    waited = true;
    await sleep(POLL_MS);
  }
}

/** Whether the attempt still owns its claim (it did not run past its lease and get taken over). */
export async function ownsClaim(deps: Deps, claim: Claim): Promise<boolean> {
  const row = await deps.db
    .select({ attemptId: checkoutRequests.attemptId, state: checkoutRequests.state })
    .from(checkoutRequests)
    .where(eq(checkoutRequests.idempotencyKey, claim.idempotencyKey))
    .get();
  return row?.attemptId === claim.attemptId && row.state === "in_progress";
}

/** Ends the attempt with its answer (`completed` or `failed`), if it still owns the claim. */
export async function settleClaim(
  deps: Deps,
  claim: Claim,
  state: "completed" | "failed",
  answer: StoredAnswer,
): Promise<boolean> {
  const result = await deps.d1
    .prepare(
      `UPDATE checkout_requests SET state = ?, response_status = ?, response_body = ?, updated_at = ?
       WHERE idempotency_key = ? AND attempt_id = ? AND state = 'in_progress'`,
    )
    .bind(
      state,
      answer.status,
      JSON.stringify(answer.body),
      deps.now(),
      claim.idempotencyKey,
      claim.attemptId,
    )
    .run();
  return result.meta.changes === 1;
}

/** The SQL guard that makes a write apply only while the attempt owns its claim. */
export function claimGuard(claim: Claim): { sql: string; params: unknown[] } {
  return {
    sql: "EXISTS (SELECT 1 FROM checkout_requests WHERE idempotency_key = ? AND attempt_id = ? AND state = 'in_progress')",
    params: [claim.idempotencyKey, claim.attemptId],
  };
}

/**
 * How long a checkout's answer is kept for replay (as long as Stripe keeps its idempotent
 * answers). A stored answer carries the PaymentIntent's client secret and a guest's order token,
 * so it is not kept longer than a client can reasonably retry. Afterwards the key stays tied to
 * its order: using it again answers 422 `idempotency_mismatch`; a key whose attempt failed (no
 * order) is simply free again.
 */
export const CHECKOUT_KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes claims last touched more than `retentionMs` ago, at most `limit` per call (the cron
 * runs every minute, so a backlog drains without one long write). Any state goes: an
 * `in_progress` claim that old lost its lease a day ago, and its order, if one was written, has
 * long expired with its stock. Returns how many were deleted.
 */
export async function pruneCheckoutRequests(
  deps: Pick<OrdersDeps, "d1" | "now">,
  retentionMs = CHECKOUT_KEY_RETENTION_MS,
  limit = 500,
): Promise<number> {
  const result = await deps.d1
    .prepare(
      `DELETE FROM checkout_requests WHERE idempotency_key IN (
         SELECT idempotency_key FROM checkout_requests WHERE updated_at < ? ORDER BY updated_at LIMIT ?
       )`,
    )
    .bind(deps.now() - retentionMs, limit)
    .run();
  return result.meta.changes ?? 0;
}
