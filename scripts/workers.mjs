// The one list of the project's workers, in deploy order (a worker comes after every worker it
// binds to). Scripts import it; nothing else should hard-code worker names or config paths.
export const WORKERS = [
  { name: "notifications", config: "workers/notifications/wrangler.toml" },
  { name: "identity", config: "workers/identity/wrangler.toml" },
  { name: "inventory", config: "workers/inventory/wrangler.toml" },
  { name: "catalog", config: "workers/catalog/wrangler.toml" },
  { name: "cart", config: "workers/cart/wrangler.toml" },
  { name: "stripe-emulator", config: "workers/stripe-emulator/wrangler.toml", devOnly: true },
  { name: "payments", config: "workers/payments/wrangler.toml" },
  { name: "orders", config: "workers/orders/wrangler.toml" },
  { name: "reviews", config: "workers/reviews/wrangler.toml" },
  { name: "edge", config: "wrangler.toml" },
];

/** The D1 databases: binding, database name, owning worker's config. */
export const DATABASES = [
  { binding: "IDENTITY_DB", name: "shop-identity", config: "workers/identity/wrangler.toml" },
  { binding: "CATALOG_DB", name: "shop-catalog", config: "workers/catalog/wrangler.toml" },
  { binding: "ORDERS_DB", name: "shop-orders", config: "workers/orders/wrangler.toml" },
  { binding: "PAYMENTS_DB", name: "shop-payments", config: "workers/payments/wrangler.toml" },
  { binding: "REVIEWS_DB", name: "shop-reviews", config: "workers/reviews/wrangler.toml" },
];

/** Environment for every wrangler call: no telemetry, no outside connection. */
export const OFFLINE_ENV = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};
