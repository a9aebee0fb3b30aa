import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, uniqueEmail } from "../../../test/http";
import type { AuthSession } from "../../identity/identity.schemas";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../../shared/caller";
import { edge } from "./harness";
import { algorithmConfusionToken, signToken, tokenFromForeignKey, unsignedAdminToken } from "./tokens";

let clients = 0;
/** A distinct client address per call site, so rate limits never leak between tests. */
const client = () => ({ "cf-connecting-ip": `192.0.2.${++clients % 250}`, "x-test-client": String(clients) });

async function signUp() {
  const res = await call<AuthSession>(edge, "POST", "/api/auth/register", {
    headers: client(),
    body: { email: uniqueEmail("sec"), password: GOOD_PASSWORD, name: "Security User" },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const bearer = (token: string) => ({ ...client(), authorization: `Bearer ${token}` });

describe("access tokens the gateway refuses", () => {
  it.each([
    [
      "tampered payload",
      async () => {
        const token = await signToken({ role: "customer" });
        const [header, payload, signature] = token.split(".");
        const forged = JSON.parse(atob((payload ?? "").replaceAll("-", "+").replaceAll("_", "/")));
        forged.role = "admin";
        const encoded = btoa(JSON.stringify(forged))
          .replaceAll("=", "")
          .replaceAll("+", "-")
          .replaceAll("/", "_");
        return `${header}.${encoded}.${signature}`;
      },
    ],
    ["expired", () => signToken({ expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ["signed by a foreign key", () => tokenFromForeignKey()],
    ["alg none", async () => unsignedAdminToken()],
    ["HS256 with the public key as secret", () => algorithmConfusionToken()],
    ["wrong issuer", () => signToken({ iss: "someone-else" })],
    ["wrong audience", () => signToken({ aud: "another-app" })],
    ["an unknown role", () => signToken({ role: "superuser" })],
    ["garbage", async () => "not.a.jwt"],
  ])("%s -> 401 problem+json with a Bearer challenge", async (_name, makeToken) => {
    const res = await call(edge, "GET", "/api/me", { headers: bearer(await makeToken()) });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    expect(res.body).toMatchObject({ code: "unauthorized" });
  });

  it("says when a token has expired, so clients know to refresh", async () => {
    const res = await call(edge, "GET", "/api/me", {
      headers: bearer(await signToken({ expiresIn: Math.floor(Date.now() / 1000) - 60 })),
    });
    expect(res.body.detail).toMatch(/expired/);
  });

  it("refuses a malformed Authorization header", async () => {
    const res = await call(edge, "GET", "/api/me", {
      headers: { ...client(), authorization: "Basic dXNlcjpwYXNz" },
    });
    expect(res.status).toBe(401);
  });

  it("refuses a bad token even on a public route", async () => {
    const res = await call(edge, "POST", "/api/auth/login", {
      headers: bearer("not.a.jwt"),
      body: { email: uniqueEmail(), password: GOOD_PASSWORD },
    });
    expect(res.status).toBe(401);
  });
});

describe("caller identity cannot be spoofed", () => {
  it("ignores caller headers sent by an anonymous client", async () => {
    const victim = await signUp();
    const res = await call(edge, "GET", "/api/me", {
      headers: { ...client(), [CALLER_ID_HEADER]: victim.user.id, [CALLER_ROLE_HEADER]: "admin" },
    });
    expect(res.status).toBe(401);
  });

  it("a signed-in customer cannot raise their role or become someone else with headers", async () => {
    const victim = await signUp();
    const attacker = await signUp();
    const me = await call(edge, "GET", "/api/me", {
      headers: {
        ...bearer(attacker.accessToken),
        [CALLER_ID_HEADER]: victim.user.id,
        [CALLER_ROLE_HEADER]: "admin",
      },
    });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(attacker.user.id);
    const admin = await call(edge, "GET", "/api/admin/orders", {
      headers: { ...bearer(attacker.accessToken), [CALLER_ROLE_HEADER]: "admin" },
    });
    expect(admin.status).toBe(403);
  });
});

describe("role checks", () => {
  it("/api/admin/* needs a signed-in caller", async () => {
    const res = await call(edge, "GET", "/api/admin/orders", { headers: client() });
    expect(res.status).toBe(401);
  });

  it.each(["customer", "seller"])("/api/admin/* refuses a %s with 403", async (role) => {
    const res = await call(edge, "GET", "/api/admin/orders", { headers: bearer(await signToken({ role })) });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "forbidden" });
  });

  it("/api/admin/* lets an admin through to the owning worker", async () => {
    const res = await call(edge, "GET", "/api/admin/orders", {
      headers: bearer(await signToken({ role: "admin" })),
    });
    // The orders worker's own answer (the admin order list) proves the request passed the guard
    // and was forwarded.
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, items: expect.any(Array) });
  });
});

describe("rate limits", () => {
  it("allows 100 auth requests a minute per client, then answers 429 with Retry-After", async () => {
    const ip = { "cf-connecting-ip": "198.51.100.7" };
    const statuses: number[] = [];
    // Bad bodies: cheap requests that still count against the limit.
    for (let batch = 0; batch < 10; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => call(edge, "POST", "/api/auth/login", { headers: ip, body: {} })),
      );
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 400)).toBe(true);
    const over = await call(edge, "POST", "/api/auth/login", { headers: ip, body: {} });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("60");
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(over.body).toMatchObject({ code: "rate_limited", status: 429 });

    // Another client is unaffected, and so is the same client on the looser non-auth limit.
    expect((await call(edge, "POST", "/api/auth/login", { headers: client(), body: {} })).status).toBe(400);
    expect((await call(edge, "GET", "/api/nope", { headers: ip })).status).toBe(404);
  });
});
