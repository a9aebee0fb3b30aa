import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { paymentsRoutes } from "../payments.routes";
import { as, cardPayment, newOrderId, payByDevRoute, paymentRow, request, testEnv } from "./harness";

interface RefundAnswer {
  orderId: string;
  refundedAmount: number;
  totalRefunded: number;
  fullyRefunded: boolean;
  payment: { status: string; refundedAmount: number };
}

async function paidOrder(amount = 2599) {
  const { orderId } = await cardPayment(newOrderId(), amount);
  await payByDevRoute(orderId);
  return orderId;
}

describe("POST /api/payments/:orderId/refund", () => {
  it("refunds part, then the rest, for an admin", async () => {
    const orderId = await paidOrder();
    const part = await request<RefundAnswer>("POST", `/api/payments/${orderId}/refund`, {
      body: { amount: 599, reason: "requested_by_customer" },
      headers: as("admin"),
    });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({
      orderId,
      refundedAmount: 599,
      totalRefunded: 599,
      fullyRefunded: false,
      payment: { status: "partially_refunded", refundedAmount: 599 },
    });
    const rest = await request<RefundAnswer>("POST", `/api/payments/${orderId}/refund`, {
      body: {},
      headers: as("admin"),
    });
    expect(rest.body).toMatchObject({ refundedAmount: 2000, totalRefunded: 2599, fullyRefunded: true });
  });

  it("makes a request repeated with the same Idempotency-Key a no-op", async () => {
    const orderId = await paidOrder();
    const headers = { ...as("admin"), "idempotency-key": crypto.randomUUID() };
    const first = await request<RefundAnswer>("POST", `/api/payments/${orderId}/refund`, {
      body: { amount: 100 },
      headers,
    });
    const again = await request<RefundAnswer>("POST", `/api/payments/${orderId}/refund`, {
      body: { amount: 100 },
      headers,
    });
    expect(again.body.totalRefunded).toBe(100);
    expect(first.body.totalRefunded).toBe(100);
    expect((await paymentRow(orderId)).refundedAmount).toBe(100);
  });

  it("answers 409 problem+json to more than is left, and nothing is refunded", async () => {
    const orderId = await paidOrder(2599);
    const res = await request<{ code: string; detail: string }>("POST", `/api/payments/${orderId}/refund`, {
      body: { amount: 2600 },
      headers: as("admin"),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.code).toBe("conflict");
    expect((await paymentRow(orderId)).refundedAmount).toBe(0);
  });

  it("answers 400 to a malformed amount and 404 to an order without a payment", async () => {
    const orderId = await paidOrder();
    for (const amount of [0, -5, 12.5, "100"]) {
      const res = await request("POST", `/api/payments/${orderId}/refund`, {
        body: { amount },
        headers: as("admin"),
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed" });
    }
    const missing = await request("POST", `/api/payments/${newOrderId()}/refund`, {
      body: {},
      headers: as("admin"),
    });
    expect(missing.status).toBe(404);
  });

  it("answers 401 to an anonymous caller and 403 to customers and sellers, before reading the body", async () => {
    const orderId = await paidOrder();
    const anonymous = await request("POST", `/api/payments/${orderId}/refund`, { rawBody: "not json" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ code: "unauthorized" });
    for (const role of ["customer", "seller"] as const) {
      const res = await request("POST", `/api/payments/${orderId}/refund`, { body: {}, headers: as(role) });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "forbidden" });
    }
    expect((await paymentRow(orderId)).refundedAmount).toBe(0);
  });
});

describe("POST /dev/payments/:orderId/pay", () => {
  it("pays with the visa test card, or declines, through the webhook code path", async () => {
    const declined = await cardPayment();
    expect(await payByDevRoute(declined.orderId, "declined")).toMatchObject({
      outcome: "declined",
      payment: { status: "failed" },
    });
    const paid = await payByDevRoute(declined.orderId, "visa");
    expect(paid).toMatchObject({ outcome: "succeeded", payment: { status: "succeeded" } });
    expect(paid.delivered).toBeGreaterThan(0);
  });

  it("answers 404 for an order without a card payment, and 409 once it is paid", async () => {
    expect((await request("POST", `/dev/payments/${newOrderId()}/pay`)).status).toBe(404);
    const { orderId } = await cardPayment();
    await payByDevRoute(orderId);
    expect((await request("POST", `/dev/payments/${orderId}/pay`, { body: {} })).status).toBe(409);
  });

  it("does not exist outside development", async () => {
    const { orderId } = await cardPayment();
    const production = { ...testEnv, ENVIRONMENT: "production" };
    for (const path of [`/dev/payments/${orderId}/pay`, "/dev/payments/webhooks/drain"]) {
      const ctx = createExecutionContext();
      const res = await paymentsRoutes.fetch(
        new Request(`https://payments.internal${path}`, { method: "POST" }),
        production,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await paymentRow(orderId)).status).toBe("pending");
  });
});
