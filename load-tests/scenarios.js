// The catalog load scenarios: one definition that both runners use, `npm run bench` (autocannon,
// local shop, scripts/bench.mjs) and the k6 script for real deployments (load-tests/k6/catalog.js).
//
// Plain ES2017 with no imports: k6 runs it in its own JavaScript runtime (no Node APIs, no
// URLSearchParams), Node imports it as an ES module (package.json has "type": "module").

/**
 * p95 latency targets in milliseconds, from issue 3 ("Tests and figures"), for a 2-core machine
 * with the load generator on the same cores.
 */
export const TARGETS = { listing: 100, search: 50, suggest: 30 };

/**
 * What shoppers type into the search box: product kinds, brands and attributes of the demo
 * catalog, multi-word queries, and a few with typos (search must forgive one wrong, missing or
 * swapped letter in words of 5+ letters).
 */
export const SEARCH_QUERIES = [
  "wireless headphones",
  "noise cancelling earbuds",
  "bluetooth speaker",
  "gaming laptop",
  "mechanical keyboard",
  "usb-c charger",
  "smartwatch",
  "fitness tracker",
  "action camera",
  "phone case",
  "tablet",
  "e-reader",
  "smart lock",
  "security camera",
  "espresso machine",
  "coffee grinder",
  "french press",
  "chef's knife",
  "air fryer",
  "stand mixer",
  "cookware set",
  "dinnerware",
  "office chair",
  "desk lamp",
  "floor lamp",
  "bookcase",
  "duvet cover",
  "bath towel",
  "scented candle",
  "trail running shoes",
  "running jacket",
  "running socks",
  "backpacking tent",
  "sleeping bag",
  "camping hammock",
  "leather sneakers",
  "chelsea boots",
  "laptop backpack",
  "travel wallet",
  "polarised sunglasses",
  "yoga mat",
  "bike helmet",
  "board game",
  "jigsaw puzzle",
  "vitamin c serum",
  "sunscreen",
  "sonique",
  "acme blender",
  "hooli tablet",
  "wireles headphnes",
  "espreso machine",
  "runing shoes",
  "sleepnig bag",
];

/**
 * Every prefix a shopper types on the way to a query, in typing order ("w", "wi", "wir", ...),
 * up to 12 characters: suggestions are asked on each keystroke from the first character.
 * @param {string} query
 * @returns {string[]}
 */
export function keystrokes(query) {
  const typed = [];
  for (let length = 1; length <= Math.min(query.length, 12); length += 1) {
    const prefix = query.slice(0, length);
    // Nobody waits for suggestions on a trailing space; the next letter asks again.
    if (!prefix.endsWith(" ")) typed.push(prefix);
  }
  return typed;
}

/** Suggest requests, as typed, query after query (a fixed order, so every run sends the same). */
export const SUGGEST_KEYSTROKES = SEARCH_QUERIES.reduce((all, query) => all.concat(keystrokes(query)), []);

const LISTING_SORTS = ["newest", "price_asc", "price_desc", "rating"];
/** Listing pages a shopper realistically reaches. */
const LISTING_PAGES = 5;
/** Search result pages a shopper realistically reaches. */
const SEARCH_PAGES = 3;
/**
 * `minPrice` values in minor units (0 to 19.99 USD): enough distinct values to make every request
 * of a run a different URL, low enough that the filter barely changes the result set.
 */
const MIN_PRICE_VALUES = 2000;

/**
 * `index` written in mixed radix: digit k in [0, radices[k]). Distinct indexes below the product
 * of the radices give distinct digit lists, which is what makes every uncached request unique.
 * @param {number} index
 * @param {number[]} radices
 * @returns {number[]}
 */
export function mixedRadix(index, radices) {
  const total = radices.reduce((product, radix) => product * radix, 1);
  let rest = ((index % total) + total) % total;
  return radices.map((radix) => {
    const digit = rest % radix;
    rest = Math.floor(rest / radix);
    return digit;
  });
}

/**
 * A query string from name/value pairs (undefined values left out), encoded the same way in
 * Node and k6.
 * @param {Array<[string, string | number | undefined]>} pairs
 * @returns {string}
 */
export function queryString(pairs) {
  return pairs
    .filter((pair) => pair[1] !== undefined)
    .map((pair) => `${encodeURIComponent(pair[0])}=${encodeURIComponent(String(pair[1]))}`)
    .join("&");
}

/**
 * @typedef {object} RunContext
 * @property {string[]} categories category slugs of the catalog under test (may be empty)
 * @property {number} salt a random number per run, so a second run within the edge-cache TTL
 *   does not replay the first run's URLs (they would hit)
 */

/**
 * @typedef {object} Scenario
 * @property {string} name short id (flags, k6 tags)
 * @property {string} title what the row measures
 * @property {"listing" | "search" | "suggest" | null} target which p95 target applies
 * @property {"hit" | "miss" | "mixed" | "bypass"} cache what the edge cache should do for it
 * @property {boolean} signedIn whether requests carry a shopper's access token
 * @property {boolean} [localOnly] measures the local stack only (a dev route): k6 leaves it out
 * @property {string} how how its URLs are built (printed and documented)
 * @property {(index: number, context: RunContext) => string} path the path of request `index`
 *   (0, 1, 2, ... over the whole run; each runner numbers requests across all its connections)
 */

/** @type {Scenario[]} */
export const SCENARIOS = [
  {
    name: "floor",
    title: "empty request (the local stack's floor)",
    target: null,
    cache: "bypass",
    signedIn: false,
    localOnly: true,
    how:
      "GET /dev/ping, which the edge worker answers with an empty 204 before any shop code runs: " +
      "what the local stack (wrangler dev, workerd) alone costs at this many connections; no target " +
      "below it can be met on the same machine",
    path: () => "/dev/ping",
  },
  {
    name: "listing-cached",
    title: "product listing, cached",
    target: "listing",
    cache: "hit",
    signedIn: false,
    how: "the same URL every time: GET /api/products?limit=24",
    path: () => "/api/products?limit=24",
  },
  {
    name: "listing-uncached",
    title: "product listing, uncached",
    target: "listing",
    cache: "miss",
    signedIn: false,
    how:
      "a new (minPrice, page, sort, category) combination per request: minPrice 0-1999 cents, " +
      "pages 1-5, 4 sorts, no category or one of the catalog's; every URL is new, so every request misses",
    path: (index, context) => {
      const categories = context.categories;
      // Category and sort change fastest, so consecutive requests look like different shoppers.
      const [category, sort, page, minPrice] = mixedRadix(context.salt + index, [
        categories.length + 1,
        LISTING_SORTS.length,
        LISTING_PAGES,
        MIN_PRICE_VALUES,
      ]);
      return `/api/products?${queryString([
        ["limit", 24],
        ["page", page + 1],
        ["sort", LISTING_SORTS[sort]],
        ["category", category === 0 ? undefined : categories[category - 1]],
        ["minPrice", minPrice],
      ])}`;
    },
  },
  {
    name: "search",
    title: "search, uncached",
    target: "search",
    cache: "miss",
    signedIn: false,
    how:
      `${SEARCH_QUERIES.length} realistic queries (a few with typos) x pages 1-3 x minPrice 0-1999 ` +
      "cents, a new combination per request, so every request misses",
    path: (index, context) => {
      // The query changes fastest: consecutive requests are different shoppers' searches.
      const [query, page, minPrice] = mixedRadix(context.salt + index, [
        SEARCH_QUERIES.length,
        SEARCH_PAGES,
        MIN_PRICE_VALUES,
      ]);
      return `/api/search?${queryString([
        ["q", SEARCH_QUERIES[query]],
        ["page", page + 1],
        ["limit", 24],
        ["minPrice", minPrice],
      ])}`;
    },
  },
  {
    name: "suggest",
    title: "suggest, as typed",
    target: "suggest",
    cache: "mixed",
    signedIn: false,
    how:
      `${SUGGEST_KEYSTROKES.length} prefixes as typed ("w", "wi", "wir", ...) of the search queries, ` +
      "in order, anonymous: after the first pass popular prefixes come from the edge cache",
    path: (index) =>
      `/api/search/suggest?${queryString([["q", SUGGEST_KEYSTROKES[index % SUGGEST_KEYSTROKES.length]]])}`,
  },
  {
    name: "suggest-signed-in",
    title: "suggest, signed in (no cache)",
    target: "suggest",
    cache: "bypass",
    signedIn: true,
    how:
      "the same prefixes with a shopper's access token: the edge cache never serves signed-in " +
      "requests, so every one reaches the suggest engine",
    path: (index) =>
      `/api/search/suggest?${queryString([["q", SUGGEST_KEYSTROKES[index % SUGGEST_KEYSTROKES.length]]])}`,
  },
  {
    name: "category-tree",
    title: "category tree",
    target: null,
    cache: "hit",
    signedIn: false,
    how: "the same URL every time: GET /api/categories",
    path: () => "/api/categories",
  },
];

/**
 * The i-th synthetic client address, in 198.18.0.0/15 (RFC 2544: reserved for benchmarks, never a
 * real shopper). Local runs send it as `cf-connecting-ip`, which `wrangler dev` passes through,
 * so per-client rate limits see many shoppers instead of one load generator. Cloudflare sets that
 * header itself in production: deployed runs must not (and cannot) rely on it.
 * @param {number} index
 * @param {number} clients how many distinct addresses to cycle through (at most 131072)
 * @returns {string}
 */
export function syntheticClientIp(index, clients) {
  const n = index % Math.max(1, Math.min(clients, 131072));
  return `198.${18 + Math.floor(n / 65536)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/**
 * Category slugs in a `GET /api/categories` answer (the tree, depth-first), for listing filters.
 * @param {unknown} body
 * @returns {string[]}
 */
export function categorySlugs(body) {
  const slugs = [];
  /** @param {unknown} nodes */
  const walk = (nodes) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes) {
      if (node && typeof node.slug === "string") slugs.push(node.slug);
      if (node) walk(node.children);
    }
  };
  walk(body && typeof body === "object" ? body.items : undefined);
  return slugs;
}
