import type { Reservation, ReservationSettlement, StockChange, StockSnapshot } from "./inventory.schemas";
import { type ShardLayout, shardName, sumSnapshots } from "./stock-ledger";
import type { Env } from "./worker-configuration";

type Stock = Env["STOCK"];

/** The most shards a SKU may be split over. */
export const MAX_SHARDS = 16;

/**
 * How long this isolate trusts what it last learnt of a SKU's layout for new reservations. A
 * stale layout is safe: a primary that has been split answers `sharded` (and the layout is
 * learnt again), and a shard that was merged away has no units left to give. Commit, release and
 * restock never use it: they read the layout fresh, so they always find every shard.
 */
const LAYOUT_TTL_MS = 5_000;
const layouts = new Map<string, { layout: ShardLayout; until: number }>();

function knownLayout(sku: string): ShardLayout | null {
  const hit = layouts.get(sku);
  if (!hit || hit.until < Date.now()) return null;
  return hit.layout;
}

function learnLayout(sku: string, layout: ShardLayout): void {
  if (layouts.size > 10_000) layouts.clear();
  layouts.set(sku, { layout, until: Date.now() + LAYOUT_TTL_MS });
}

const shardsOf = (stock: Stock, sku: string, count: number) =>
  Array.from({ length: count }, (_, i) => stock.getByName(shardName(sku, i)));

/** A stable number for an order id, so its split reservation always visits shards in one order. */
function startShard(orderId: string, shards: number): number {
  let hash = 2166136261;
  for (let i = 0; i < orderId.length; i++) hash = Math.imul(hash ^ orderId.charCodeAt(i), 16777619);
  return (hash >>> 0) % shards;
}

/** A SKU's whole stock: one object's, or the sum over its shards. */
export async function stockOf(stock: Stock, sku: string): Promise<StockSnapshot & { shards: number }> {
  const primary = await stock.getByName(sku).describe();
  if (primary.layout.span === 1) return { ...primary.stock, shards: 1 };
  const rest = await Promise.all(
    shardsOf(stock, sku, primary.layout.span)
      .slice(1)
      .map((s) => s.snapshot()),
  );
  const total = sumSnapshots(primary.stock, rest);
  return { ...total, sku, shards: primary.layout.shards };
}

/**
 * Holds `quantity` units of `sku` for `orderId`: one call to the SKU's object, or, for a split
 * SKU, shard by shard from a start chosen by the order id (spreading a flash sale's orders over
 * the shards) until the quantity is held. Each shard holds what it has in its own transaction;
 * when the shards together cannot cover the quantity, everything taken is released again, so a
 * refused reservation leaves nothing behind.
 */
export async function reserve(
  stock: Stock,
  sku: string,
  orderId: string,
  quantity: number,
  ttlSeconds: number,
): Promise<Reservation> {
  let layout = knownLayout(sku);
  if (!layout || layout.shards === 1) {
    const result = await stock.getByName(sku).reserve(orderId, quantity, ttlSeconds);
    if (result.ok || result.code !== "sharded") return result;
    layout = result.layout;
    learnLayout(sku, layout);
  }
  const shards = shardsOf(stock, sku, layout.shards);
  const start = startShard(orderId, layout.shards);
  let held = 0;
  let seen = 0;
  let expiresAt = Number.POSITIVE_INFINITY;
  const holding: number[] = [];
  for (let k = 0; k < layout.shards && held < quantity; k++) {
    const index = (start + k) % layout.shards;
    const share = await shards[index]!.reserveUpTo(orderId, quantity - held, ttlSeconds);
    if (share.taken > 0) holding.push(index);
    held += share.taken;
    seen += Math.max(0, share.available);
    if (share.taken > 0) expiresAt = Math.min(expiresAt, share.expiresAt);
  }
  if (held >= quantity) return { ok: true, sku, orderId, quantity: held, expiresAt };
  await Promise.all(holding.map((i) => shards[i]!.release(orderId)));
  return { ok: false, code: "out_of_stock", sku, requested: quantity, available: seen + held };
}

type Settle = "commit" | "release" | "restock";

/**
 * Commits, releases or restocks an order's units of `sku` on every object that may hold them
 * (the primary answers with the layout, then the other shards of its span are asked too).
 * Succeeds when any object settled units for the order, with their sum.
 */
export async function settle(
  stock: Stock,
  sku: string,
  orderId: string,
  action: Settle,
): Promise<ReservationSettlement> {
  const { layout, ...first } = await stock.getByName(sku)[action](orderId);
  const results: ReservationSettlement[] = [first];
  if (layout.span > 1) {
    const rest = await Promise.all(
      shardsOf(stock, sku, layout.span)
        .slice(1)
        .map((s) => s[action](orderId)),
    );
    for (const { layout: _ignored, ...r } of rest) results.push(r);
  }
  const settled = results.filter((r) => r.ok);
  if (settled.length > 0) {
    const quantity = settled.reduce((sum, r) => sum + r.quantity, 0);
    return { ...settled[0]!, sku, quantity };
  }
  const refusals = results.filter((r) => !r.ok);
  return refusals.find((r) => r.code === "expired") ?? refusals.find((r) => r.code === "conflict") ?? first;
}

/**
 * Adds `delta` units (negative to remove). A split SKU spreads an increase evenly over its
 * shards and takes a decrease from their available units, shard by shard; if they cannot cover
 * it (units are reserved), what was taken goes back and the change is refused, as for one object.
 */
export async function adjust(stock: Stock, sku: string, delta: number, reason: string): Promise<StockChange> {
  const primary = await stock.getByName(sku).describe();
  if (primary.layout.span === 1) return stock.getByName(sku).adjust(delta, reason);
  const shards = shardsOf(stock, sku, primary.layout.shards);
  if (delta > 0) {
    await Promise.all(spread(delta, shards.length).map((units, i) => shards[i]!.give(units, reason)));
    return { ok: true, stock: await stockOf(stock, sku) };
  }
  const all = shardsOf(stock, sku, primary.layout.span);
  const takenFrom: number[] = [];
  let taken = 0;
  for (const shard of all) {
    const got = await shard.take(-delta - taken, reason);
    takenFrom.push(got);
    taken += got;
    if (taken === -delta) break;
  }
  if (taken === -delta) return { ok: true, stock: await stockOf(stock, sku) };
  await Promise.all(takenFrom.map((units, i) => all[i]!.give(units, `undo: ${reason}`.slice(0, 200))));
  const now = await stockOf(stock, sku);
  return {
    ok: false,
    code: "conflict",
    detail: `Stock of ${sku} cannot go down by ${-delta}: only ${now.available} units are not reserved by open orders.`,
    stock: now,
  };
}

/** Sets the units on hand; for a split SKU, the difference from the current total is adjusted. */
export async function setOnHand(
  stock: Stock,
  sku: string,
  onHand: number,
  reason: string,
): Promise<StockChange> {
  const primary = await stock.getByName(sku).describe();
  if (primary.layout.span === 1) return stock.getByName(sku).set(onHand, reason);
  const current = await stockOf(stock, sku);
  if (onHand === current.onHand) return { ok: true, stock: current };
  return adjust(stock, sku, onHand - current.onHand, reason);
}

/**
 * Splits `sku` over `shards` objects: every available unit is taken from the objects that hold
 * stock and spread evenly over the new layout; reserved units stay where they are until settled.
 * Units are in flight (unavailable, never double-counted) only while this runs.
 */
export async function reshard(
  stock: Stock,
  sku: string,
  shards: number,
): Promise<StockSnapshot & { shards: number }> {
  const layout = await stock.getByName(sku).setLayout(shards);
  layouts.delete(sku);
  const all = shardsOf(stock, sku, layout.span);
  const reason = `reshard: ${shards} shard${shards === 1 ? "" : "s"}`;
  const taken = await Promise.all(all.map((s) => s.take(Number.MAX_SAFE_INTEGER, reason)));
  const total = taken.reduce((a, b) => a + b, 0);
  await Promise.all(spread(total, shards).map((units, i) => all[i]!.give(units, reason)));
  return stockOf(stock, sku);
}

/** `units` split over `parts` as evenly as whole units allow (the first parts get the remainder). */
export function spread(units: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(units / parts) + (i < units % parts ? 1 : 0));
}
