import { importJWK, type JWK, SignJWT } from "jose";
import type { Role } from "../shared/caller";
import { randomToken, sha256Hex } from "../shared/crypto";
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TTL_SECONDS } from "../shared/jwt";

/** Refresh tokens last 7 days from issue; each use rotates to a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface SigningConfig {
  privateJwk: string;
  issuer: string;
  audience: string;
}

const signingKeys = new Map<string, Promise<{ key: CryptoKey | Uint8Array; kid?: string }>>();

function signingKey(privateJwk: string) {
  let key = signingKeys.get(privateJwk);
  if (!key) {
    const jwk = JSON.parse(privateJwk) as JWK;
    key = importJWK(jwk, ACCESS_TOKEN_ALG).then((imported) => ({ key: imported, kid: jwk.kid }));
    signingKeys.set(privateJwk, key);
  }
  return key;
}

/** Signs a 15-minute access token for a user; the gateway verifies it with the public key. */
export async function signAccessToken(
  user: { id: string; role: Role },
  config: SigningConfig,
  sessionId: string,
): Promise<string> {
  const { key, kid } = await signingKey(config.privateJwk);
  return new SignJWT({ role: user.role, sid: sessionId })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: "JWT", ...(kid ? { kid } : {}) })
    .setSubject(user.id)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(key);
}

/** A new refresh token and the hash under which it is stored (the token itself never is). */
export async function newRefreshToken(): Promise<{ token: string; hash: string }> {
  const token = randomToken(32);
  return { token, hash: await sha256Hex(token) };
}
