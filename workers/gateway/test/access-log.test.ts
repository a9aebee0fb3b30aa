import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import worker from "../../edge/index";
import { testEnv } from "./harness";

/** The access-log lines (JSON "api request") the edge worker wrote for one GET of `path`. */
async function accessLines(env: typeof testEnv, path: string) {
  const info = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const request = new Request(`https://shop.test${path}`) as Request<unknown, IncomingRequestCfProperties>;
  const res = await worker.fetch(request, env, createExecutionContext());
  const lines = (spy: typeof info) =>
    spy.mock.calls
      .map((args) => JSON.parse(String(args[0])) as { message: string; path: string; status: number })
      .filter((line) => line.message === "api request");
  const seen = { status: res.status, info: lines(info), error: lines(error) };
  vi.restoreAllMocks();
  return seen;
}

describe("the gateway's access log", () => {
  it('writes one line per API request with ACCESS_LOG = "all"', async () => {
    const seen = await accessLines({ ...testEnv, ACCESS_LOG: "all" }, "/api/categories");
    expect(seen.status).toBe(200);
    expect(seen.info).toEqual([expect.objectContaining({ path: "/api/categories", status: 200 })]);
    const missing = await accessLines({ ...testEnv, ACCESS_LOG: "all" }, "/api/no-such-thing");
    expect(missing.status).toBe(404);
    expect(missing.info).toEqual([expect.objectContaining({ path: "/api/no-such-thing", status: 404 })]);
  });

  it('writes only 5xx lines with ACCESS_LOG = "errors"', async () => {
    const quiet = { ...testEnv, ACCESS_LOG: "errors" };
    const ok = await accessLines(quiet, "/api/categories");
    expect(ok.status).toBe(200);
    expect(ok.info).toEqual([]);
    expect((await accessLines(quiet, "/api/no-such-thing")).info).toEqual([]);
    // A broken cart binding: the 5xx is still logged, as an error.
    const broken = {
      ...quiet,
      CART: {
        fetch: async () => {
          throw new Error("catalog is down");
        },
      },
    } as unknown as typeof testEnv;
    const failed = await accessLines(broken, "/api/cart");
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.error).toEqual([expect.objectContaining({ path: "/api/cart", status: failed.status })]);
  });
});
