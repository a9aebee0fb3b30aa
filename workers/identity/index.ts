import { app, type IdentityEnv } from "./identity.routes";

/**
 * identity: users, roles, credentials, refresh-token families and password reset. Reached only
 * through the gateway (which verifies access tokens itself, without calling here).
 */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<IdentityEnv>;
