// Deterministic randomness for the demo seed. Everything the seed generates comes from these
// functions, never from Math.random or the clock, so every run (and every machine) produces the
// same catalog, ids and SQL byte for byte.

/**
 * FNV-1a, 32 bits: a fast, well-spread hash for turning a text key into a PRNG seed.
 * @param {string} text
 * @param {number} [basis] a different basis gives an independent hash of the same text
 * @returns {number} an unsigned 32-bit integer
 */
export function hashString(text, basis = 0x811c9dc5) {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so keys that differ only in their last character still differ widely.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * A stable id in UUID v4 shape derived from `key`: the same key always gives the same id, so
 * INSERT OR IGNORE on it makes seeding idempotent, and routes that expect UUIDs accept it.
 * @param {string} key
 * @returns {string}
 */
export function uuidFrom(key) {
  const hex = [0x811c9dc5, 0x01234567, 0x9e3779b9, 0x7f4a7c15]
    .map((basis) => hashString(key, basis).toString(16).padStart(8, "0"))
    .join("");
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * @typedef {object} Random
 * @property {() => number} next a float in [0, 1)
 * @property {(min: number, max: number) => number} int an integer in [min, max]
 * @property {<T>(items: readonly T[]) => T} pick one item
 * @property {(p: number) => boolean} chance true with probability p
 * @property {<T>(items: readonly T[], n: number) => T[]} sample n distinct items, in random order
 */

/**
 * A seeded PRNG (mulberry32). Seed it per product (e.g. "headphones/17") rather than once for
 * the whole catalog, so editing one category's data does not reshuffle every other category.
 * @param {string | number} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = typeof seed === "string" ? hashString(seed) : seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  const sample = (items, n) => {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, Math.min(n, pool.length));
  };
  return { next, int, pick, chance, sample };
}
