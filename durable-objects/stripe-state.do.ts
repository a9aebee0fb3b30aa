import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/stripe-emulator/worker-configuration";

/**
 * The Stripe emulator's state (PaymentIntents, refunds, webhook deliveries), in SQLite so the
 * emulated card flow survives restarts of `npm run dev`. First form: reachable, nothing stored
 * yet; its tables come with the emulated API.
 */
export class StripeStateDO extends DurableObject<Env> {
  /** Answers "ok": proves the object can be reached. */
  async ping(): Promise<"ok"> {
    return "ok";
  }
}
