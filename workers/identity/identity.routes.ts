import { z } from "zod";
import { createApp } from "../shared/app";
import { requireCaller } from "../shared/caller";
import { parseEnv } from "../shared/env";
import { healthReport } from "../shared/health";
import { log } from "../shared/log";
import { validate } from "../shared/validate";
import {
  forgotPasswordInput,
  loginInput,
  refreshInput,
  registerInput,
  resetPasswordInput,
  updateProfileInput,
} from "./identity.schemas";
import * as identity from "./identity.service";
import type { Env } from "./worker-configuration";

/** The secret and vars identity needs, checked once per isolate. */
const configSchema = z.object({
  APP_URL: z.url(),
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  JWT_PRIVATE_JWK: z.string().refine((v) => {
    try {
      const jwk = JSON.parse(v) as { kty?: string; d?: string };
      return jwk.kty === "EC" && typeof jwk.d === "string";
    } catch {
      return false;
    }
  }, "must be an EC private JWK (run `npm run dev` once to create .dev.vars, or `wrangler secret put`)"),
});

/** identity's env: its generated bindings plus its secret. */
export type IdentityEnv = Env & { JWT_PRIVATE_JWK: string };

export const app = createApp<IdentityEnv>();

function deps(env: IdentityEnv, requestId: string): identity.IdentityDeps {
  const config = parseEnv(configSchema, env);
  return {
    db: env.IDENTITY_DB,
    emails: env.EMAILS,
    appUrl: config.APP_URL,
    requestId,
    signing: { privateJwk: config.JWT_PRIVATE_JWK, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
  };
}

app.get("/health", async (c) => {
  const { report, status } = await healthReport("identity", {
    db: () => c.env.IDENTITY_DB.prepare("SELECT 1").first(),
    config: async () => parseEnv(configSchema, c.env),
  });
  return c.json(report, status);
});

app.post("/api/auth/register", validate("json", registerInput), async (c) => {
  const session = await identity.register(deps(c.env, c.get("requestId")), c.req.valid("json"));
  return c.json(session, 201);
});

app.post("/api/auth/login", validate("json", loginInput), async (c) => {
  return c.json(await identity.login(deps(c.env, c.get("requestId")), c.req.valid("json")));
});

app.post("/api/auth/refresh", validate("json", refreshInput), async (c) => {
  return c.json(await identity.refresh(deps(c.env, c.get("requestId")), c.req.valid("json").refreshToken));
});

app.post("/api/auth/logout", validate("json", refreshInput), async (c) => {
  await identity.logout(deps(c.env, c.get("requestId")), c.req.valid("json").refreshToken);
  return c.body(null, 204);
});

app.post("/api/auth/logout-all", async (c) => {
  const caller = requireCaller(c.get("caller"));
  await identity.logoutAll(deps(c.env, c.get("requestId")), caller.userId);
  return c.body(null, 204);
});

app.post("/api/auth/forgot-password", validate("json", forgotPasswordInput), async (c) => {
  const requestId = c.get("requestId");
  const { email } = c.req.valid("json");
  // Work happens after the answer, so an existing account takes no longer to answer than none.
  c.executionCtx.waitUntil(
    identity.requestPasswordReset(deps(c.env, requestId), email).catch((error: unknown) => {
      log("error", "password reset request failed", { requestId, error: String(error) });
    }),
  );
  return c.json({ message: "If an account exists for this email, a reset link is on its way." }, 202);
});

app.post("/api/auth/reset-password", validate("json", resetPasswordInput), async (c) => {
  const { token, password } = c.req.valid("json");
  await identity.resetPassword(deps(c.env, c.get("requestId")), token, password);
  return c.body(null, 204);
});

app.get("/api/me", async (c) => {
  const caller = requireCaller(c.get("caller"));
  return c.json(await identity.getProfile(deps(c.env, c.get("requestId")), caller.userId));
});

app.patch("/api/me", validate("json", updateProfileInput), async (c) => {
  const caller = requireCaller(c.get("caller"));
  return c.json(
    await identity.updateProfile(deps(c.env, c.get("requestId")), caller.userId, c.req.valid("json")),
  );
});
