import type { OrderStatus } from "../../db/orders/schema";
import { type Actor, checkTransition } from "./order-state";
import type { TaskName } from "./order-tasks";
import type { OrdersDeps } from "./orders.deps";

/**
 * Status changes and history notes, each ONE D1 batch (one transaction) with everything that must
 * happen with it: the history event, the follow-up tasks (order-tasks.ts) and the payment event
 * that caused it. The batches are written on the D1 client itself: drizzle 0.45 cannot batch the
 * guarded `INSERT ... SELECT ... WHERE EXISTS` statements.
 */

/** A payment event applied by this write (dedup: payment-events.consumer.ts). */
export interface PaymentEventMark {
  eventId: string;
  kind: string;
}

type Deps = Pick<OrdersDeps, "d1" | "now">;

function taskStatements(
  deps: Deps,
  orderId: string,
  tasks: readonly TaskName[],
  now: number,
  guard: { sql: string; params: unknown[] },
): D1PreparedStatement[] {
  return tasks.map((task) =>
    deps.d1
      .prepare(
        `INSERT INTO order_tasks (order_id, task, due_at, attempts, created_at)
         SELECT ?, ?, ?, 0, ? WHERE ${guard.sql} ON CONFLICT (order_id, task) DO NOTHING`,
      )
      .bind(orderId, task, now, now, ...guard.params),
  );
}

/** Records that a payment event was applied (a repeat of the same event id changes nothing). */
export function paymentEventStatement(
  deps: Deps,
  orderId: string,
  mark: PaymentEventMark,
  now: number,
): D1PreparedStatement {
  return deps.d1
    .prepare(
      `INSERT INTO payment_events (event_id, order_id, kind, processed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
    )
    .bind(mark.eventId, orderId, mark.kind, now);
}

export interface TransitionRequest {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  actor: Actor;
  note?: string | null;
  /** Follow-up work, written with the transition and only if it wins. */
  tasks?: readonly TaskName[];
  /** The payment event this transition applies; recorded whether or not it wins. */
  paymentEvent?: PaymentEventMark;
  /** Raises `refunded_amount` to at least this (a refund event). */
  refundedAmount?: number;
}

export type TransitionResult =
  | { ok: true }
  | { ok: false; code: "illegal"; detail: string }
  | { ok: false; code: "stale"; detail: string };

/**
 * Moves an order `from -> to` if the state machine allows it and the order is still `from`: a
 * conditional UPDATE that also stamps a fresh transition id, then the history event and the tasks,
 * each inserted only where the order carries that id. Two concurrent transitions of one order
 * therefore cannot both win, and the loser leaves no history or task behind (`stale`).
 */
export async function applyTransition(deps: Deps, request: TransitionRequest): Promise<TransitionResult> {
  const { orderId, from, to } = request;
  const check = checkTransition(from, to);
  if (!check.ok) return { ok: false, code: "illegal", detail: check.detail };
  const now = deps.now();
  const transitionId = crypto.randomUUID();
  const guard = {
    sql: "EXISTS (SELECT 1 FROM orders WHERE id = ? AND transition_id = ?)",
    params: [orderId, transitionId],
  };
  const statements = [
    deps.d1
      .prepare(
        `UPDATE orders SET status = ?, transition_id = ?, updated_at = ?,
           refunded_amount = MAX(refunded_amount, ?)
         WHERE id = ? AND status = ?`,
      )
      .bind(to, transitionId, now, request.refundedAmount ?? 0, orderId, from),
    deps.d1
      .prepare(
        `INSERT INTO order_events (id, order_id, from_status, to_status, actor, note, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${guard.sql}`,
      )
      .bind(
        crypto.randomUUID(),
        orderId,
        from,
        to,
        request.actor,
        request.note ?? null,
        now,
        ...guard.params,
      ),
    ...taskStatements(deps, orderId, request.tasks ?? [], now, guard),
    ...(request.paymentEvent ? [paymentEventStatement(deps, orderId, request.paymentEvent, now)] : []),
  ];
  const [update] = await deps.d1.batch(statements);
  if (update?.meta.changes === 1) return { ok: true };
  return { ok: false, code: "stale", detail: `The order is no longer ${from}; it changed meanwhile.` };
}

export interface NoteRequest {
  orderId: string;
  /** The status the order must still have; the note is recorded only then. */
  status: OrderStatus;
  actor: Actor;
  note: string;
  tasks?: readonly TaskName[];
  paymentEvent?: PaymentEventMark;
  /** Raises `refunded_amount` to at least this (a partial refund). */
  refundedAmount?: number;
  /** Records nothing when the order already has this task (its work was asked for before). */
  unlessTask?: TaskName;
}

/**
 * Adds a history note without a status change (`from` = `to`), e.g. a failed payment attempt or a
 * refund of a payment that arrived after expiry, with its tasks, in one batch. Written only while
 * the order is still `status` (and, with a payment event, only for the first delivery of that
 * event); the tasks and the refunded amount only with the note. Answers whether it was written.
 */
export async function recordNote(deps: Deps, request: NoteRequest): Promise<boolean> {
  const { orderId, status } = request;
  const now = deps.now();
  const eventId = crypto.randomUUID();
  const conditions = ["EXISTS (SELECT 1 FROM orders WHERE id = ? AND status = ?)"];
  const params: unknown[] = [orderId, status];
  if (request.paymentEvent) {
    // The event's mark is the batch's last statement: a concurrent duplicate sees it only after
    // this batch committed, and then writes nothing.
    conditions.push("NOT EXISTS (SELECT 1 FROM payment_events WHERE event_id = ?)");
    params.push(request.paymentEvent.eventId);
  }
  if (request.unlessTask) {
    conditions.push("NOT EXISTS (SELECT 1 FROM order_tasks WHERE order_id = ? AND task = ?)");
    params.push(orderId, request.unlessTask);
  }
  const noted = { sql: "EXISTS (SELECT 1 FROM order_events WHERE id = ?)", params: [eventId] };
  const statements = [
    deps.d1
      .prepare(
        `INSERT INTO order_events (id, order_id, from_status, to_status, actor, note, created_at)
         SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${conditions.join(" AND ")}`,
      )
      .bind(eventId, orderId, status, status, request.actor, request.note, now, ...params),
    ...(request.refundedAmount === undefined
      ? []
      : [
          deps.d1
            .prepare(
              `UPDATE orders SET refunded_amount = MAX(refunded_amount, ?), updated_at = ?
               WHERE id = ? AND ${noted.sql}`,
            )
            .bind(request.refundedAmount, now, orderId, ...noted.params),
        ]),
    ...taskStatements(deps, orderId, request.tasks ?? [], now, noted),
    ...(request.paymentEvent ? [paymentEventStatement(deps, orderId, request.paymentEvent, now)] : []),
  ];
  const [event] = await deps.d1.batch(statements);
  return event?.meta.changes === 1;
}
