import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import { orderEvents, orderTasks } from "../../db/orders/schema";
import { log } from "../shared/log";
import { type OrderEmailTask, orderEmailMessage } from "./order-emails";
import { findOrderRow, type OrderLineRow, type OrderRow, orderLinesOf } from "./order-reads";
import type { OrdersDeps } from "./orders.deps";

/**
 * Follow-up work of order transitions, as a transactional outbox: a transition writes its tasks
 * in its own D1 batch (order-transitions.ts), the code that made it runs them at once, and the
 * cron runs whatever is still due (a failed call, a crash in between). Every task is idempotent
 * (stock, coupon and payment calls are keyed by the order; emails by a derived id), so running
 * one twice is harmless; a claim (lease) keeps two runners from doing it at the same time.
 *
 * The list is also the order in which an order's tasks run.
 */
export const TASKS = [
  "release_stock",
  "restock",
  "release_coupon",
  "cancel_payment",
  "refund",
  "collect_cash",
  "clear_cart",
  "email_confirmation",
  "email_shipped",
  "email_delivered",
  "email_cancelled",
  "email_refunded",
  "email_expired",
] as const;

export type TaskName = (typeof TASKS)[number];

/** How long a runner owns a task it claimed: the longest a task's calls may take. */
export const TASK_LEASE_MS = 60_000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

/** Backoff before the next try of a task that failed `attempts` times: 1, 2, 4 ... 60 minutes. */
export function taskRetryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}

/** A task that must be tried again later (a dependency is down or refused for now). */
class TaskRetry extends Error {
  override readonly name = "TaskRetry";
}

type Deps = Pick<OrdersDeps, "db" | "d1" | "cart" | "inventory" | "payments" | "emails" | "config" | "now">;

interface TaskContext {
  row: OrderRow;
  lines: OrderLineRow[];
  /** Every task the order has (done or not): a cancellation email says whether a refund comes. */
  all: ReadonlySet<string>;
}

/** The note of the newest history event that moved the order to its current status. */
async function statusNote(deps: Deps, row: OrderRow): Promise<string | null> {
  const event = await deps.db
    .select({ note: orderEvents.note })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, row.id), eq(orderEvents.toStatus, row.status)))
    .orderBy(desc(orderEvents.createdAt))
    .limit(1)
    .get();
  return event?.note ?? null;
}

async function runTask(deps: Deps, task: TaskName, { row, lines, all }: TaskContext): Promise<void> {
  const orderId = row.id;
  switch (task) {
    case "release_stock": {
      // A line already sold (committed) answers `conflict`: nothing is held to hand back. If the
      // sale must be undone, the transition also wrote `restock`.
      await Promise.all(lines.map((line) => deps.inventory.release(line.sku, orderId)));
      return;
    }
    case "restock": {
      // `not_found` for a line that was never sold: nothing to put back.
      await Promise.all(lines.map((line) => deps.inventory.restock(line.sku, orderId)));
      return;
    }
    case "release_coupon": {
      if (row.couponCode) await deps.cart.releaseCoupon({ code: row.couponCode, orderId });
      return;
    }
    case "cancel_payment": {
      const result = await deps.payments.cancelPayment(orderId);
      if (result.ok) return;
      // Paid after all: the payment event that follows finds the order closed and refunds it.
      if (result.code === "already_paid") {
        log("info", "payment of a closed order was already paid; its event refunds it", { orderId });
        return;
      }
      throw new TaskRetry(`${result.code}: ${result.detail}`);
    }
    case "refund": {
      const result = await deps.payments.refund({
        orderId,
        reason: `order ${row.status}`,
        idempotencyKey: `order-refund-${orderId}`,
      });
      if (result.ok) {
        await deps.d1
          .prepare("UPDATE orders SET refunded_amount = MAX(refunded_amount, ?), updated_at = ? WHERE id = ?")
          .bind(result.totalRefunded, deps.now(), orderId)
          .run();
        return;
      }
      if (result.code === "payment_unavailable") throw new TaskRetry(`${result.code}: ${result.detail}`);
      // Nothing paid, nothing left to refund, or a request payments can never accept: retrying
      // cannot change the answer. Logged for an operator.
      log("error", "refund refused", { orderId, code: result.code, detail: result.detail });
      return;
    }
    case "collect_cash": {
      // Cash on delivery was paid at the door: payments records it, so it can be refunded later.
      const result = await deps.payments.markCashCollected(orderId);
      if (!result.ok)
        log("error", "cash collection not recorded", { orderId, code: result.code, detail: result.detail });
      return;
    }
    case "clear_cart": {
      // `conflict`: a new checkout of the same cart holds it now; its lines are that checkout's.
      const result = await deps.cart.clear(row.cartId, orderId);
      if (!result.ok) log("info", "cart not cleared after the order", { orderId, code: result.code });
      return;
    }
    default: {
      const emailTask: OrderEmailTask = task;
      if (emailTask === "email_refunded" && row.refundedAmount === 0) {
        // The refund was refused (nothing had been paid after all): there is nothing to announce.
        log("warn", "refunded email skipped: nothing was refunded", { orderId });
        return;
      }
      const message = orderEmailMessage(emailTask, row, lines, deps.config, {
        note:
          emailTask === "email_shipped" || emailTask === "email_cancelled"
            ? await statusNote(deps, row)
            : null,
        refunding: all.has("refund"),
      });
      await deps.emails.send(message);
    }
  }
}

/** Takes a due task for this runner (null when it is done, not due, or another runner has it). */
async function claim(deps: Deps, orderId: string, task: TaskName): Promise<boolean> {
  const now = deps.now();
  const result = await deps.d1
    .prepare(
      `UPDATE order_tasks SET due_at = ?, attempts = attempts + 1
       WHERE order_id = ? AND task = ? AND done_at IS NULL AND due_at <= ?`,
    )
    .bind(now + TASK_LEASE_MS, orderId, task, now)
    .run();
  return result.meta.changes === 1;
}

/**
 * Runs the order's due tasks, in the order of `TASKS`. A failing task is retried later with
 * backoff (the cron); the others still run. Answers how many were done.
 */
export async function runOrderTasks(deps: Deps, orderId: string): Promise<number> {
  const tasks = await deps.db.select().from(orderTasks).where(eq(orderTasks.orderId, orderId));
  const now = deps.now();
  const due = tasks
    .filter((t) => t.doneAt === null && t.dueAt <= now)
    .map((t) => t.task as TaskName)
    .filter((t) => TASKS.includes(t))
    .sort((a, b) => TASKS.indexOf(a) - TASKS.indexOf(b));
  if (due.length === 0) return 0;
  const row = await findOrderRow(deps.db, orderId);
  if (!row) return 0;
  const context: TaskContext = {
    row,
    lines: await orderLinesOf(deps.db, orderId),
    all: new Set(tasks.map((t) => t.task)),
  };
  let done = 0;
  for (const task of due) {
    if (!(await claim(deps, orderId, task))) continue;
    // Emails show the order as the tasks before them left it (e.g. the amount a refund returned).
    if (task.startsWith("email_") && done > 0)
      context.row = (await findOrderRow(deps.db, orderId)) ?? context.row;
    const attempts = (tasks.find((t) => t.task === task)?.attempts ?? 0) + 1;
    try {
      await runTask(deps, task, context);
      await deps.d1
        .prepare("UPDATE order_tasks SET done_at = ?, last_error = NULL WHERE order_id = ? AND task = ?")
        .bind(deps.now(), orderId, task)
        .run();
      done++;
    } catch (error) {
      const delay = taskRetryDelayMs(attempts);
      log(error instanceof TaskRetry ? "warn" : "error", "order task failed; retrying later", {
        orderId,
        task,
        attempts,
        retryInMs: delay,
        error: String(error),
      });
      await deps.d1
        .prepare("UPDATE order_tasks SET due_at = ?, last_error = ? WHERE order_id = ? AND task = ?")
        .bind(deps.now() + delay, String(error).slice(0, 500), orderId, task)
        .run();
    }
  }
  return done;
}

/** Runs the due tasks of up to `limit` orders (the cron); answers how many tasks were done. */
export async function runDueTasks(deps: Deps, limit = 50): Promise<number> {
  const rows = await deps.db
    .selectDistinct({ orderId: orderTasks.orderId })
    .from(orderTasks)
    .where(and(isNull(orderTasks.doneAt), lte(orderTasks.dueAt, deps.now())))
    .orderBy(asc(orderTasks.orderId))
    .limit(limit);
  let done = 0;
  for (const { orderId } of rows) done += await runOrderTasks(deps, orderId);
  return done;
}
