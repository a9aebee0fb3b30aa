/**
 * Generated placeholder images for products without a photo (every seeded product starts with
 * one): an SVG drawn from the product's slug, name and category, served at
 * `/images/placeholder/<slug>.svg`. Pure functions of their input, so the same product always
 * gets the same bytes (and ETag), and nothing is stored.
 */

/** What a placeholder is drawn from. `categorySlugs` runs from the product's category up to the root. */
export interface PlaceholderSource {
  slug: string;
  name: string;
  categorySlugs: readonly string[];
}

export const SVG_CONTENT_TYPE = "image/svg+xml";

const SIZE = 600;
const FONTS = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";

/**
 * Icon outlines in a 100 x 100 box, by category slug. A product gets the icon of its nearest
 * category that has one (its own, then its parent's, ...), so roots give every product a shape.
 */
const ICONS: Record<string, string> = {
  electronics: "M56 6 L22 56 H46 L40 94 L78 40 H54 Z",
  audio: "M18 60 V50 A32 32 0 0 1 82 50 V60 H70 V86 H84 V60 M30 60 H16 V86 H30 Z",
  computers: "M18 22 H82 V66 H18 Z M8 74 H92 L86 84 H14 Z",
  cameras: "M12 32 H34 L40 22 H60 L66 32 H88 V82 H12 Z M50 42 A14 14 0 1 0 50.1 42 Z",
  "home-kitchen": "M10 50 L50 12 L90 50 H80 V90 H60 V64 H40 V90 H20 V50 Z",
  kitchen: "M14 42 H86 V52 H80 V84 H20 V52 H14 Z M30 30 H70 V38 H30 Z",
  furniture: "M26 12 H40 V48 H76 V60 H72 V90 H62 V72 H36 V90 H26 Z",
  "sports-outdoors": "M4 86 L38 28 L54 54 L68 38 L96 86 Z",
  camping: "M50 10 L92 86 H8 Z M50 42 L36 86 H64 Z",
  fashion: "M30 14 L50 24 L70 14 L94 34 L80 50 L72 44 V90 H28 V44 L20 50 L6 34 Z",
  shoes: "M8 58 Q8 40 24 42 L44 50 Q62 56 80 58 Q94 60 94 74 V80 H8 Z",
  beauty: "M50 8 C40 26 20 46 20 64 A30 30 0 0 0 80 64 C80 46 60 26 50 8 Z",
  "toys-games": "M50 6 L61 38 H95 L67 58 L78 92 L50 71 L22 92 L33 58 L5 38 H39 Z",
};
const FALLBACK_ICON = "M50 14 A36 36 0 1 0 50.1 14 Z";

/** Characters XML 1.0 does not allow at all (control characters other than tab and newlines). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text made safe for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** FNV-1a: a small, stable hash so a slug always maps to the same colours. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Up to two initials from the product name's words ("Acme Trail Running Shoes" -> "AT"). */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0] ?? "")
    .filter(Boolean);
  return letters.slice(0, 2).join("").toUpperCase() || "?";
}

/** The name in at most `maxLines` lines of at most `width` characters; what does not fit ends in "…". */
export function wrapName(name: string, width = 26, maxLines = 3): string[] {
  const cut = (text: string) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);
  const lines: string[] = [];
  let line = "";
  for (const word of name.trim().split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    return [...lines.slice(0, maxLines - 1), cut(`${lines.slice(maxLines - 1).join(" ")}…`)];
  }
  return lines.map(cut);
}

/** The icon outline of the nearest category (the product's own first) that has one. */
function iconFor(categorySlugs: readonly string[]): string {
  for (const slug of categorySlugs) {
    const icon = ICONS[slug];
    if (icon) return icon;
  }
  return FALLBACK_ICON;
}

/**
 * The placeholder SVG of a product: a background tinted by the slug's hash, the category's icon
 * with the product's initials, and its name. Every piece of text is escaped; the document has
 * no scripts, styles, links or external references (and is served with a CSP that forbids them).
 */
export function renderPlaceholderSvg(source: PlaceholderSource): string {
  const hue = hashText(source.slug) % 360;
  const accent = (hue + 40 + (hashText(`${source.slug}/accent`) % 80)) % 360;
  const background = `hsl(${hue} 55% 90%)`;
  const shape = `hsl(${accent} 45% 78%)`;
  const ink = `hsl(${hue} 45% 28%)`;
  const lines = wrapName(source.name);
  const firstLineY = 470 - (lines.length - 1) * 21;
  const text = lines
    .map(
      (line, i) =>
        `<text x="300" y="${firstLineY + i * 42}" font-size="32" font-weight="600" text-anchor="middle" fill="${ink}">${escapeXml(line)}</text>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${escapeXml(source.name)}" font-family="${FONTS}">`,
    `<rect width="${SIZE}" height="${SIZE}" fill="${background}"/>`,
    `<circle cx="${480 + (hashText(source.slug) % 60)}" cy="110" r="170" fill="${shape}" opacity="0.6"/>`,
    `<g transform="translate(200 90) scale(2)"><path d="${iconFor(source.categorySlugs)}" fill="${ink}" opacity="0.85"/></g>`,
    `<text x="300" y="370" font-size="44" font-weight="700" letter-spacing="4" text-anchor="middle" fill="${ink}">${escapeXml(initialsOf(source.name))}</text>`,
    text,
    "</svg>",
  ].join("");
}
