import { describe, expect, it } from "vitest";
import { call } from "../../../test/http";
import type { EdgeEnv } from "../../edge/edge-env";
import { systemHealth } from "../health";
import { SERVICES } from "../upstreams";
import { edge } from "./harness";

describe("GET /api/health", () => {
  it("aggregates every domain worker's health over its service binding", async () => {
    const res = await call(edge, "GET", "/api/health", { headers: { "cf-connecting-ip": "203.0.113.9" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: "ok",
      services: {
        identity: "ok",
        catalog: "ok",
        inventory: "ok",
        cart: "ok",
        orders: "ok",
        payments: "ok",
        reviews: "ok",
        notifications: "ok",
      },
    });
  });
});

describe("systemHealth", () => {
  /** An env whose service bindings answer as given: a status, or a thrown error. */
  function envWith(answers: Partial<Record<keyof typeof SERVICES, number | "throw">>): EdgeEnv {
    const bindings = Object.fromEntries(
      Object.entries(SERVICES).map(([service, binding]) => [
        binding,
        {
          fetch: async () => {
            const answer = answers[service as keyof typeof SERVICES] ?? 200;
            if (answer === "throw") throw new Error("binding down");
            return Response.json({ status: answer === 200 ? "ok" : "degraded" }, { status: answer });
          },
        },
      ]),
    );
    return bindings as unknown as EdgeEnv;
  }

  it("is degraded when one worker reports trouble or cannot be reached, naming each", async () => {
    const health = await systemHealth(envWith({ orders: 503, reviews: "throw" }), "req-1");
    expect(health.status).toBe("degraded");
    expect(health.services.orders).toBe("degraded");
    expect(health.services.reviews).toBe("unreachable");
    expect(health.services.identity).toBe("ok");
  });

  it("is ok when every worker is", async () => {
    expect((await systemHealth(envWith({}), "req-2")).status).toBe("ok");
  });
});
