/**
 * Highlights from FTS5 `highlight()` / `snippet()` as safe HTML: the product's own text is
 * escaped and `<mark>`/`</mark>` are the only markup, so a product named `<b>bad</b>` renders as
 * text. FTS5 is asked to wrap matches in control characters that product text cannot sensibly
 * contain (STX/ETX); they are turned into tags only after everything else was escaped. A stray
 * marker in the source text can at worst produce an extra, still balanced, mark.
 */

/** What FTS5 puts before and after a match; pass these to highlight() and snippet(). */
export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** C0 control characters and DEL, except tab and newlines: never shown, so dropped. */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && ch !== "\t" && ch !== "\n" && ch !== "\r") || code === 0x7f;
}

/**
 * FTS5 output with MARK_OPEN/MARK_CLOSE markers as HTML with `<mark>` elements. Other control
 * characters are dropped; an unclosed mark is closed at the end.
 */
export function markedHtml(marked: string): string {
  let html = "";
  let text = "";
  let open = false;
  for (const ch of marked) {
    if (ch !== MARK_OPEN && ch !== MARK_CLOSE) {
      if (!isControl(ch)) text += ch;
      continue;
    }
    html += escapeHtml(text);
    text = "";
    if (ch === MARK_OPEN && !open) html += "<mark>";
    if (ch === MARK_CLOSE && open) html += "</mark>";
    open = ch === MARK_OPEN;
  }
  html += escapeHtml(text);
  return open ? `${html}</mark>` : html;
}
