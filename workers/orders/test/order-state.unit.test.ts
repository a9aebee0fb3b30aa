import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "../../../db/orders/schema";
import {
  ADMIN_STATUSES,
  actorFor,
  CANCELLABLE_STATUSES,
  canTransition,
  checkTransition,
  FINAL_STATUSES,
  TRANSITIONS,
} from "../order-state";
import { cancellationTasks } from "../orders.service";

const LEGAL: [OrderStatus, OrderStatus][] = [
  ["pending_payment", "confirmed"],
  ["pending_payment", "expired"],
  ["pending_payment", "cancelled"],
  ["confirmed", "processing"],
  ["confirmed", "cancelled"],
  ["confirmed", "refunded"],
  ["processing", "shipped"],
  ["processing", "cancelled"],
  ["processing", "refunded"],
  ["shipped", "delivered"],
  ["shipped", "refunded"],
  ["delivered", "refunded"],
];

describe("order state machine", () => {
  it("allows exactly the transitions of the design, and nothing else", () => {
    const legal = new Set(LEGAL.map(([from, to]) => `${from}->${to}`));
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(legal.has(`${from}->${to}`));
      }
    }
  });

  it("never moves backwards or to the same status", () => {
    for (const from of ORDER_STATUSES) expect(canTransition(from, from)).toBe(false);
    expect(canTransition("shipped", "processing")).toBe(false);
    expect(canTransition("confirmed", "pending_payment")).toBe(false);
    expect(canTransition("delivered", "shipped")).toBe(false);
  });

  it("has final states that go nowhere", () => {
    for (const status of FINAL_STATUSES) expect(TRANSITIONS[status]).toEqual([]);
  });

  it("explains a refusal with the moves that are possible", () => {
    expect(checkTransition("shipped", "cancelled")).toEqual({
      ok: false,
      detail: "An order that is shipped cannot become cancelled: it can only become delivered, refunded.",
    });
    expect(checkTransition("expired", "confirmed")).toEqual({
      ok: false,
      detail: "An order that is expired cannot become confirmed: it is final.",
    });
    expect(checkTransition("confirmed", "processing")).toEqual({ ok: true });
  });

  it("lets admins only move fulfilment forward, and customers cancel only before shipping", () => {
    expect(ADMIN_STATUSES).toEqual(["processing", "shipped", "delivered"]);
    for (const status of CANCELLABLE_STATUSES) expect(canTransition(status, "cancelled")).toBe(true);
    expect(canTransition("shipped", "cancelled")).toBe(false);
  });

  it("names actors as the history records them", () => {
    expect(actorFor(null)).toBe("customer:guest");
    expect(actorFor({ userId: "u1", role: "customer" })).toBe("customer:u1");
    expect(actorFor({ userId: "a1", role: "admin" })).toBe("admin:a1");
  });

  it("cancels unpaid orders by releasing, paid ones by restocking and refunding", () => {
    expect(cancellationTasks("pending_payment", "card")).toEqual([
      "release_stock",
      "release_coupon",
      "cancel_payment",
      "email_cancelled",
    ]);
    expect(cancellationTasks("confirmed", "card")).toEqual([
      "restock",
      "release_coupon",
      "refund",
      "email_cancelled",
    ]);
    expect(cancellationTasks("processing", "cod")).toEqual([
      "restock",
      "release_coupon",
      "cancel_payment",
      "email_cancelled",
    ]);
  });
});
