// The Remix server build (`build/server/index.js`, written by `remix vite:build`) as the edge
// worker imports it. A pattern declaration rather than a relative one (TypeScript forbids
// relative ambient module names) so the import type-checks both before the first build, when
// the file does not exist, and after it, when it exists as plain JavaScript.
declare module "*/build/server" {
  import type { ServerBuild } from "@remix-run/cloudflare";

  export const mode: ServerBuild["mode"];
  export const entry: ServerBuild["entry"];
  export const routes: ServerBuild["routes"];
  export const assets: ServerBuild["assets"];
  export const basename: ServerBuild["basename"];
  export const publicPath: ServerBuild["publicPath"];
  export const assetsBuildDirectory: ServerBuild["assetsBuildDirectory"];
  export const future: ServerBuild["future"];
  export const isSpaMode: ServerBuild["isSpaMode"];
}
