import { describe, expect, it } from "vitest";
import { describeWorkerContract } from "../../../test/worker-contract";
import { STRIPE_STATE_OBJECT } from "../stripe-emulator.routes";
import { call, testEnv } from "./harness";

describeWorkerContract({
  service: "stripe-emulator",
  checks: { state: "ok" },
  call,
  unknown: { path: "/v1/payment_intents", init: { method: "POST" } },
});

describe("StripeStateDO", () => {
  it("answers ping", async () => {
    expect(await testEnv.STRIPE_STATE.getByName(STRIPE_STATE_OBJECT).ping()).toBe("ok");
  });
});
