/**
 * URL slugs for products, categories and brands. Pure functions with no runtime imports, so the
 * schemas (and through them the storefront's forms) can use them too.
 */

/** What a slug looks like: lowercase words of letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug accepted. */
export const MAX_SLUG_LENGTH = 100;

/**
 * Generated slugs stop short of the maximum so a uniqueness suffix (`-2`, `-17`) still fits.
 */
const GENERATED_SLUG_LENGTH = 80;

/**
 * A slug for `text`: accents folded ("Café" -> "cafe"), `&` read as "and", everything that is not
 * a letter or digit collapsed into one hyphen. Empty when `text` has no letters or digits.
 */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll("&", " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return words.slice(0, GENERATED_SLUG_LENGTH).replace(/-+$/, "");
}

/**
 * The first of `base`, `base-2`, `base-3`, ... not in `taken`. `taken` holds the slugs that
 * already start with `base` (see `slugsStartingWith` in catalog-writes.ts).
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
