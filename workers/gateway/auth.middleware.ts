import { createMiddleware } from "hono/factory";
import { z } from "zod";
import type { EdgeEnv } from "../edge/edge-env";
import type { WorkerHono } from "../shared/app";
import { type Role, requireRole } from "../shared/caller";
import { parseEnv } from "../shared/env";
import { AppError } from "../shared/errors";
import { verifyAccessToken } from "../shared/jwt";

const authConfig = z.object({
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  JWT_PUBLIC_JWKS: z.string().refine((v) => {
    try {
      return Array.isArray((JSON.parse(v) as { keys?: unknown }).keys);
    } catch {
      return false;
    }
  }, 'must be a JWKS JSON document ({"keys": [...]}); run `npm run dev` once or `wrangler secret put`'),
});

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Establishes the caller from `Authorization: Bearer <access token>`, verified locally with
 * identity's public keys (no call to identity per request). No header: anonymous. A header with
 * a bad, expired or foreign token: 401, even on public routes, so clients notice and refresh.
 * Whatever caller headers the client sent are never trusted: the caller is only ever this.
 */
export const authenticate = createMiddleware<WorkerHono<EdgeEnv>>(async function authenticate(c, next) {
  c.set("caller", null);
  const header = c.req.header("authorization");
  if (header) {
    const match = BEARER.exec(header);
    const challenge = { "WWW-Authenticate": 'Bearer error="invalid_token"' };
    if (!match?.[1])
      throw new AppError("unauthorized", "Send the access token as `Authorization: Bearer <token>`.", {
        headers: challenge,
      });
    const config = parseEnv(authConfig, c.env);
    const result = await verifyAccessToken(match[1], {
      jwks: config.JWT_PUBLIC_JWKS,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
    });
    if (!result.ok) {
      const detail =
        result.reason === "expired"
          ? "The access token has expired; refresh it."
          : "The access token is invalid.";
      throw new AppError("unauthorized", detail, { headers: challenge });
    }
    c.set("caller", result.caller);
  }
  await next();
});

/** Route guard: only callers with one of `roles` pass (401 anonymous, 403 other roles). */
export function allowRoles(...roles: Role[]) {
  return createMiddleware<WorkerHono<EdgeEnv>>(async function allowRoles(c, next) {
    requireRole(c.get("caller"), ...roles);
    await next();
  });
}
