import { WorkerEntrypoint } from "cloudflare:workers";
import { cartRoutes } from "./cart.routes";
import type { Env } from "./worker-configuration";

export { CartDO } from "../../durable-objects/cart.do";

/** Carts for other workers (orders locks and empties carts at checkout) over a service binding. */
export class CartService extends WorkerEntrypoint<Env> {
  /** Answers "ok" when the worker is reachable. */
  async ping(): Promise<"ok"> {
    return "ok";
  }
}

export default {
  fetch: cartRoutes.fetch,
} satisfies ExportedHandler<Env>;
