// Creates the development secrets on first run: an ES256 key pair for access tokens (the private
// key goes to identity, which signs; the public JWKS to the edge, whose gateway verifies) and the
// storefront's session-cookie secret.
// Existing files are kept, so sessions survive restarts; `npm run reset` deletes them.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";

const root = path.resolve(import.meta.dirname, "..");
export const DEV_VARS = {
  edge: path.join(root, ".dev.vars"),
  identity: path.join(root, "workers", "identity", ".dev.vars"),
};

function readVars(file) {
  if (!existsSync(file)) return {};
  const vars = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = line.match(/^([A-Z0-9_]+)=(.*)$/);
    if (match) vars[match[1]] = match[2].replace(/^'(.*)'$/, "$1");
  }
  return vars;
}

function writeVars(file, vars) {
  const lines = Object.entries(vars).map(([k, v]) => `${k}='${v}'`);
  writeFileSync(
    file,
    `# Development secrets, made by scripts/dev-vars.mjs. Never commit.\n${lines.join("\n")}\n`,
    {
      mode: 0o600,
    },
  );
}

/**
 * Ensures the development secrets exist: a matching ES256 key pair (private key for identity,
 * public JWKS for the edge) and the storefront's cookie-signing secret. Missing ones are created;
 * existing ones are kept. Returns true when anything was created.
 */
export async function ensureDevVars() {
  const edge = readVars(DEV_VARS.edge);
  const identity = readVars(DEV_VARS.identity);
  let created = false;
  if (!edge.JWT_PUBLIC_JWKS || !identity.JWT_PRIVATE_JWK) {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const kid = `dev-${new Date().toISOString().slice(0, 10)}`;
    const common = { kid, alg: "ES256", use: "sig" };
    edge.JWT_PUBLIC_JWKS = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), ...common }] });
    identity.JWT_PRIVATE_JWK = JSON.stringify({ ...(await exportJWK(privateKey)), ...common });
    writeVars(DEV_VARS.identity, identity);
    created = true;
  }
  if (!edge.SESSION_SECRET) {
    edge.SESSION_SECRET = randomBytes(32).toString("hex");
    created = true;
  }
  if (created) writeVars(DEV_VARS.edge, edge);
  return created;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    (await ensureDevVars()) ? "created development keys in .dev.vars" : ".dev.vars already present",
  );
}
