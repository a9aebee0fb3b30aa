/**
 * Argument checks of StockDO's RPC methods. A malformed argument is a caller's bug, so it throws
 * a `TypeError` (which keeps its type across RPC); expected refusals are returned as values.
 */
const MAX_REASON_LENGTH = 200;

/** The longest hold a reservation may ask for: a day. */
const MAX_TTL_SECONDS = 86_400;

export function checkOrderId(orderId: string): void {
  if (typeof orderId !== "string" || orderId.length === 0 || orderId.length > 100) {
    throw new TypeError(`orderId must be 1-100 characters, got ${JSON.stringify(orderId)}.`);
  }
}

export function checkReservation(orderId: string, quantity: number, ttlSeconds: number): void {
  checkOrderId(orderId);
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new TypeError(`quantity must be a whole number of units >= 1, got ${quantity}.`);
  }
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new TypeError(`ttlSeconds must be 1-${MAX_TTL_SECONDS}, got ${ttlSeconds}.`);
  }
}

export function checkUnits(name: string, units: number, min = 0): void {
  if (!Number.isSafeInteger(units) || units < min) {
    throw new TypeError(`${name} must be a whole number >= ${min}, got ${units}.`);
  }
}

/** The trimmed reason of a stock change (the audit log keeps it). */
export function checkedReason(reason: string): string {
  const why = typeof reason === "string" ? reason.trim() : "";
  if (why.length === 0 || why.length > MAX_REASON_LENGTH) {
    throw new TypeError(`A reason of 1-${MAX_REASON_LENGTH} characters is required for a stock change.`);
  }
  return why;
}
