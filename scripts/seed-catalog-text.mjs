// Product names and descriptions for the demo catalog. Descriptions are assembled from several
// sentence shapes and the leaf's own material, use and feature phrases, so that they read
// differently from product to product and give full-text search real words to match.

/** Model-line names put between brand and product noun, as real product names have them. */
const SERIES =
  "Aero|Atlas|Aria|Summit|Pulse|Nova|Terra|Zen|Vista|Flux|Echo|Halo|Pioneer|Ridge|Orbit|Breeze|Luna|Cascade|Everyday|Classic|Essential|Horizon|Drift|Vertex|Ember|Coast|Solace|Quill|Tundra|Meridian|Sierra|Harbor|Canyon|Boreal|Fjord|Lumen|Kinetic|Apex|Core|Studio".split(
    "|",
  );
const SERIES_SUFFIX = "Pro|Max|Lite|Mini|2|3|X|Plus|SE|Air".split("|");

/** Last words ending in "s" that are singular nonetheless. */
const SINGULAR_S = new Set(["lens", "canvas", "chess", "dress", "glass", "bus"]);

/**
 * Whether a product noun is grammatically plural ("Headphones", "Trousers"), to agree verbs.
 * @param {string} noun
 */
export function isPlural(noun) {
  const last = noun.split(" ").at(-1).toLowerCase();
  if (/\d+-pack$|^set$/.test(last) || SINGULAR_S.has(last)) return false;
  return /[^s]s$/.test(last) && !/(us|is)$/.test(last);
}

/**
 * A noun for running text: capitalised words go lower case; acronyms and model names such as
 * "USB-C", "4K" or "NVMe" keep their case.
 * @param {string} noun
 */
export function proseNoun(noun) {
  return noun
    .split(" ")
    .map((word) => (/^[A-Z][a-z'’]*(-[A-Z]?[a-z'’]+)*$/.test(word) ? word.toLowerCase() : word))
    .join(" ");
}

/**
 * Picks a model line for a product name, or null for none. `rate` is the leaf's appetite for
 * model lines: fashion and consumables mostly go without, gadgets mostly have one.
 * @param {import("./seed-random.mjs").Random} rng
 * @param {number} rate
 * @returns {string | null}
 */
export function pickSeries(rng, rate) {
  if (!rng.chance(rate)) return null;
  const line = rng.pick(SERIES);
  return rng.chance(0.35) ? `${line} ${rng.pick(SERIES_SUFFIX)}` : line;
}

/**
 * @typedef {object} DescriptionParts
 * @property {string} brand
 * @property {string} name the full product name
 * @property {string | null} series
 * @property {string} noun
 * @property {string[]} materials
 * @property {string[]} uses
 * @property {string[]} features
 * @property {string[]} notes leaf-specific closing sentences
 */

/**
 * Two or three sentences naming what the product is made of, what it is for and what it does.
 * @param {import("./seed-random.mjs").Random} rng
 * @param {DescriptionParts} parts
 * @returns {string}
 */
export function describe(rng, parts) {
  const plural = isPlural(parts.noun);
  const verb = (singular, pluralForm) => (plural ? pluralForm : singular);
  const noun = proseNoun(parts.noun);
  const short = parts.series ? `${parts.series} ${parts.noun}` : noun;
  const material = rng.pick(parts.materials);
  const [use, use2] = rng.sample(parts.uses, 2);
  const [f1, f2, f3, f4] = rng.sample(parts.features, 4);
  const It = plural ? "They" : "It";

  const openers = [
    () => `The ${parts.name} ${verb("is", "are")} made for ${use}, with ${material}.`,
    () => `Built for ${use}, the ${short} ${verb("pairs", "pair")} ${material} with ${f1}.`,
    () => `${parts.brand} designed the ${short} around ${f1}, with ${material} for ${use}.`,
    () => `From ${use} to ${use2}, the ${short} ${verb("keeps", "keep")} up, thanks to ${material}.`,
    () => `Meet the ${short}: ${material}, ${f1} and a design that suits ${use}.`,
    () => `Made with ${material}, the ${parts.name} ${verb("is a", "are a")} dependable choice for ${use}.`,
  ];
  const middles = [
    () => `You get ${f2} and ${f3}.`,
    () => `Highlights include ${f2}, ${f3} and ${f4 ?? f1}.`,
    () => `${It} also ${verb("offers", "offer")} ${f2}, plus ${f3}.`,
    () => `Expect ${f2} and ${f3} as standard.`,
    () => `Thoughtful details such as ${f2} and ${f3} make everyday use easier.`,
  ];
  const closers = [
    () => `A reliable pick for ${use2}.`,
    () => `Designed in-house by ${parts.brand} and made to last.`,
    () => `${It} ${verb("makes", "make")} a thoughtful gift, too.`,
    () => `Free returns within 30 days if ${verb("it is", "they are")} not quite right.`,
  ];

  const sentences = [rng.pick(openers)(), rng.pick(middles)()];
  if (rng.chance(0.6)) {
    sentences.push(parts.notes.length > 0 && rng.chance(0.5) ? rng.pick(parts.notes) : rng.pick(closers)());
  }
  return sentences.join(" ");
}
