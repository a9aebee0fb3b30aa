import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { exportJWK, generateKeyPair } from "jose";
import type { Plugin } from "vite";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { unstable_getMiniflareWorkerOptions, unstable_readConfig } from "wrangler";
import { DATABASES, WORKERS } from "./scripts/workers.mjs";

const root = import.meta.dirname;

// The stripe package ships sourcemaps without their sources: ~200 identical Vite warnings a run.
const quietMissingSourcemaps: Plugin = {
  name: "quiet-missing-sourcemaps",
  configResolved(config) {
    const warnOnce = config.logger.warnOnce.bind(config.logger);
    config.logger.warnOnce = (msg, opts) => {
      if (!msg.includes("points to missing source files")) warnOnce(msg, opts);
    };
  },
};

/** A fresh ES256 key pair per test run: tests never depend on a committed key. */
async function testKeys() {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = "test-key";
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" };
  return {
    JWT_PRIVATE_JWK: JSON.stringify(privateJwk),
    JWT_PUBLIC_JWKS: JSON.stringify({ keys: [publicJwk] }),
  };
}

/**
 * Fresh Stripe test secrets per run: the emulator accepts any `sk_test_` key, and payments and the
 * emulator share the webhook secret (every worker gets every test secret).
 */
function testStripeSecrets() {
  return {
    STRIPE_SECRET_KEY: `sk_test_${randomBytes(16).toString("hex")}`,
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
  };
}

/** `TEST_MIGRATIONS_<BINDING>` bindings; test/apply-migrations.ts applies each to env[<BINDING>]. */
async function migrationBindings(databases: typeof DATABASES) {
  const entries = await Promise.all(
    databases.map(async (db) => [
      `TEST_MIGRATIONS_${db.binding}`,
      await readD1Migrations(path.join(root, "db", db.name.replace(/^shop-/, ""), "migrations")),
    ]),
  );
  return Object.fromEntries(entries);
}

/**
 * Bindings a project's tests need beyond its worker's own config: the orders tests fill carts,
 * create coupons and pay the way shoppers and admins do, through the HTTP APIs of the real cart
 * and payments workers (their RPC entrypoints have no such methods, by design). Kept here, not in
 * wrangler.toml, so no deployed worker ever has them.
 */
const TEST_ONLY_SERVICE_BINDINGS: Record<string, Record<string, string>> = {
  orders: { CART_HTTP: "shop-cart", PAYMENTS_HTTP: "shop-payments" },
};

const workerDir = (name: string) => (name === "edge" ? "workers/edge" : `workers/${name}`);

/** Every worker's miniflare options as its wrangler.toml gives them, by worker script name. */
function loadWorkers() {
  return WORKERS.map((worker) => {
    const configPath = path.join(root, worker.config);
    const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
    const script = unstable_readConfig({ config: configPath }).name;
    const bound = Object.values(workerOptions.serviceBindings ?? {}).map((target) =>
      typeof target === "string" ? target : (target as { name?: string }).name,
    );
    return {
      worker,
      script,
      workerOptions,
      dependsOn: bound.filter((n): n is string => typeof n === "string"),
    };
  });
}

export default defineConfig(async () => {
  const secrets = { ...(await testKeys()), ...testStripeSecrets() };
  const all = loadWorkers();
  const byScript = new Map(all.map((w) => [w.script, w]));

  /** The workers `script` reaches through service bindings, directly or not. */
  function reachable(script: string, seen = new Set<string>()): Set<string> {
    for (const next of byScript.get(script)?.dependsOn ?? []) {
      if (!seen.has(next) && next !== script) {
        seen.add(next);
        reachable(next, seen);
      }
    }
    return seen;
  }

  /**
   * A test project for one worker as `main`, with the bindings of its own wrangler.toml. Every
   * worker it reaches over service bindings runs beside it for real, pre-bundled by
   * `npm run build:workers` with its own wrangler.toml's bindings. `main` also binds every D1
   * database of those workers (same ids, so the same storage) only so the setup file can apply
   * their migrations.
   */
  async function project(name: string, include: string[]): Promise<TestProjectInlineConfiguration> {
    const main = all.find((w) => w.worker.name === name);
    if (!main) throw new Error(`unknown worker ${name}`);
    const auxiliaries = [...reachable(main.script)].map((script) => {
      const aux = byScript.get(script);
      if (!aux) throw new Error(`${main.script} binds ${script}, which is not in scripts/workers.mjs`);
      return {
        ...aux.workerOptions,
        name: aux.script,
        modules: true,
        scriptPath: path.join(root, ".build", "workers", aux.worker.name, "index.js"),
        bindings: { ...(aux.workerOptions.bindings ?? {}), ...secrets },
      };
    });
    const configs = new Set([
      main.worker.config,
      ...[...reachable(main.script)].map((s) => byScript.get(s)?.worker.config),
    ]);
    const databases = DATABASES.filter((db) => configs.has(db.config));
    const databaseIds = Object.fromEntries(
      databases.map((db) => {
        const owner = all.find((w) => w.worker.config === db.config);
        const id = (owner?.workerOptions.d1Databases as Record<string, string> | undefined)?.[db.binding];
        if (!id) throw new Error(`no database id for ${db.binding}`);
        return [db.binding, id];
      }),
    );
    return {
      plugins: [
        quietMissingSourcemaps,
        cloudflareTest({
          main: `./${workerDir(name)}/index.ts`,
          wrangler: { configPath: `./${main.worker.config}` },
          miniflare: {
            bindings: { ...secrets, ...(await migrationBindings(databases)) },
            d1Databases: databaseIds,
            // Spelled out with the config's own: miniflare options replace, not merge, this field.
            serviceBindings: { ...main.workerOptions.serviceBindings, ...TEST_ONLY_SERVICE_BINDINGS[name] },
            workers: auxiliaries,
          },
        }),
      ],
      test: { name, include, setupFiles: ["./test/apply-migrations.ts"] },
    };
  }

  const projects: TestProjectInlineConfiguration[] = [];
  for (const { worker } of all) {
    if (worker.name === "edge") continue;
    if (!existsSync(path.join(root, workerDir(worker.name), "test"))) continue;
    projects.push(await project(worker.name, [`${workerDir(worker.name)}/test/**/*.test.ts`]));
  }
  // The edge project runs the whole system: the edge worker (gateway + storefront) and, behind
  // it, every domain worker.
  projects.push(
    await project("edge", ["workers/edge/test/**/*.test.ts", "workers/gateway/test/**/*.test.ts"]),
  );

  // Browser tests drive Debian's Chromium against the shop served by `wrangler dev`. Without
  // Chromium they cannot run: say so loudly, and fail when REQUIRE_BROWSER is set (as in CI).
  if (existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
    projects.push({
      test: {
        name: "browser",
        environment: "node",
        include: ["test/e2e/**/*.e2e.test.ts"],
        globalSetup: ["./test/e2e/global-setup.ts"],
        testTimeout: 60_000,
        hookTimeout: 180_000,
        fileParallelism: false,
      },
    });
  } else if (process.env.REQUIRE_BROWSER) {
    throw new Error("REQUIRE_BROWSER is set but Chromium is missing: apt-get install -y chromium");
  } else {
    console.warn("\n!!! Browser tests NOT run: Chromium is missing (apt-get install -y chromium) !!!\n");
  }

  return {
    test: {
      projects,
      // A test that logs an unexpected console.error is usually hiding a bug; keep output visible.
      silent: "passed-only" as const,
    },
  };
});
