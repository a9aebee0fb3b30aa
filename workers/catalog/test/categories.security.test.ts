import { describe, expect, it } from "vitest";
import { api, cacheVersion, customer, makeCategory, seller } from "./factories";

type Problem = { code: string };

describe("category writes are for admins only", () => {
  it.each([
    ["anonymous", undefined, 401, "unauthorized"],
    ["a customer", customer, 403, "forbidden"],
    ["a seller", seller(), 403, "forbidden"],
  ] as const)("refuses %s on every write, before validating", async (_who, as, status, code) => {
    const category = await makeCategory();
    const before = await cacheVersion();
    const results = await Promise.all([
      api<Problem>("POST", "/api/categories", { as, body: { nonsense: true } }),
      api<Problem>("PATCH", `/api/categories/${category.id}`, { as, body: { name: "Hijacked" } }),
      api<Problem>("DELETE", `/api/categories/${category.id}`, { as }),
    ]);
    expect(results.map((r) => [r.status, r.body.code])).toEqual([
      [status, code],
      [status, code],
      [status, code],
    ]);
    expect(await cacheVersion()).toBe(before);
    const still = await api<{ name: string }>("GET", `/api/categories/${category.slug}`);
    expect(still.body.name).toBe(category.slug);
  });

  it("lets anyone read the tree and a category page", async () => {
    const category = await makeCategory();
    expect((await api("GET", "/api/categories")).status).toBe(200);
    expect((await api("GET", `/api/categories/${category.slug}`)).status).toBe(200);
  });
});
