// Creates the development secrets on first run: an ES256 key pair for access tokens (the private
// key goes to identity, which signs; the public JWKS to the edge, whose gateway verifies) and the
// storefront's session-cookie secret; for payments a fake Stripe test key and the webhook
// signing secret, which the Stripe emulator signs its webhooks with (both hold the same one).
// Existing files are kept, so sessions survive restarts; `npm run reset` deletes them.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";

const root = path.resolve(import.meta.dirname, "..");
export const DEV_VARS = {
  edge: path.join(root, ".dev.vars"),
  identity: path.join(root, "workers", "identity", ".dev.vars"),
  payments: path.join(root, "workers", "payments", ".dev.vars"),
  stripeEmulator: path.join(root, "workers", "stripe-emulator", ".dev.vars"),
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
  return ensureStripeVars() || created;
}

/**
 * Payments' Stripe secrets for the emulator: any `sk_test_` key is accepted by it, and the webhook
 * secret must be the one the emulator signs with. Payments' file is the source: real keys put
 * there (with `STRIPE_API_BASE=''`) are kept, and its webhook secret is copied to the emulator.
 */
function ensureStripeVars() {
  const payments = readVars(DEV_VARS.payments);
  const emulator = readVars(DEV_VARS.stripeEmulator);
  let paymentsChanged = false;
  if (!payments.STRIPE_SECRET_KEY) {
    payments.STRIPE_SECRET_KEY = `sk_test_emulator_${randomBytes(16).toString("hex")}`;
    paymentsChanged = true;
  }
  if (!payments.STRIPE_WEBHOOK_SECRET) {
    payments.STRIPE_WEBHOOK_SECRET =
      emulator.STRIPE_WEBHOOK_SECRET ?? `whsec_${randomBytes(24).toString("hex")}`;
    paymentsChanged = true;
  }
  if (paymentsChanged) writeVars(DEV_VARS.payments, payments);
  if (emulator.STRIPE_WEBHOOK_SECRET === payments.STRIPE_WEBHOOK_SECRET) return paymentsChanged;
  emulator.STRIPE_WEBHOOK_SECRET = payments.STRIPE_WEBHOOK_SECRET;
  writeVars(DEV_VARS.stripeEmulator, emulator);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    (await ensureDevVars()) ? "created development keys in .dev.vars" : ".dev.vars already present",
  );
}
