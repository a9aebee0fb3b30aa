import { describe, expect, it } from "vitest";

/**
 * The contract every domain worker keeps, as tests: `GET /health` reports its checks, and a
 * path it does not serve answers 404 problem+json with a request id (never HTML, never a 500).
 */
export function describeWorkerContract(options: {
  service: string;
  checks: Record<string, "ok">;
  call: (path: string, init?: RequestInit) => Promise<Response>;
  unknown: { path: string; init?: RequestInit };
}): void {
  describe(`${options.service}: GET /health`, () => {
    it("reports every dependency ok", async () => {
      const res = await options.call("/health");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ service: options.service, status: "ok", checks: options.checks });
    });
  });

  describe(`${options.service}: unknown routes`, () => {
    it("answer 404 problem+json with a request id", async () => {
      const res = await options.call(options.unknown.path, options.unknown.init);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
    });
  });
}
