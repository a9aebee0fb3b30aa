import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, uniqueEmail } from "../../../test/http";
import type { AuthSession } from "../../identity/identity.schemas";
import { edge } from "./harness";

/** Each test gets its own client address, so rate limits of one test never touch another. */
const client = () => ({
  "cf-connecting-ip": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

async function signUp(ip = client()) {
  const res = await call<AuthSession>(edge, "POST", "/api/auth/register", {
    headers: ip,
    body: { email: uniqueEmail("gw"), password: GOOD_PASSWORD, name: "Gateway User" },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("request ids", () => {
  it("creates one when the client sends none and returns it", async () => {
    const res = await call(edge, "GET", "/api/nope", { headers: client() });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(id);
  });

  it("keeps a well-formed client id and passes it to the domain worker", async () => {
    const id = "client-trace-0001";
    // identity answers this validation problem itself: its requestId proves the id reached it.
    const res = await call(edge, "POST", "/api/auth/register", {
      headers: { ...client(), "x-request-id": id },
      body: {},
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe(id);
    expect(res.body.requestId).toBe(id);
  });

  it("replaces an id that is not a sane token", async () => {
    const res = await call(edge, "GET", "/api/nope", {
      headers: { ...client(), "x-request-id": "<script>" },
    });
    expect(res.headers.get("x-request-id")).not.toBe("<script>");
  });
});

describe("errors are problem+json", () => {
  it("an unknown API route", async () => {
    const res = await call(edge, "GET", "/api/no-such-thing", { headers: client() });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ status: 404, code: "not_found", title: "Not found" });
    expect(res.body.type).toMatch(/^https:\/\//);
    expect(res.body.detail).toContain("/api/no-such-thing");
  });

  it("a route a domain worker does not have", async () => {
    const res = await call(edge, "DELETE", "/api/auth/register", { headers: client() });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("malformed JSON", async () => {
    const res = await call(edge, "POST", "/api/auth/login", {
      headers: { ...client(), "content-type": "application/json" },
      rawBody: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_json" });
  });

  it("a validation failure lists field errors", async () => {
    const res = await call(edge, "POST", "/api/auth/login", { headers: client(), body: { email: "x" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed" });
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "email" }),
        expect.objectContaining({ path: "password" }),
      ]),
    );
  });
});

describe("sign-up to profile through the gateway", () => {
  it("register, then /api/me with the access token", async () => {
    const session = await signUp();
    const me = await call(edge, "GET", "/api/me", {
      headers: { ...client(), authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: session.user.id, email: session.user.email, role: "customer" });
  });

  it("refresh, logout-all, and the old refresh token is dead", async () => {
    const session = await signUp();
    const refreshed = await call<AuthSession>(edge, "POST", "/api/auth/refresh", {
      headers: client(),
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const out = await call(edge, "POST", "/api/auth/logout-all", {
      headers: { ...client(), authorization: `Bearer ${refreshed.body.accessToken}` },
    });
    expect(out.status).toBe(204);
    const again = await call(edge, "POST", "/api/auth/refresh", {
      headers: client(),
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(again.status).toBe(401);
  });

  it("register answers 409 for a taken email in another case", async () => {
    const session = await signUp();
    const res = await call(edge, "POST", "/api/auth/register", {
      headers: client(),
      body: { email: session.user.email.toUpperCase(), password: GOOD_PASSWORD, name: "Twin" },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict" });
  });
});

describe("password reset, finished from the dev outbox", () => {
  it("forgot-password emails a link whose token resets the password", async () => {
    const session = await signUp();
    const forgot = await call(edge, "POST", "/api/auth/forgot-password", {
      headers: client(),
      body: { email: session.user.email },
    });
    expect(forgot.status).toBe(202);

    // identity -> emails queue -> notifications consumer -> outbox; wait for the email to land.
    let token: string | null = null;
    for (let attempt = 0; attempt < 100 && !token; attempt++) {
      const outbox = await call<{ items: { subject: string; text: string }[] }>(
        edge,
        "GET",
        `/dev/outbox.json?to=${encodeURIComponent(session.user.email)}`,
      );
      const reset = outbox.body.items?.find((m) => /reset/i.test(m.subject));
      token = reset?.text.match(/reset-password\?token=([\w-]+)/)?.[1] ?? null;
      if (!token) await new Promise((r) => setTimeout(r, 100));
    }
    expect(token).toBeTruthy();

    const reset = await call(edge, "POST", "/api/auth/reset-password", {
      headers: client(),
      body: { token, password: "reset-by-email-1" },
    });
    expect(reset.status).toBe(204);
    const login = await call(edge, "POST", "/api/auth/login", {
      headers: client(),
      body: { email: session.user.email, password: "reset-by-email-1" },
    });
    expect(login.status).toBe(200);
  });
});
