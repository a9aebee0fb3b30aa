import { generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { Role } from "../../shared/caller";
import { testEnv } from "./harness";

/** Claims of a forged or hand-made access token, defaulting to a valid one. */
export interface TokenSpec {
  sub?: string;
  role?: Role | string;
  iss?: string;
  aud?: string;
  expiresIn?: string | number;
  alg?: string;
}

/** Signs an access token with the test run's real identity key (or another key). */
export async function signToken(spec: TokenSpec = {}, key?: CryptoKey | Uint8Array): Promise<string> {
  const jwk = JSON.parse(testEnv.JWT_PRIVATE_JWK) as JWK;
  const signingKey = key ?? (await importJWK(jwk, "ES256"));
  return new SignJWT({ role: spec.role ?? "customer" })
    .setProtectedHeader({ alg: spec.alg ?? "ES256", kid: jwk.kid })
    .setSubject(spec.sub ?? crypto.randomUUID())
    .setIssuer(spec.iss ?? "shop-identity")
    .setAudience(spec.aud ?? "shop")
    .setIssuedAt()
    .setExpirationTime(spec.expiresIn ?? "15m")
    .sign(signingKey);
}

/** A token signed by a key the shop has never seen. */
export async function tokenFromForeignKey(): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256");
  return signToken({}, privateKey);
}

/** An unsigned token (`alg: none`) claiming to be an admin. */
export function unsignedAdminToken(): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replaceAll("=", "").replaceAll("+", "-").replaceAll("/", "_");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({
    sub: crypto.randomUUID(),
    role: "admin",
    iss: "shop-identity",
    aud: "shop",
    iat: now,
    exp: now + 600,
  })}.`;
}

/** An HS256 token whose HMAC secret is the public key: the classic algorithm-confusion attack. */
export async function algorithmConfusionToken(): Promise<string> {
  const jwk = JSON.parse(testEnv.JWT_PRIVATE_JWK) as JWK;
  const { d: _private, ...publicJwk } = jwk;
  const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
  return signToken({ role: "admin", alg: "HS256" }, secret);
}
