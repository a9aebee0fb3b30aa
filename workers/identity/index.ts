import { WorkerEntrypoint } from "cloudflare:workers";
import { displayName } from "./display-name";
import { app, type IdentityEnv } from "./identity.routes";

/**
 * Identity for other workers over a service binding. Deliberately small: access tokens are
 * verified at the edge without calling here, and no worker reads identity's database.
 */
export class IdentityService extends WorkerEntrypoint<IdentityEnv> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /**
   * How the user is named in public ("Cora C."), or null for an unknown user: reviews copy it
   * into each review they write, so a client never supplies a name.
   */
  async displayName(userId: string): Promise<string | null> {
    return displayName(this.env.IDENTITY_DB, userId);
  }
}

/**
 * identity: users, roles, credentials, refresh-token families and password reset. Reached
 * through the gateway (which verifies access tokens itself, without calling here) and, for
 * display names, over RPC (IdentityService).
 */
export default {
  fetch: app.fetch,
} satisfies ExportedHandler<IdentityEnv>;
