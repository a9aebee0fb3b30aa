import { describe, expect, it } from "vitest";
import { STRIPE_STATE_OBJECT } from "../stripe-emulator.routes";
import { call, testEnv } from "./harness";

describe("GET /health", () => {
  it("reports the state Durable Object reachable", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: "stripe-emulator", status: "ok", checks: { state: "ok" } });
  });
});

describe("unknown routes", () => {
  it("answer 404 problem+json with a request id", async () => {
    const res = await call("/v1/payment_intents", { method: "POST" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("StripeStateDO", () => {
  it("answers ping", async () => {
    expect(await testEnv.STRIPE_STATE.getByName(STRIPE_STATE_OBJECT).ping()).toBe("ok");
  });
});
