import type { Env } from "./worker-configuration";

/** The edge worker's env: its generated bindings plus the public keys that verify access tokens. */
export type EdgeEnv = Env & {
  /** JWKS JSON of identity's signing keys (public only); several keys allow rotation. */
  JWT_PUBLIC_JWKS: string;
};
