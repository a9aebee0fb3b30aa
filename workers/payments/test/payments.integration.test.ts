import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import * as schema from "../../../db/payments/schema";
import { describeWorkerContract } from "../../../test/worker-contract";
import { call, self, testEnv } from "./harness";

const db = () => drizzle(testEnv.PAYMENTS_DB, { schema });

/** Runs a statement expected to break a constraint and returns the database's reason. */
async function constraintFailure(statement: { run(): Promise<unknown> }): Promise<string> {
  try {
    await statement.run();
  } catch (err) {
    return String((err as Error & { cause?: Error }).cause?.message ?? err);
  }
  throw new Error("the statement was expected to fail");
}

function newPayment(orderId: string) {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    orderId,
    method: "card" as const,
    amount: 2599,
    createdAt: now,
    updatedAt: now,
  };
}

async function seedPayment(orderId: string): Promise<string> {
  const payment = newPayment(orderId);
  await db().insert(schema.payments).values(payment);
  return payment.id;
}

describeWorkerContract({
  service: "payments",
  checks: { database: "ok", config: "ok" },
  call,
  unknown: { path: "/api/payments/nothing/here", init: { method: "POST" } },
});

describe("PaymentsService (RPC)", () => {
  it("answers ping", async () => {
    expect(await self.PaymentsService.ping()).toBe("ok");
  });
});

describe("payments schema", () => {
  it("records a Stripe event id once: a redelivery inserts nothing", async () => {
    const paymentId = await seedPayment("order-dedup");
    const event = {
      eventId: "evt_1",
      paymentId,
      type: "payment_intent.succeeded",
      createdAt: 1,
      receivedAt: 2,
    };
    const first = await db().insert(schema.paymentEvents).values(event).onConflictDoNothing().run();
    const again = await db().insert(schema.paymentEvents).values(event).onConflictDoNothing().run();
    expect(first.meta.changes).toBe(1);
    expect(again.meta.changes).toBe(0);
  });

  it("holds one payment per order and never refunds more than was paid", async () => {
    const paymentId = await seedPayment("order-once");
    const second = db().insert(schema.payments).values(newPayment("order-once"));
    expect(await constraintFailure(second)).toMatch(/UNIQUE constraint failed: payments.order_id/);
    const overRefund = db()
      .update(schema.payments)
      .set({ refundedAmount: 2600 })
      .where(eq(schema.payments.id, paymentId));
    expect(await constraintFailure(overRefund)).toMatch(/CHECK constraint failed: payments_amounts_check/);
  });
});
