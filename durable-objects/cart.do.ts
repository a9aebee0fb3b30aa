import { DurableObject } from "cloudflare:workers";
import type { CartContents, CartLine } from "../workers/cart/cart.schemas";
import type { Env } from "../workers/cart/worker-configuration";

/**
 * One shopping cart (one object per cart: `env.CARTS.getByName(cartId)`, the id being an
 * unguessable token). Lives in a Durable Object so a cart survives devices and two tabs adding
 * to it at once never lose a line.
 */
export class CartDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => this.createTables());
  }

  private createTables(): void {
    this.ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS lines (
        sku TEXT PRIMARY KEY,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        added_at INTEGER NOT NULL
      );
    `);
  }

  /** Answers "ok": proves the object can be reached and its storage opened. */
  async ping(): Promise<"ok"> {
    return "ok";
  }

  /** The cart's lines in the order they were first added. */
  async get(): Promise<CartContents> {
    const lines = this.ctx.storage.sql
      .exec<{ sku: string; quantity: number }>("SELECT sku, quantity FROM lines ORDER BY added_at, sku")
      .toArray()
      .map((row): CartLine => ({ sku: row.sku, quantity: row.quantity }));
    // Carts are always addressed by name; the hex id is only a fallback for a stray idFromString.
    return { id: this.ctx.id.name ?? this.ctx.id.toString(), lines };
  }
}
