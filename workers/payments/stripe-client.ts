import Stripe from "stripe";
import { type PaymentsEnv, paymentsConfig } from "./payments.config";

/** Where and how the Stripe SDK connects. */
export interface StripeConnection {
  secretKey: string;
  /** "" = api.stripe.com; otherwise a Stripe-compatible base URL such as the emulator's. */
  apiBase: string;
  /** A service binding that answers for `apiBase` (the emulator); null = the network. */
  fetcher?: Fetcher | null;
  maxNetworkRetries?: number;
}

type FetchFn = typeof fetch;

/**
 * The fetch the SDK uses. A service binding's `fetch` must be called as a method of the binding
 * (passed bare it throws "Illegal invocation"), so it is wrapped; the same goes for the global.
 */
export function stripeFetch(connection: Pick<StripeConnection, "apiBase" | "fetcher">): FetchFn {
  const { fetcher } = connection;
  if (connection.apiBase !== "" && fetcher) return (input, init) => fetcher.fetch(input, init);
  return (input, init) => fetch(input, init);
}

/**
 * A Stripe client on the fetch HTTP client. For a custom base URL the SDK needs host, port and
 * protocol separately (it has no base-URL option) and builds `protocol://host:port/v1/...`
 * itself; the port must be explicit, or an http base would be called on Stripe's 443.
 */
export function createStripeClient(connection: StripeConnection): Stripe {
  const config: Stripe.StripeConfig = {
    httpClient: Stripe.createFetchHttpClient(stripeFetch(connection)),
    maxNetworkRetries: connection.maxNetworkRetries ?? 2,
    timeout: 20_000,
  };
  if (connection.apiBase !== "") {
    const base = new URL(connection.apiBase);
    const protocol = base.protocol === "http:" ? "http" : "https";
    config.host = base.hostname;
    config.port = base.port || (protocol === "http" ? 80 : 443);
    config.protocol = protocol;
  }
  return new Stripe(connection.secretKey, config);
}

const clients = new WeakMap<object, Stripe>();

/** The worker's Stripe client, built once per isolate (per env object) from its config. */
export function stripeFor(env: PaymentsEnv): Stripe {
  let client = clients.get(env);
  if (!client) {
    const config = paymentsConfig(env);
    client = createStripeClient({
      secretKey: config.STRIPE_SECRET_KEY,
      apiBase: config.STRIPE_API_BASE,
      fetcher: env.STRIPE_EMULATOR ?? null,
    });
    clients.set(env, client);
  }
  return client;
}
