import { createLocalJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import { type Caller, roleSchema } from "./caller";

/** Access tokens live 15 minutes; refresh tokens carry sessions beyond that. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** The one signature algorithm accepted; anything else (`none`, HS256, RS256 ...) is refused. */
export const ACCESS_TOKEN_ALG = "ES256";

const keySets = new Map<string, JWTVerifyGetKey>();

/** The verification key set for a JWKS JSON string (parsed once per isolate and key set). */
function keySetFor(jwksJson: string): JWTVerifyGetKey {
  let keySet = keySets.get(jwksJson);
  if (!keySet) {
    keySet = createLocalJWKSet(JSON.parse(jwksJson));
    keySets.set(jwksJson, keySet);
  }
  return keySet;
}

export type AccessTokenCheck = { ok: true; caller: Caller } | { ok: false; reason: "expired" | "invalid" };

/**
 * Verifies an access token locally against the identity service's public keys (a JWKS, so keys
 * can rotate): signature, algorithm, issuer, audience, expiry, and a valid role claim.
 */
export async function verifyAccessToken(
  token: string,
  options: { jwks: string; issuer: string; audience: string },
): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keySetFor(options.jwks), {
      algorithms: [ACCESS_TOKEN_ALG],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ["sub", "exp", "iat"],
      clockTolerance: 5,
    });
    const role = roleSchema.safeParse(payload.role);
    if (!payload.sub || !role.success) return { ok: false, reason: "invalid" };
    return { ok: true, caller: { userId: payload.sub, role: role.data } };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    return { ok: false, reason: "invalid" };
  }
}
