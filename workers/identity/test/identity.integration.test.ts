import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, uniqueEmail } from "../../../test/http";
import { CALLER_ID_HEADER, CALLER_ROLE_HEADER } from "../../shared/caller";
import { verifyAccessToken } from "../../shared/jwt";
import type { AuthSession } from "../identity.schemas";
import { testEnv, worker } from "./harness";

async function register(email = uniqueEmail(), password = GOOD_PASSWORD, name = "Ada Shopper") {
  const res = await call<AuthSession>(worker, "POST", "/api/auth/register", {
    body: { email, password, name },
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Headers the gateway sets for a verified caller. */
function as(userId: string, role = "customer") {
  return { [CALLER_ID_HEADER]: userId, [CALLER_ROLE_HEADER]: role };
}

describe("POST /api/auth/register", () => {
  it("creates a customer, normalises the email and returns a verifiable session", async () => {
    const email = uniqueEmail("Mixed.Case");
    const res = await call<AuthSession>(worker, "POST", "/api/auth/register", {
      body: { email: `  ${email.toUpperCase()} `, password: GOOD_PASSWORD, name: "  Ada  " },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: email.toLowerCase(), name: "Ada", role: "customer" });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    expect(res.body.expiresIn).toBe(900);
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const verified = await verifyAccessToken(res.body.accessToken, {
      jwks: testEnv.JWT_PUBLIC_JWKS,
      issuer: "shop-identity",
      audience: "shop",
    });
    expect(verified).toEqual({ ok: true, caller: { userId: res.body.user.id, role: "customer" } });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 409 conflict for an email already registered, whatever its letter case", async () => {
    const email = uniqueEmail("dupe");
    await register(email);
    const again = await call(worker, "POST", "/api/auth/register", {
      body: { email: email.toUpperCase(), password: GOOD_PASSWORD, name: "Other" },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(again.body).toMatchObject({ code: "conflict", status: 409 });
  });

  it("lets exactly one of several concurrent sign-ups with the same email through", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(worker, "POST", "/api/auth/register", {
          body: { email, password: GOOD_PASSWORD, name: "Racer" },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const rows = await testEnv.IDENTITY_DB.prepare("SELECT COUNT(*) AS n FROM users WHERE email = ?")
      .bind(email)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("rejects a weak password with a clear message per rule and writes nothing", async () => {
    const email = uniqueEmail("weak");
    const res = await call(worker, "POST", "/api/auth/register", {
      body: { email, password: "short", name: "W" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed" });
    const messages = (res.body.errors as { path: string; message: string }[]).map((e) => e.message);
    expect(messages).toContain("Use at least 10 characters.");
    expect(messages).toContain("Mix letters with digits or symbols.");
    const rows = await testEnv.IDENTITY_DB.prepare("SELECT COUNT(*) AS n FROM users WHERE email = ?")
      .bind(email)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("reports every invalid field with its path", async () => {
    const res = await call(worker, "POST", "/api/auth/register", {
      body: { email: "not-an-email", name: "" },
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["email", "name", "password"]);
  });

  it("answers malformed JSON with problem+json, not a 500", async () => {
    const res = await call(worker, "POST", "/api/auth/register", {
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_json" });
  });
});

describe("POST /api/auth/login", () => {
  it("signs in with the right password, any email case", async () => {
    const email = uniqueEmail("login");
    await register(email);
    const res = await call<AuthSession>(worker, "POST", "/api/auth/login", {
      body: { email: email.toUpperCase(), password: GOOD_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
  });

  it("answers a wrong password and an unknown email identically (no account enumeration)", async () => {
    const email = uniqueEmail("enum");
    await register(email);
    const wrong = await call(worker, "POST", "/api/auth/login", {
      body: { email, password: "wrong-password-1" },
    });
    const unknown = await call(worker, "POST", "/api/auth/login", {
      body: { email: uniqueEmail("nobody"), password: "wrong-password-1" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
  });
});

describe("refresh tokens", () => {
  it("rotates on every use: the new pair works, the old refresh token does not", async () => {
    const first = await register();
    const rotated = await call<AuthSession>(worker, "POST", "/api/auth/refresh", {
      body: { refreshToken: first.refreshToken },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.user.id).toBe(first.user.id);
    const again = await call<AuthSession>(worker, "POST", "/api/auth/refresh", {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(again.status).toBe(200);
  });

  it("revokes the whole family when a rotated token is reused (theft detection)", async () => {
    const first = await register();
    const rotated = await call<AuthSession>(worker, "POST", "/api/auth/refresh", {
      body: { refreshToken: first.refreshToken },
    });
    const reuse = await call(worker, "POST", "/api/auth/refresh", {
      body: { refreshToken: first.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ code: "unauthorized" });
    // The legitimate-looking newest token is dead too: the family is revoked.
    const newest = await call(worker, "POST", "/api/auth/refresh", {
      body: { refreshToken: rotated.body.refreshToken },
    });
    expect(newest.status).toBe(401);
    // Other sessions (families) of the same user are untouched.
    const login = await call<AuthSession>(worker, "POST", "/api/auth/login", {
      body: { email: first.user.email, password: GOOD_PASSWORD },
    });
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: login.body.refreshToken } }))
        .status,
    ).toBe(200);
  });

  it("lets only one of many concurrent refreshes with the same token win, and treats the rest as reuse", async () => {
    const first = await register();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: first.refreshToken } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
    const live = await testEnv.IDENTITY_DB.prepare(
      `SELECT COUNT(*) AS n FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id
       WHERE f.user_id = ? AND f.revoked_at IS NULL AND t.used_at IS NULL`,
    )
      .bind(first.user.id)
      .first<{ n: number }>();
    expect(live?.n).toBe(0);
  });

  it("refuses unknown and expired tokens", async () => {
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: "made-up" } })).status,
    ).toBe(401);
    const session = await register();
    await testEnv.IDENTITY_DB.prepare(
      "UPDATE refresh_tokens SET expires_at = 0 WHERE family_id IN (SELECT id FROM refresh_token_families WHERE user_id = ?)",
    )
      .bind(session.user.id)
      .run();
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
  });

  it("stores refresh tokens only hashed", async () => {
    const session = await register();
    const stored = await testEnv.IDENTITY_DB.prepare(
      "SELECT token_hash FROM refresh_tokens WHERE token_hash = ?",
    )
      .bind(session.refreshToken)
      .first();
    expect(stored).toBeNull();
  });
});

describe("logout", () => {
  it("logout ends one session; the refresh token stops working", async () => {
    const session = await register();
    const res = await call(worker, "POST", "/api/auth/logout", {
      body: { refreshToken: session.refreshToken },
    });
    expect(res.status).toBe(204);
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
  });

  it("logout-all ends every session of the caller", async () => {
    const first = await register();
    const second = await call<AuthSession>(worker, "POST", "/api/auth/login", {
      body: { email: first.user.email, password: GOOD_PASSWORD },
    });
    const res = await call(worker, "POST", "/api/auth/logout-all", { headers: as(first.user.id) });
    expect(res.status).toBe(204);
    for (const token of [first.refreshToken, second.body.refreshToken]) {
      expect(
        (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: token } })).status,
      ).toBe(401);
    }
  });

  it("logout-all needs a signed-in caller", async () => {
    const res = await call(worker, "POST", "/api/auth/logout-all");
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "unauthorized" });
  });
});

describe("/api/me", () => {
  it("returns and updates the caller's own profile", async () => {
    const session = await register();
    const me = await call(worker, "GET", "/api/me", { headers: as(session.user.id) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: session.user.id, email: session.user.email, role: "customer" });
    const patched = await call(worker, "PATCH", "/api/me", {
      headers: as(session.user.id),
      body: { name: "Grace" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Grace" });
  });

  it("needs a caller", async () => {
    expect((await call(worker, "GET", "/api/me")).status).toBe(401);
  });

  it("changing the password needs the current one and ends every session", async () => {
    const session = await register();
    const wrong = await call(worker, "PATCH", "/api/me", {
      headers: as(session.user.id),
      body: { currentPassword: "not-my-password-1", newPassword: "brand-new-pass-7" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: "Enter your current password." }]);
    const ok = await call(worker, "PATCH", "/api/me", {
      headers: as(session.user.id),
      body: { currentPassword: GOOD_PASSWORD, newPassword: "brand-new-pass-7" },
    });
    expect(ok.status).toBe(200);
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
    const login = await call(worker, "POST", "/api/auth/login", {
      body: { email: session.user.email, password: "brand-new-pass-7" },
    });
    expect(login.status).toBe(200);
  });

  it("refuses an email that another account has", async () => {
    const taken = await register();
    const session = await register();
    const res = await call(worker, "PATCH", "/api/me", {
      headers: as(session.user.id),
      body: { email: taken.user.email.toUpperCase(), currentPassword: GOOD_PASSWORD },
    });
    expect(res.status).toBe(409);
  });
});

describe("GET /health", () => {
  it("reports the database and configuration", async () => {
    const res = await call(worker, "GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ service: "identity", status: "ok", checks: { db: "ok", config: "ok" } });
  });
});
