import { WorkerEntrypoint } from "cloudflare:workers";
import { paymentsRoutes } from "./payments.routes";
import type { Env } from "./worker-configuration";

/** Payments for the orders worker (PaymentIntents, refunds) over a service binding. */
export class PaymentsService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }
}

export default {
  fetch: paymentsRoutes.fetch,
} satisfies ExportedHandler<Env>;
