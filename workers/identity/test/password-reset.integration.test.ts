import { describe, expect, it } from "vitest";
import type { EmailQueueMessage } from "../../../queues/emails.schema";
import { call, GOOD_PASSWORD, uniqueEmail } from "../../../test/http";
import { sha256Hex } from "../../shared/crypto";
import type { AuthSession } from "../identity.schemas";
import { type IdentityDeps, requestPasswordReset } from "../identity.service";
import { testEnv, worker } from "./harness";

/** A queue twin that keeps what was sent, so a test can read the reset link it would email. */
function capturingQueue() {
  const sent: EmailQueueMessage[] = [];
  const queue = {
    async send(message: EmailQueueMessage) {
      sent.push(message);
    },
    async sendBatch() {
      throw new Error("not used");
    },
  } as unknown as Queue;
  return { queue, sent };
}

function deps(emails: Queue): IdentityDeps {
  return {
    db: testEnv.IDENTITY_DB,
    emails,
    appUrl: "http://localhost:8787",
    signing: { privateJwk: testEnv.JWT_PRIVATE_JWK, issuer: "shop-identity", audience: "shop" },
  };
}

async function registered() {
  const email = uniqueEmail("reset");
  const res = await call<AuthSession>(worker, "POST", "/api/auth/register", {
    body: { email, password: GOOD_PASSWORD, name: "Reset Me" },
  });
  return res.body;
}

/** Requests a reset and returns the token from the emailed link. */
async function resetToken(email: string): Promise<string> {
  const { queue, sent } = capturingQueue();
  await requestPasswordReset(deps(queue), email);
  const message = sent.at(-1);
  if (message?.template !== "password_reset") throw new Error("no reset email was sent");
  const url = new URL(message.data.resetUrl);
  expect(url.pathname).toBe("/reset-password");
  expect(message.data.expiresInMinutes).toBe(30);
  return url.searchParams.get("token") ?? "";
}

describe("POST /api/auth/forgot-password", () => {
  it("answers 202 with the same body whether or not the account exists", async () => {
    const session = await registered();
    const known = await call(worker, "POST", "/api/auth/forgot-password", {
      body: { email: session.user.email },
    });
    const unknown = await call(worker, "POST", "/api/auth/forgot-password", {
      body: { email: uniqueEmail("ghost") },
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
  });

  it("emails nothing for an unknown address", async () => {
    const { queue, sent } = capturingQueue();
    await requestPasswordReset(deps(queue), uniqueEmail("ghost"));
    expect(sent).toEqual([]);
  });

  it("rejects a malformed email with a field error", async () => {
    const res = await call(worker, "POST", "/api/auth/forgot-password", { body: { email: "nope" } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: "email", message: "Enter a valid email address." }]);
  });
});

describe("POST /api/auth/reset-password", () => {
  it("sets the new password, ends every session, and works only once", async () => {
    const session = await registered();
    const token = await resetToken(session.user.email);
    const res = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token, password: "a-new-secret-99" },
    });
    expect(res.status).toBe(204);
    expect(
      (await call(worker, "POST", "/api/auth/refresh", { body: { refreshToken: session.refreshToken } }))
        .status,
    ).toBe(401);
    const oldLogin = await call(worker, "POST", "/api/auth/login", {
      body: { email: session.user.email, password: GOOD_PASSWORD },
    });
    expect(oldLogin.status).toBe(401);
    const newLogin = await call(worker, "POST", "/api/auth/login", {
      body: { email: session.user.email, password: "a-new-secret-99" },
    });
    expect(newLogin.status).toBe(200);
    const again = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token, password: "another-one-77" },
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: "invalid_token" });
  });

  it("accepts a token exactly once when presented concurrently", async () => {
    const session = await registered();
    const token = await resetToken(session.user.email);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(worker, "POST", "/api/auth/reset-password", {
          body: { token, password: `concurrent-pass-${i}0` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 204)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(5);
  });

  it("refuses an expired token", async () => {
    const session = await registered();
    const token = await resetToken(session.user.email);
    await testEnv.IDENTITY_DB.prepare("UPDATE password_resets SET expires_at = 1 WHERE token_hash = ?")
      .bind(await sha256Hex(token))
      .run();
    const res = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token, password: "a-new-secret-99" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_token" });
  });

  it("a newer reset link replaces older unused ones", async () => {
    const session = await registered();
    const older = await resetToken(session.user.email);
    const newer = await resetToken(session.user.email);
    expect(
      (
        await call(worker, "POST", "/api/auth/reset-password", {
          body: { token: older, password: "a-new-secret-99" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(worker, "POST", "/api/auth/reset-password", {
          body: { token: newer, password: "a-new-secret-99" },
        })
      ).status,
    ).toBe(204);
  });

  it("refuses a weak new password and leaves the token usable", async () => {
    const session = await registered();
    const token = await resetToken(session.user.email);
    const weak = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token, password: "aaaaaaaaaaaa" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: "validation_failed" });
    const ok = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token, password: "a-new-secret-99" },
    });
    expect(ok.status).toBe(204);
  });

  it("refuses an unknown token", async () => {
    const res = await call(worker, "POST", "/api/auth/reset-password", {
      body: { token: "forged", password: "a-new-secret-99" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "invalid_token" });
  });
});
