import { createApp } from "../shared/app";
import { healthReport } from "../shared/health";
import type { Env } from "./worker-configuration";

/** The one object holding the emulator's state: a dev and test stand-in needs no sharding. */
export const STRIPE_STATE_OBJECT = "stripe";

/**
 * The Stripe emulator's HTTP API. First form: only `GET /health`; the Stripe API subset the
 * project uses (`/v1/payment_intents`, refunds, signed webhooks) comes with card payments.
 */
export const stripeEmulatorRoutes = createApp<Env>();

stripeEmulatorRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("stripe-emulator", {
    state: () => c.env.STRIPE_STATE.getByName(STRIPE_STATE_OBJECT).ping(),
  });
  return c.json(report, status);
});
