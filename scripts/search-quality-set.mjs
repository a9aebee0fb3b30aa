#!/usr/bin/env node
// Writes workers/catalog/test/search-quality.json: search queries with the demo seed's products a
// shopper would count as right answers. Relevance is judged by the rules below over the seed's
// data (scripts/seed-catalog.mjs), never by what search returns, so the set measures search
// instead of echoing it. Run it again when the seed changes; `npm run search:quality` scores it.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { demoCatalog } from "./seed-catalog.mjs";

const OUT = path.resolve(import.meta.dirname, "../workers/catalog/test/search-quality.json");

/**
 * Each query: what is typed, what kind of query it is, and which products are relevant:
 * `exact` (that product name), or all of `name` (words that must all be in the name, singular or
 * plural), `brand` (slug), `category` (slug, descendants included). Typo queries use the rule
 * of the query they misspell.
 */
const QUERIES = [
  // Exact product names, as pasted from elsewhere.
  { kind: "exact", q: "Hooli Kinetic Bluetooth On-Ear Headphones", rule: { exact: true } },
  { kind: "exact", q: "Initech Horizon Chromebook", rule: { exact: true } },
  { kind: "exact", q: "Lotus Flow Natural Rubber Yoga Mat", rule: { exact: true } },
  { kind: "exact", q: "Brewhaus Compact Espresso Machine", rule: { exact: true } },
  { kind: "exact", q: "Meeple House Cityscape 500-Piece Jigsaw Puzzle", rule: { exact: true } },
  { kind: "exact", q: "Fenwick Waterproof Hiking Boots", rule: { exact: true } },
  { kind: "exact", q: "Nordhem Harbor Standing Desk", rule: { exact: true } },
  { kind: "exact", q: "Purely Botanica Supersonic Hair Dryer", rule: { exact: true } },
  { kind: "exact", q: "Globex Stabilised 4K Action Camera", rule: { exact: true } },
  { kind: "exact", q: "Ridgeline Ultralight 2-Person Backpacking Tent", rule: { exact: true } },
  { kind: "exact", q: "Copperleaf Aero Electric Burr Coffee Grinder", rule: { exact: true } },
  { kind: "exact", q: "Harbour & Thread Midi Wrap Dress", rule: { exact: true } },
  // A brand and a kind of product.
  { kind: "brand+type", q: "acme earbuds", rule: { brand: "acme", category: "earbuds" } },
  { kind: "brand+type", q: "northwind tent", rule: { brand: "northwind", name: ["tent"] } },
  { kind: "brand+type", q: "globex laptop", rule: { brand: "globex", category: "laptops" } },
  { kind: "brand+type", q: "pixelon monitor", rule: { brand: "pixelon", name: ["monitor"] } },
  { kind: "brand+type", q: "copperleaf saucepan", rule: { brand: "copperleaf", name: ["saucepan"] } },
  { kind: "brand+type", q: "fenwick oxford shirt", rule: { brand: "fenwick", name: ["oxford", "shirt"] } },
  { kind: "brand+type", q: "hooli smartwatch", rule: { brand: "hooli", name: ["smartwatch"] } },
  { kind: "brand+type", q: "lotus flow yoga mat", rule: { brand: "lotus-flow", name: ["yoga", "mat"] } },
  { kind: "brand+type", q: "ironbark dumbbell", rule: { brand: "ironbark", name: ["dumbbell"] } },
  {
    kind: "brand+type",
    q: "strideworks running shoes",
    rule: { brand: "strideworks", category: "running-shoes" },
  },
  { kind: "brand+type", q: "juniper lane dress", rule: { brand: "juniper-lane", name: ["dress"] } },
  { kind: "brand", q: "pulsefit", rule: { brand: "pulsefit" } },
  { kind: "brand", q: "Maple & Rye", rule: { brand: "maple-rye" } },
  // Category words.
  { kind: "category", q: "headphones", rule: { category: "headphones" } },
  { kind: "category", q: "cookware", rule: { category: "cookware" } },
  { kind: "category", q: "board games", rule: { category: "board-games" } },
  { kind: "category", q: "skincare", rule: { category: "skincare" } },
  { kind: "category", q: "running shoes", rule: { category: "running-shoes" } },
  { kind: "category", q: "smart lighting", rule: { category: "smart-lighting" } },
  { kind: "category", q: "camping", rule: { category: "camping" } },
  { kind: "category", q: "sunglasses", rule: { category: "sunglasses" } },
  { kind: "category", q: "sleeping bags", rule: { name: ["sleeping", "bag"] } },
  // One typo: wrong, missing, extra or swapped letter.
  { kind: "typo", q: "wireles headphnes", rule: { name: ["wireless", "headphones"] } },
  { kind: "typo", q: "bluetoth speaker", rule: { name: ["bluetooth", "speaker"] } },
  { kind: "typo", q: "mechanicl keyboard", rule: { name: ["mechanical", "keyboard"] } },
  { kind: "typo", q: "chromebok", rule: { name: ["chromebook"] } },
  { kind: "typo", q: "espreso machine", rule: { name: ["espresso", "machine"] } },
  { kind: "typo", q: "sunglases", rule: { name: ["sunglasses"] } },
  { kind: "typo", q: "dumbell", rule: { name: ["dumbbell"] } },
  { kind: "typo", q: "cardigna", rule: { name: ["cardigan"] } },
  { kind: "typo", q: "moisturizer", rule: { name: ["moisturiser"] } },
  { kind: "typo", q: "backpakc", rule: { name: ["backpack"] } },
  { kind: "typo", q: "hammok", rule: { name: ["hammock"] } },
  { kind: "typo", q: "stockpott", rule: { name: ["stockpot"] } },
  { kind: "typo", q: "jigsaw puzzel", rule: { name: ["jigsaw", "puzzle"] } },
  { kind: "typo", q: "cashmere sweter", rule: { name: ["cashmere", "sweater"] } },
  { kind: "typo", q: "headphoens", rule: { category: "headphones" } },
  // Prefixes, as typed so far.
  { kind: "prefix", q: "chromeb", rule: { name: ["chromebook"] } },
  { kind: "prefix", q: "dumbb", rule: { name: ["dumbbell"] } },
  { kind: "prefix", q: "sungla", rule: { name: ["sunglasses"] } },
  { kind: "prefix", q: "espres", rule: { name: ["espresso"] } },
  { kind: "prefix", q: "moistur", rule: { name: ["moisturiser"] } },
  { kind: "prefix", q: "hamm", rule: { name: ["hammock"] } },
  { kind: "prefix", q: "gaming ch", rule: { name: ["gaming", "chair"] } },
  { kind: "prefix", q: "french pr", rule: { name: ["french", "press"] } },
  { kind: "prefix", q: "cast iron fry", rule: { name: ["cast", "iron", "frying"] } },
  // Several words.
  { kind: "multi", q: "noise cancelling earbuds", rule: { name: ["noise", "cancelling", "earbuds"] } },
  { kind: "multi", q: "waterproof hiking boots", rule: { name: ["waterproof", "hiking", "boots"] } },
  { kind: "multi", q: "french press", rule: { name: ["french", "press"] } },
  { kind: "multi", q: "standing desk", rule: { name: ["standing", "desk"] } },
  { kind: "multi", q: "65w usb-c charger", rule: { name: ["65w", "usb", "c", "charger"] } },
  { kind: "multi", q: "gaming chair", rule: { name: ["gaming", "chair"] } },
  { kind: "multi", q: "memory foam pillow", rule: { name: ["memory", "foam", "pillow"] } },
  { kind: "multi", q: "vitamin c serum", rule: { name: ["vitamin", "c", "serum"] } },
  { kind: "multi", q: "insulated water bottle", rule: { name: ["insulated", "water", "bottle"] } },
  { kind: "multi", q: "led desk lamp", rule: { name: ["led", "desk", "lamp"] } },
  { kind: "multi", q: "turkish cotton bath towel", rule: { name: ["turkish", "cotton", "bath", "towel"] } },
  {
    kind: "multi",
    q: "polarised aviator sunglasses",
    rule: { name: ["polarised", "aviator", "sunglasses"] },
  },
  { kind: "multi", q: "kids tablet", rule: { name: ["kids", "tablet"] } },
];

/** Lower-case words without diacritics, as a shopper reads a name. */
function words(text) {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** "boot" and "boots" are the same word to a shopper. */
function sameWord(a, b) {
  return a === b || `${a}s` === b || a === `${b}s` || `${a}es` === b || a === `${b}es`;
}

function relevant(product, rule, q, subtree) {
  if (rule.exact) return product.name === q;
  if (rule.brand && product.brandSlug !== rule.brand) return false;
  if (rule.category && !subtree(rule.category).has(product.categorySlug)) return false;
  const name = words(product.name);
  return (rule.name ?? []).every((w) => name.some((n) => sameWord(w, n)));
}

const catalog = demoCatalog();
const childrenOf = new Map();
for (const c of catalog.categories) {
  const parent = catalog.categories.find((p) => p.id === c.parentId)?.slug ?? null;
  childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c.slug]);
}
const subtree = (slug) => {
  const all = new Set([slug]);
  for (const s of all) for (const child of childrenOf.get(s) ?? []) all.add(child);
  return all;
};
const active = catalog.products.filter((p) => p.status === "active");
const queries = QUERIES.map(({ kind, q, rule }) => {
  const expected = active.filter((p) => relevant(p, rule, q, subtree)).map((p) => p.slug);
  if (expected.length === 0) throw new Error(`no active product is relevant to "${q}"`);
  return { q, kind, rule, expected };
});
writeFileSync(
  OUT,
  `${JSON.stringify(
    {
      about:
        "Search quality set over the demo seed (scripts/seed-catalog.mjs). expected = every active product a shopper would count as a right answer, by the rule shown; written by scripts/search-quality-set.mjs, scored by scripts/search-quality.mjs.",
      queries,
    },
    null,
    2,
  )}\n`,
);
// In the repository's format, so regenerating leaves `npm run lint` clean.
execFileSync(path.resolve(import.meta.dirname, "../node_modules/.bin/biome"), ["format", "--write", OUT], {
  stdio: "ignore",
});
console.log(`wrote ${queries.length} queries to ${path.relative(process.cwd(), OUT)}`);
