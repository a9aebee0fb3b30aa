// Variant (SKU) shapes of the demo catalog: which options a product is sold in and how each
// option moves the price. Most small items have one SKU; apparel and shoes come in sizes and
// colours; storage in capacities; laptops in configurations.

const APPAREL_SIZES = ["XS", "S", "M", "L", "XL", "XXL"];
const SHOE_SIZES = ["6", "7", "8", "9", "10", "11", "12", "13"];
const WAIST_SIZES = ["28", "30", "32", "34", "36", "38"];
const CAPACITIES = ["16 GB", "32 GB", "64 GB", "128 GB", "256 GB", "512 GB", "1 TB", "2 TB", "4 TB", "8 TB"];
const LAPTOP_CONFIGS = [
  { memory: "8 GB", storage: "256 GB", factor: 1 },
  { memory: "16 GB", storage: "512 GB", factor: 1.22 },
  { memory: "32 GB", storage: "1 TB", factor: 1.5 },
];
const BED_SIZES = [
  ["Single", 1],
  ["Double", 1.18],
  ["King", 1.34],
  ["Super King", 1.5],
];
const WEIGHTS = [
  ["4 kg", 1],
  ["8 kg", 1.6],
  ["12 kg", 2.2],
  ["16 kg", 2.8],
  ["20 kg", 3.4],
];
const BAGS = [
  ["250 g", 1],
  ["500 g", 1.8],
  ["1 kg", 3.2],
];
const LENGTHS = [
  ["1 m", 1],
  ["2 m", 1.25],
  ["3 m", 1.5],
];

export const VARIANT_KINDS = [
  "none",
  "colour",
  "apparel",
  "shoes",
  "waist",
  "capacity",
  "laptop",
  "bed",
  "weight",
  "bag",
  "length",
];

/**
 * @typedef {object} VariantShape
 * @property {Record<string, string>} options e.g. {size: "M", colour: "Navy"}
 * @property {number} factor price multiplier over the product's base price
 */

/**
 * A short SKU code of an option value: "Midnight Blue" -> "MIDBLU", "512 GB" -> "512GB".
 * @param {string} value
 */
export function optionCode(value) {
  const words = value.split(/[\s/-]+/).filter(Boolean);
  if (/^\d/.test(value)) return value.replace(/[^A-Za-z0-9.]/g, "").toUpperCase();
  return words
    .map((w) => w.replace(/[^A-Za-z0-9]/g, "").slice(0, 3))
    .join("")
    .toUpperCase()
    .slice(0, 9);
}

/** A run of `n` neighbours from `list`, starting at a random place where it fits. */
function window(rng, list, n, from = 0) {
  const size = Math.min(n, list.length - from);
  const start = from + rng.int(0, list.length - from - size);
  return list.slice(start, start + size);
}

/**
 * Every colour x size pair, colour first so each colour's sizes sit together; sizes alone where
 * the leaf has no colour pool (a lifting belt comes in sizes only).
 */
function colourBySize(colours, sizes, key = "size") {
  if (colours.length === 0) return sizes.map((size) => ({ options: { [key]: size }, factor: 1 }));
  return colours.flatMap((colour) => sizes.map((size) => ({ options: { [key]: size, colour }, factor: 1 })));
}

/**
 * How many colours a range comes in: 1 with probability `weights[0]`, 2 with `weights[1]`, ...
 * Most ranges come in one or two colours; every SKU is a Durable Object to stock, so the seed
 * stays near the realistic low end.
 */
function pickCount(rng, weights) {
  let roll = rng.next();
  for (const [i, weight] of weights.entries()) {
    roll -= weight;
    if (roll < 0) return i + 1;
  }
  return weights.length;
}

/**
 * The variants of one product.
 * @param {import("./seed-random.mjs").Random} rng
 * @param {string} kind one of VARIANT_KINDS
 * @param {{ colours: string[], capacity?: string }} context
 * @returns {VariantShape[]}
 */
export function variantShapes(rng, kind, { colours, capacity }) {
  switch (kind) {
    case "none":
      return [{ options: {}, factor: 1 }];
    case "colour":
      return rng
        .sample(colours, pickCount(rng, [0.55, 0.35, 0.1]))
        .map((colour) => ({ options: { colour }, factor: 1 }));
    case "apparel": {
      const sizes = window(rng, APPAREL_SIZES, 4);
      // The largest size costs a little more in about a third of ranges, as it often does.
      const upcharge = rng.chance(0.3);
      return colourBySize(rng.sample(colours, pickCount(rng, [0.8, 0.2])), sizes).map((v) => ({
        ...v,
        factor: upcharge && v.options.size === "XXL" ? 1.08 : 1,
      }));
    }
    case "shoes":
      return colourBySize(rng.sample(colours, pickCount(rng, [0.85, 0.15])), window(rng, SHOE_SIZES, 5));
    case "waist":
      return colourBySize(
        rng.sample(colours, pickCount(rng, [0.8, 0.2])),
        window(rng, WAIST_SIZES, 4),
        "waist",
      );
    case "capacity": {
      const from = Math.max(0, CAPACITIES.indexOf(capacity ?? "128 GB"));
      const steps = CAPACITIES.slice(from, from + rng.int(2, 4));
      return steps.map((value, i) => ({ options: { capacity: value }, factor: 1.55 ** i }));
    }
    case "laptop":
      return LAPTOP_CONFIGS.slice(0, rng.int(2, 3)).map(({ memory, storage, factor }) => ({
        options: { memory, storage },
        factor,
      }));
    case "bed":
      return BED_SIZES.slice(rng.int(0, 1)).map(([size, factor]) => ({ options: { size }, factor }));
    case "weight":
      return window(rng, WEIGHTS, rng.int(3, 5)).map(([weight, factor]) => ({ options: { weight }, factor }));
    case "bag":
      return BAGS.slice(0, rng.int(2, 3)).map(([size, factor]) => ({ options: { size }, factor }));
    case "length":
      return LENGTHS.slice(0, rng.int(2, 3)).map(([length, factor]) => ({ options: { length }, factor }));
    default:
      throw new Error(`unknown variant kind ${kind}`);
  }
}

/**
 * A shelf price in minor units near `dollars`: $x.99 under $200 (sometimes .49 or .95 on cheap
 * items), whole tens minus a cent above, never over $2,499.
 * @param {import("./seed-random.mjs").Random} rng
 * @param {number} dollars
 */
export function shelfPrice(rng, dollars) {
  const capped = Math.min(dollars, 2499);
  if (capped < 20) {
    const cents = rng.pick([99, 99, 49, 95]);
    return Math.max(1, Math.floor(capped)) * 100 - (100 - cents);
  }
  if (capped < 200) return Math.round(capped) * 100 - rng.pick([1, 1, 1, 5]);
  if (capped >= 2490) return 249_900;
  return Math.round(capped / 10) * 1000 - rng.pick([1, 1, 100]);
}

/**
 * A price drawn between `min` and `max` dollars, spread evenly on a log scale (cheap variants of
 * a product type are as common as dear ones, as in real ranges).
 * @param {import("./seed-random.mjs").Random} rng
 */
export function basePrice(rng, min, max) {
  return Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
}
