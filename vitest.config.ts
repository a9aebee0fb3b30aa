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

const workerDir = (name: string) => (name === "edge" ? "workers/edge" : `workers/${name}`);

export default defineConfig(async () => {
  const secrets = await testKeys();
  const projects: TestProjectInlineConfiguration[] = [];

  // One project per domain worker: the worker under test is `main`, so `exports.default` and
  // `env` are exactly its own, with the bindings of its own wrangler.toml.
  for (const worker of WORKERS.filter((w) => w.name !== "edge")) {
    const dir = workerDir(worker.name);
    if (!existsSync(path.join(root, dir, "test"))) continue;
    const ownDatabases = DATABASES.filter((db) => db.config === worker.config);
    projects.push({
      plugins: [
        quietMissingSourcemaps,
        cloudflareTest({
          main: `./${dir}/index.ts`,
          wrangler: { configPath: `./${worker.config}` },
          miniflare: { bindings: { ...secrets, ...(await migrationBindings(ownDatabases)) } },
        }),
      ],
      test: {
        name: worker.name,
        include: [`${dir}/test/**/*.test.ts`],
        setupFiles: ["./test/apply-migrations.ts"],
      },
    });
  }

  // The edge project runs the whole system: the edge worker (gateway + storefront) as `main`
  // and every domain worker as an auxiliary worker, pre-bundled by `npm run build:workers`
  // with the bindings of its own wrangler.toml. The edge also binds every D1 database (same
  // ids, so the same storage) only so the setup file can apply their migrations.
  const auxiliaries = WORKERS.filter((w) => w.name !== "edge").map((worker) => {
    const configPath = path.join(root, worker.config);
    const { workerOptions } = unstable_getMiniflareWorkerOptions(configPath);
    return {
      ...workerOptions,
      name: unstable_readConfig({ config: configPath }).name,
      modules: true,
      scriptPath: path.join(root, ".build", "workers", worker.name, "index.js"),
      bindings: { ...(workerOptions.bindings ?? {}), ...secrets },
    };
  });
  const databaseIds = Object.fromEntries(
    DATABASES.map((db) => {
      const owner = auxiliaries.find((w) => w.d1Databases && db.binding in w.d1Databases);
      const id = (owner?.d1Databases as Record<string, string> | undefined)?.[db.binding];
      if (!id) throw new Error(`no database id for ${db.binding}`);
      return [db.binding, id];
    }),
  );
  projects.push({
    plugins: [
      quietMissingSourcemaps,
      cloudflareTest({
        main: "./workers/edge/index.ts",
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { ...secrets, ...(await migrationBindings(DATABASES)) },
          d1Databases: databaseIds,
          workers: auxiliaries,
        },
      }),
    ],
    test: {
      name: "edge",
      include: ["workers/edge/test/**/*.test.ts", "workers/gateway/test/**/*.test.ts"],
      setupFiles: ["./test/apply-migrations.ts"],
    },
  });

  return {
    test: {
      projects,
      // A test that logs an unexpected console.error is usually hiding a bug; keep output visible.
      silent: "passed-only",
    },
  };
});
