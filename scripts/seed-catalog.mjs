// The deterministic demo catalog: ~2,100 active products over the category tree of
// seed-catalog-tree.mjs, with variants, prices, descriptions, attributes and initial stock.
// Pure JavaScript with no Node or Workers imports, so scripts (the seed), tests (in workerd) and
// other tools (the search-quality set) can all import the same data.
//
//   demoCatalog()      the data: categories, brands, products with their variants
//   catalogSeedSql()   idempotent SQL (INSERT OR IGNORE on stable ids) that seeds it into D1
//   stockSeedItems()   each SKU's initial stock, for the StockDOs (scripts/seed-stock.mjs)
import { catalogSql } from "./seed-catalog-sql.mjs";
import { describe, pickSeries } from "./seed-catalog-text.mjs";
import { BRAND_NAMES, CATEGORY_TREE, slugify } from "./seed-catalog-tree.mjs";
import { AUDIO_COMPUTER_KINDS } from "./seed-kinds-audio-computers.mjs";
import { BEAUTY_TOYS_KINDS } from "./seed-kinds-beauty-toys.mjs";
import { DEVICE_KINDS } from "./seed-kinds-devices.mjs";
import { FITNESS_CYCLING_KINDS } from "./seed-kinds-fitness-cycling.mjs";
import { HOME_KINDS } from "./seed-kinds-home.mjs";
import { KITCHEN_KINDS } from "./seed-kinds-kitchen.mjs";
import { MENS_KINDS } from "./seed-kinds-mens.mjs";
import { RUNNING_CAMPING_KINDS } from "./seed-kinds-running-camping.mjs";
import { SHOES_BAGS_KINDS } from "./seed-kinds-shoes-bags.mjs";
import { WOMENS_KINDS } from "./seed-kinds-womens.mjs";
import { createRandom, uuidFrom } from "./seed-random.mjs";
import { basePrice, optionCode, shelfPrice, variantShapes } from "./seed-variants.mjs";

/** The demo seller (scripts/seed.mjs creates the account): owner of every seeded product. */
export const DEMO_SELLER_ID = "00000000-0000-4000-a000-000000000002";
export const CURRENCY = "USD";
/** Categories and brands: the first seed's timestamp, kept so re-seeding changes nothing. */
const TAXONOMY_CREATED = Date.UTC(2026, 0, 1);
/** Products were "listed" over 2025, so sorting by newest has something to sort. */
const LISTED_FROM = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

/** Product kinds by leaf category slug, in tree order (SKU sequence numbers follow it). */
const KINDS = {
  ...AUDIO_COMPUTER_KINDS,
  ...DEVICE_KINDS,
  ...KITCHEN_KINDS,
  ...HOME_KINDS,
  ...RUNNING_CAMPING_KINDS,
  ...FITNESS_CYCLING_KINDS,
  ...MENS_KINDS,
  ...WOMENS_KINDS,
  ...SHOES_BAGS_KINDS,
  ...BEAUTY_TOYS_KINDS,
};

/**
 * The R2-style key of a product's generated placeholder image, served by the catalog at
 * `/images/placeholder/<slug>.svg` (workers/catalog/placeholder-image.ts draws it).
 * @param {string} slug
 */
export function placeholderImageKey(slug) {
  return `placeholder/${slug}.svg`;
}

/** A "|"-separated pool as an array; pools repeat per product, so each is split once. */
const pools = new Map();
function split(pool) {
  if (!pool) return [];
  let items = pools.get(pool);
  if (!items) {
    items = pool.split("|");
    pools.set(pool, items);
  }
  return items;
}

function buildCategories() {
  const rows = [];
  const walk = (nodes, parentId, depth) => {
    nodes.forEach(([slug, name, children = []], position) => {
      const id = `cat-${slug}`;
      rows.push({ id, slug, name, parentId, position, depth, leaf: children.length === 0 });
      walk(children, id, depth + 1);
    });
  };
  walk(CATEGORY_TREE, null, 1);
  return rows;
}

function buildBrands() {
  return BRAND_NAMES.map((name) => {
    const slug = slugify(name);
    return { id: `brand-${slug}`, slug, name, code: slug.replaceAll("-", "").slice(0, 3).toUpperCase() };
  });
}

/** Low-stock threshold by price: cheap items sell fast, dear ones are stocked thin. */
function thresholdFor(price) {
  if (price < 2_000) return 10;
  if (price > 50_000) return 3;
  return 5;
}

/** Units on hand per variant for a product whose overall stock is `level`. */
function stockFor(rng, level, count, threshold) {
  return Array.from({ length: count }, (_, i) => {
    if (level === "out_of_stock") return 0;
    if (level === "low_stock") return rng.int(i === 0 ? 1 : 0, threshold);
    // In stock overall, though single sizes or colours can run low or sell out, as they do.
    if (i > 0 && rng.chance(0.06)) return 0;
    if (i > 0 && rng.chance(0.06)) return rng.int(1, threshold);
    return rng.int(threshold + 3, threshold + 140);
  });
}

/** Picks a product name not taken yet (names, and so slugs, are unique across the catalog). */
function uniqueName(rng, taken, { brand, kind, item }) {
  const adjectives = split(item[3]?.adjectives ?? kind.adjectives);
  for (let attempt = 0; attempt < 40; attempt++) {
    const series = pickSeries(rng, attempt > 10 ? 1 : (kind.seriesRate ?? 0.55));
    const adjective = adjectives.length > 0 && (!series || rng.chance(0.7)) ? rng.pick(adjectives) : null;
    const name = [brand.name, series, adjective, item[0]].filter(Boolean).join(" ");
    const slug = slugify(name);
    if (!taken.has(slug)) {
      taken.add(slug);
      return { name, slug, series };
    }
  }
  throw new Error(`could not find a free name for ${brand.name} ${item[0]}`);
}

function buildProducts(categoriesBySlug, brandsByName) {
  const products = [];
  const taken = new Set();
  const codes = new Set();
  for (const [leafSlug, kind] of Object.entries(KINDS)) {
    const category = categoriesBySlug.get(leafSlug);
    if (!category?.leaf) throw new Error(`product kind ${leafSlug} is not a leaf category`);
    if (codes.has(kind.code)) throw new Error(`SKU code ${kind.code} is used twice`);
    codes.add(kind.code);
    const brands = split(kind.brands).map((name) => {
      const brand = brandsByName.get(name);
      if (!brand) throw new Error(`unknown brand ${name} in ${leafSlug}`);
      return brand;
    });
    // A few drafts and archived products per leaf, beyond `count`: realistic, and not listed.
    const extra = Math.round(kind.count / 30);
    for (let n = 0; n < kind.count + extra; n++) {
      const rng = createRandom(`${leafSlug}/${n}`);
      const status = n < kind.count ? "active" : rng.chance(0.5) ? "draft" : "archived";
      products.push(buildProduct(rng, { n, kind, category, brands, status, taken }));
    }
  }
  return products;
}

function buildProduct(rng, { n, kind, category, brands, status, taken }) {
  const brand = rng.pick(brands);
  const item = rng.pick(kind.items);
  const [noun, min, max, opts = {}] = item;
  const { name, slug, series } = uniqueName(rng, taken, { brand, kind, item });
  const description = describe(rng, {
    brand: brand.name,
    name,
    series,
    noun,
    materials: split(opts.materials ?? kind.materials),
    uses: split(opts.uses ?? kind.uses),
    features: split(opts.features ?? kind.features),
    notes: split(kind.notes),
  });
  // An item's own attribute pools replace the leaf's of the same key (a grinder has no origin).
  const attributes = Object.fromEntries(
    Object.entries({ ...kind.attrs, ...opts.attrs })
      .filter(([, pool]) => pool !== null)
      .map(([key, pool]) => [key, rng.pick(split(pool))]),
  );
  const base = basePrice(rng, min, max);
  const shapes = variantShapes(rng, opts.variants ?? kind.variants ?? "none", {
    colours: split(kind.colours),
    capacity: opts.capacity,
  });
  const roll = rng.next();
  const stockLevel = roll < 0.03 ? "out_of_stock" : roll < 0.06 ? "low_stock" : "in_stock";
  const threshold = thresholdFor(base * 100);
  const onHand = stockFor(rng, stockLevel, shapes.length, threshold);
  const createdAt = LISTED_FROM + rng.int(0, 364) * DAY + rng.int(0, 86_399) * 1000;
  const updatedAt = createdAt + rng.int(0, 20) * DAY;
  const skuStem = `${brand.code}-${kind.code}${String(n + 1).padStart(4, "0")}`;
  // A discontinued last option now and then: archived variants stay for past orders' sake.
  const retireLast = shapes.length >= 3 && rng.chance(0.04);
  // Options with the same price factor share one price (every size of a shirt costs the same).
  const prices = new Map();
  const priceOf = (factor) => {
    if (!prices.has(factor)) prices.set(factor, shelfPrice(rng, base * factor));
    return prices.get(factor);
  };
  const variants = shapes.map((shape, position) => {
    const suffix = Object.values(shape.options).map(optionCode).join("-");
    const retired = retireLast && position === shapes.length - 1;
    return {
      sku: suffix ? `${skuStem}-${suffix}` : skuStem,
      options: shape.options,
      priceAmount: priceOf(shape.factor),
      currency: CURRENCY,
      status: retired ? "archived" : "active",
      position,
      available: retired ? 0 : onHand[position],
      lowStockThreshold: threshold,
    };
  });
  const active = variants.filter((v) => v.status === "active");
  if (active.length === 0) throw new Error(`${name} has no active variant`);
  return {
    id: uuidFrom(`product/${slug}`),
    slug,
    name,
    description,
    brandId: brand.id,
    brandSlug: brand.slug,
    brandName: brand.name,
    categoryId: category.id,
    categorySlug: category.slug,
    categoryName: category.name,
    status,
    featured: status === "active" && stockLevel === "in_stock" && rng.chance(0.021),
    sellerId: DEMO_SELLER_ID,
    attributes,
    minPrice: Math.min(...active.map((v) => v.priceAmount)),
    currency: CURRENCY,
    primaryImageKey: placeholderImageKey(slug),
    stockLevel,
    createdAt,
    updatedAt,
    variants,
  };
}

let memo;

/**
 * The demo catalog. Deterministic: every call (on any machine) returns the same data; it is
 * computed once per process, so treat the result as read-only.
 * @returns {import("./seed-catalog.d.mts").DemoCatalog}
 */
export function demoCatalog() {
  if (memo) return memo;
  const categories = buildCategories();
  const brands = buildBrands();
  const products = buildProducts(
    new Map(categories.map((c) => [c.slug, c])),
    new Map(brands.map((b) => [b.name, b])),
  );
  memo = { categories, brands, products };
  return memo;
}

/**
 * Every SKU's initial stock (archived variants included, at 0): what StockDO starts from.
 * @returns {import("./seed-catalog.d.mts").StockSeedItem[]}
 */
export function stockSeedItems() {
  return demoCatalog().products.flatMap((p) =>
    p.variants.map((v) => ({ sku: v.sku, onHand: v.available, lowStockThreshold: v.lowStockThreshold })),
  );
}

/**
 * The seed as SQL for `wrangler d1 execute --file` (scripts/seed.mjs): INSERT OR IGNORE on
 * stable ids, so a second run changes nothing and edits made since are never overwritten.
 * @returns {string}
 */
export function catalogSeedSql() {
  return catalogSql(demoCatalog(), TAXONOMY_CREATED);
}
