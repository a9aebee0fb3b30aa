import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CartDO } from "../../../durable-objects/cart.do";
import { call, self, testEnv } from "./harness";

describe("GET /health", () => {
  it("reports the cart Durable Objects reachable", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: "cart", status: "ok", checks: { carts: "ok" } });
  });
});

describe("unknown routes", () => {
  it("answer 404 problem+json with a request id", async () => {
    const res = await call("/api/carts");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("CartService (RPC)", () => {
  it("answers ping", async () => {
    expect(await self.CartService.ping()).toBe("ok");
  });
});

describe("CartDO", () => {
  it("answers ping", async () => {
    expect(await testEnv.CARTS.getByName("cart-ping").ping()).toBe("ok");
  });

  it("is an empty cart named by its id at first", async () => {
    expect(await testEnv.CARTS.getByName("cart-empty").get()).toEqual({ id: "cart-empty", lines: [] });
  });

  it("returns its lines in the order they were added", async () => {
    const cart = testEnv.CARTS.getByName("cart-lines");
    // Adding lines arrives with the cart issue; write them as the object will store them.
    await runInDurableObject(cart, (instance, state) => {
      expect(instance).toBeInstanceOf(CartDO);
      const insert = "INSERT INTO lines (sku, quantity, added_at) VALUES (?, ?, ?)";
      state.storage.sql.exec(insert, "TEE-RED-M", 2, 2000);
      state.storage.sql.exec(insert, "MUG-1", 1, 1000);
    });
    expect(await cart.get()).toEqual({
      id: "cart-lines",
      lines: [
        { sku: "MUG-1", quantity: 1 },
        { sku: "TEE-RED-M", quantity: 2 },
      ],
    });
  });
});
