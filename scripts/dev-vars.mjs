// Creates the development secrets on first run: an ES256 key pair for access tokens. The private
// key goes to identity (which signs), the public JWKS to the edge (whose gateway verifies).
// Existing files are kept, so sessions survive restarts; `npm run reset` deletes them.
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

/** Ensures both .dev.vars files hold a matching key pair; returns true when it made new keys. */
export async function ensureDevVars() {
  const edge = readVars(DEV_VARS.edge);
  const identity = readVars(DEV_VARS.identity);
  if (edge.JWT_PUBLIC_JWKS && identity.JWT_PRIVATE_JWK) return false;
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `dev-${new Date().toISOString().slice(0, 10)}`;
  const common = { kid, alg: "ES256", use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), ...common };
  const privateJwk = { ...(await exportJWK(privateKey)), ...common };
  writeVars(DEV_VARS.edge, { ...edge, JWT_PUBLIC_JWKS: JSON.stringify({ keys: [publicJwk] }) });
  writeVars(DEV_VARS.identity, { ...identity, JWT_PRIVATE_JWK: JSON.stringify(privateJwk) });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    (await ensureDevVars()) ? "created development keys in .dev.vars" : ".dev.vars already present",
  );
}
