import { describe, expect, it } from "vitest";
import { callerHeaders } from "../../../test/http";
import { admin, customer, productRow, seller } from "./factories";
import { testEnv } from "./harness";
import { imageRow, productOf, request, upload, uploaded } from "./images.fixtures";

describe("image upload access", () => {
  it("is 401 for an anonymous caller and 403 for a customer", async () => {
    const product = await productOf(seller().userId);
    const anonymous = await upload(product.id);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: "unauthorized" });
    const shopper = await upload(product.id, { as: customer });
    expect(shopper.status).toBe(403);
    expect(await shopper.json()).toMatchObject({ code: "forbidden" });
  });

  it("is 404 for another seller's product, exactly like a missing one, and stores nothing", async () => {
    const product = await productOf(seller().userId);
    const res = await upload(product.id, { as: seller() });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
    expect((await testEnv.IMAGES.list({ prefix: `products/${product.id}/` })).objects).toEqual([]);
    expect((await productRow(product.id))?.primaryImageKey).toBeNull();
  });

  it("lets an admin add images to any seller's product", async () => {
    const product = await productOf(seller().userId);
    expect((await upload(product.id, { as: admin })).status).toBe(201);
  });
});

describe("image delete access", () => {
  it("is 401 anonymous, 403 for a customer, 404 for another seller; the image survives", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const image = await uploaded(product.id, owner);
    const path = `/api/products/${product.id}/images/${image.id}`;
    const expected = [
      [undefined, 401],
      [customer, 403],
      [seller(), 404],
    ] as const;
    for (const [as, status] of expected) {
      const res = await request(path, { method: "DELETE", headers: callerHeaders(as) });
      expect(res.status, as?.role ?? "anonymous").toBe(status);
    }
    expect(await imageRow(testEnv.CATALOG_DB, image.id)).not.toBeNull();
    expect(await testEnv.IMAGES.head(image.key)).not.toBeNull();
  });

  it("lets an admin delete any seller's image", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const image = await uploaded(product.id, owner);
    const res = await request(`/api/products/${product.id}/images/${image.id}`, {
      method: "DELETE",
      headers: callerHeaders(admin),
    });
    expect(res.status).toBe(204);
  });
});

describe("image serving", () => {
  it("needs no caller and offers no write method on /images", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const image = await uploaded(product.id, owner);
    expect((await request(image.url)).status).toBe(200);
    for (const method of ["PUT", "POST", "DELETE"]) {
      const res = await request(image.url, { method, headers: callerHeaders(admin) });
      expect(res.status, method).toBe(404);
    }
    expect(await testEnv.IMAGES.head(image.key)).not.toBeNull();
  });
});
