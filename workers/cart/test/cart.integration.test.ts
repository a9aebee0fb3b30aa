import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CartDO } from "../../../durable-objects/cart.do";
import { describeWorkerContract } from "../../../test/worker-contract";
import { call, self, testEnv } from "./harness";

describeWorkerContract({
  service: "cart",
  checks: { carts: "ok" },
  call,
  unknown: { path: "/api/carts" },
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
