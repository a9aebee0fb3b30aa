import type { EmulatorEnv } from "./stripe-emulator.config";
import { stripeEmulatorRoutes } from "./stripe-emulator.routes";

export { StripeStateDO } from "../../durable-objects/stripe-state.do";

// Payments reaches the emulator over plain HTTP (the Stripe SDK's fetch client), so there is no
// RPC entrypoint here.
export default {
  fetch: stripeEmulatorRoutes.fetch,
} satisfies ExportedHandler<EmulatorEnv>;
