import path from "node:path";
import { fileURLToPath } from "node:url";
import { vitePlugin as remix, cloudflareDevProxyVitePlugin as remixCloudflareDevProxy } from "@remix-run/dev";
import { defineConfig } from "vite";
import { createLoadContext } from "./app/load-context";
import type { Env } from "./workers/edge/worker-configuration";

// The gateway stays out of the server build: build/server imports it by path, so wrangler bundles
// ONE gateway module into the edge worker, shared by `/api/*` and the storefront's loaders,
// instead of a second copy (with its own module state, e.g. the JWKS) inside the Remix build.
const root = path.dirname(fileURLToPath(import.meta.url));
const gatewayModule = path.join(root, "workers/gateway/gateway.app.ts");
const serverBuildDirectory = path.join(root, "build/server");

// The Remix storefront. `remix vite:build` writes build/client (static assets, served by the
// edge worker's [assets]) and build/server (imported by workers/edge/storefront.ts).
export default defineConfig({
  plugins: [
    // `remix vite:dev` only: bindings from wrangler.toml through wrangler's platform proxy.
    // wrangler declares ctx and caches with @cloudflare/workers-types, the project with its
    // generated runtime types: the same objects under two declarations (the mock ctx has no
    // `exports`/`props`, which the storefront never reads).
    remixCloudflareDevProxy<Env, IncomingRequestCfProperties>({
      getLoadContext: ({ request, context: { cloudflare } }) =>
        createLoadContext(request, {
          env: cloudflare.env,
          cf: cloudflare.cf,
          ctx: cloudflare.ctx as unknown as ExecutionContext,
          caches: cloudflare.caches as unknown as CacheStorage,
        }),
    }),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  ssr: { resolve: { conditions: ["workerd", "worker", "browser"] } },
  resolve: { mainFields: ["browser", "module", "main"] },
  build: {
    minify: true,
    rollupOptions: {
      external: [gatewayModule],
      // imported by build/server/index.js, the only chunk that uses it
      output: { paths: { [gatewayModule]: path.relative(serverBuildDirectory, gatewayModule) } },
    },
  },
});
