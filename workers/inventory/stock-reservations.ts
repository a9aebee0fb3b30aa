import type { Reservation, StockChange } from "./inventory.schemas";
import type { ObjectSettlement, ShardLayout, StockLedger } from "./stock-ledger";

/**
 * The check-and-write steps of one StockDO, each meant to run inside one synchronous SQLite
 * transaction (StockDO does that), so two requests for the last unit can never both win.
 */

/** A primary's answer to `reserve` when the SKU is split: reserve on its shards instead. */
export type ShardedRefusal = { ok: false; code: "sharded"; layout: ShardLayout };

/** A shard's answer to `reserveUpTo`: units now held for the order here (0 to the request). */
export interface ShareTaken {
  taken: number;
  expiresAt: number;
  available: number;
}

/**
 * Holds `quantity` units for `orderId`, or refuses with the units available. A second call for
 * the same order returns its hold (never a second one); an order already settled here is refused,
 * so a late retry cannot take stock again. The primary of a split SKU answers `sharded`.
 */
export function reserveIn(
  ledger: StockLedger,
  orderId: string,
  quantity: number,
  ttlSeconds: number,
  now: number,
): Reservation | ShardedRefusal {
  const row = ledger.row();
  const layout = ledger.layout();
  const sku = ledger.sku();
  if (layout.shards > 1 && !ledger.isShard()) return { ok: false, code: "sharded", layout };
  ledger.expire(now);
  const held = ledger.liveReservation(orderId, now);
  if (held) return { ok: true, sku, orderId, quantity: held.quantity, expiresAt: held.expires_at };
  const settled = ledger.settlement(orderId);
  if (settled) {
    return {
      ok: false,
      code: "conflict",
      sku,
      detail: `Order ${orderId} already ${settled.state} its reservation of ${sku}.`,
    };
  }
  const available = row.on_hand - ledger.reservedUnits(now);
  if (quantity > available) {
    return { ok: false, code: "out_of_stock", sku, requested: quantity, available: Math.max(0, available) };
  }
  const expiresAt = now + ttlSeconds * 1000;
  ledger.hold(orderId, quantity, expiresAt, now);
  return { ok: true, sku, orderId, quantity, expiresAt };
}

/**
 * Shard side of a split SKU's reservation: holds as many of `quantity` units as this shard has
 * (possibly 0). An order that already holds units here gets its hold back unchanged, so a retried
 * split reservation visits the same shards and takes nothing twice.
 */
export function reserveShareIn(
  ledger: StockLedger,
  orderId: string,
  quantity: number,
  ttlSeconds: number,
  now: number,
): ShareTaken {
  const row = ledger.row();
  ledger.expire(now);
  const free = () => row.on_hand - ledger.reservedUnits(now);
  const held = ledger.liveReservation(orderId, now);
  if (held) return { taken: held.quantity, expiresAt: held.expires_at, available: free() };
  const expiresAt = now + ttlSeconds * 1000;
  if (ledger.settlement(orderId)) return { taken: 0, expiresAt, available: free() };
  const available = Math.max(0, free());
  const taken = Math.min(quantity, available);
  if (taken > 0) ledger.hold(orderId, taken, expiresAt, now);
  return { taken, expiresAt, available: available - taken };
}

/**
 * Turns the order's live reservation into a sale (the units leave `onHand`). Idempotent; refused
 * after the reservation expired or was released, so stock back on sale is never sold twice.
 */
export function commitIn(ledger: StockLedger, orderId: string, now: number): ObjectSettlement {
  const row = ledger.row();
  const layout = ledger.layout();
  const sku = ledger.sku();
  const held = ledger.liveReservation(orderId, now);
  if (held) {
    const onHand = row.on_hand - held.quantity;
    ledger.setOnHand(onHand, now);
    ledger.dropReservation(orderId);
    ledger.settle(orderId, held.quantity, "committed", now);
    ledger.audit(-held.quantity, onHand, `sold: order ${orderId}`, now);
    return { ok: true, sku, orderId, quantity: held.quantity, state: "committed", layout };
  }
  ledger.expire(now);
  const settled = ledger.settlement(orderId);
  if (settled?.state === "committed") {
    return { ok: true, sku, orderId, quantity: settled.quantity, state: "committed", layout };
  }
  if (settled) {
    const code = settled.state === "expired" ? "expired" : "conflict";
    const detail = `The reservation of ${sku} for order ${orderId} was ${settled.state}.`;
    return { ok: false, code, sku, orderId, detail, layout };
  }
  const detail = `Order ${orderId} holds no reservation of ${sku}.`;
  return { ok: false, code: "not_found", sku, orderId, detail, layout };
}

/**
 * Hands the order's reserved units back. Idempotent and harmless for an order holding nothing
 * here (0 units, and a late reserve for it is then refused); refused once the units were sold.
 */
export function releaseIn(ledger: StockLedger, orderId: string, now: number): ObjectSettlement {
  const layout = ledger.layout();
  const sku = ledger.sku();
  const held = ledger.liveReservation(orderId, now);
  if (held) {
    ledger.dropReservation(orderId);
    ledger.settle(orderId, held.quantity, "released", now);
    ledger.markLevelChanged(now);
    return { ok: true, sku, orderId, quantity: held.quantity, state: "released", layout };
  }
  ledger.expire(now);
  const settled = ledger.settlement(orderId);
  if (settled?.state === "committed" || settled?.state === "restocked") {
    const detail = `Order ${orderId} already bought its units of ${sku}; restock them instead.`;
    return { ok: false, code: "conflict", sku, orderId, detail, layout };
  }
  if (!settled) ledger.settle(orderId, 0, "released", now);
  return { ok: true, sku, orderId, quantity: settled?.quantity ?? 0, state: "released", layout };
}

/** Puts a committed order's units back on hand (cancelled or refunded after payment); once. */
export function restockIn(ledger: StockLedger, orderId: string, now: number): ObjectSettlement {
  const row = ledger.row();
  const layout = ledger.layout();
  const sku = ledger.sku();
  const settled = ledger.settlement(orderId);
  if (settled?.state === "restocked") {
    return { ok: true, sku, orderId, quantity: settled.quantity, state: "restocked", layout };
  }
  if (settled?.state !== "committed") {
    return {
      ok: false,
      code: "not_found",
      sku,
      orderId,
      detail: `Order ${orderId} bought no units of ${sku}.`,
      layout,
    };
  }
  const onHand = row.on_hand + settled.quantity;
  ledger.setOnHand(onHand, now);
  ledger.settle(orderId, settled.quantity, "restocked", now);
  ledger.audit(settled.quantity, onHand, `restocked: order ${orderId}`, now);
  return { ok: true, sku, orderId, quantity: settled.quantity, state: "restocked", layout };
}

/** Applies a new on-hand figure with its audit entry, refused below the units reserved. */
export function changeIn(
  ledger: StockLedger,
  next: (onHand: number) => number,
  reason: string,
  now: number,
): StockChange {
  const row = ledger.row();
  const onHand = next(row.on_hand);
  const reserved = ledger.reservedUnits(now);
  if (onHand < reserved) {
    return {
      ok: false,
      code: "conflict",
      detail: `Stock of ${row.sku} cannot go to ${onHand} on hand: ${reserved} units are reserved by open orders.`,
      stock: ledger.snapshot(row, reserved),
    };
  }
  ledger.setOnHand(onHand, now);
  ledger.audit(onHand - row.on_hand, onHand, reason, now);
  return { ok: true, stock: ledger.snapshot({ ...row, on_hand: onHand }, reserved) };
}

/** Removes up to `units` of the units available here (never reserved ones); returns how many. */
export function takeIn(ledger: StockLedger, units: number, reason: string, now: number): number {
  const row = ledger.row();
  const taken = Math.min(units, Math.max(0, row.on_hand - ledger.reservedUnits(now)));
  if (taken === 0) return 0;
  ledger.setOnHand(row.on_hand - taken, now);
  ledger.audit(-taken, row.on_hand - taken, reason, now);
  return taken;
}
