/**
 * HTML built from trusted markup. Only the `html` tag creates one, so a value of this type was
 * either written by us or escaped on the way in; anything else interpolated into `html` is
 * escaped. This makes "every interpolated value is escaped" the default rather than a habit.
 */
export class SafeHtml {
  readonly #markup: string;

  /** Prefer the `html` tag: it is the one place that decides what gets escaped. */
  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and (quoted) attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A value the `html` tag accepts: text (escaped), safe markup, or lists of those. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: `html\`<p>${name}</p>\`` escapes `name`, keeps nested `html`
 * fragments as they are, joins arrays, and drops null/undefined/false (for conditionals).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(markup);
}

/**
 * Whether `value` is an absolute http(s) URL. A URL that passed `z.url()` may still be
 * `javascript:` or `data:`; a link in an email must never be one.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}
