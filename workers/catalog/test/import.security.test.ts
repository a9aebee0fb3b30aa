import { describe, expect, it } from "vitest";
import type { ImportReport } from "../import.service";
import { admin, api, customer, seller } from "./factories";

type Problem = { code: string; detail: string };

function importCsv(text: string, as = admin) {
  return api<ImportReport>("POST", "/api/products/import", {
    as,
    rawBody: text,
    headers: { "content-type": "text/csv" },
  });
}

describe("POST /api/products/import: unreadable bodies and callers", () => {
  it.each([
    ["text/csv", "", 400, "validation_failed"],
    ["text/csv", "sku,productSlug,pirce\nA-1,a,1\n", 400, "validation_failed"],
    ["text/csv", 'sku,productSlug\n"A-1,a\n', 400, "validation_failed"],
    ["text/csv", "name\nX\n", 400, "validation_failed"],
    ["application/json", "{not json", 400, "invalid_json"],
    ["application/json", '{"items": []}', 400, "validation_failed"],
    ["application/x-www-form-urlencoded", "a=1", 415, "unsupported_media_type"],
  ])("%s %j -> %i %s", async (type, body, status, code) => {
    const res = await api<Problem>("POST", "/api/products/import", {
      as: admin,
      rawBody: body,
      headers: { "content-type": type },
    });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it("is for admins only", async () => {
    const text = "sku,productSlug\n";
    expect((await importCsv(text, admin)).status).toBe(200);
    const anonymous = await api<Problem>("POST", "/api/products/import", {
      rawBody: text,
      headers: { "content-type": "text/csv" },
    });
    expect(anonymous.status).toBe(401);
    expect((await importCsv(text, seller())).status).toBe(403);
    expect((await importCsv(text, customer)).status).toBe(403);
  });
});
