import { describe, expect, it } from "vitest";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../../shared/caller";
import { call } from "./harness";

describe("GET /api/inventory/:sku access", () => {
  it("is 401 for an anonymous caller, even with a malformed SKU", async () => {
    for (const sku of ["TEE-RED-M", "bad%20sku"]) {
      const res = await call(`/api/inventory/${sku}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: "unauthorized" });
    }
  });

  it("is 403 for a customer", async () => {
    const res = await call("/api/inventory/TEE-RED-M", { role: "customer" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "forbidden" });
  });

  it("treats an unknown role header as anonymous", async () => {
    const res = await call("/api/inventory/TEE-RED-M", {
      init: { headers: { [CALLER_ID_HEADER]: "u1", [CALLER_ROLE_HEADER]: "superuser" } },
    });
    expect(res.status).toBe(401);
  });
});
