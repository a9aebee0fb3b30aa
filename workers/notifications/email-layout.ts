import { html, type SafeHtml } from "./safe-html";

/** The shop's name as customers see it in every email. */
export const SHOP_NAME = "Edge Commerce";

// Email clients ignore <style> blocks inconsistently (and some strip them), so every style is
// inline and the layout is a single centred table, the one structure every client renders alike.
const STYLE = {
  body: "margin:0;padding:0;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b;",
  card: "max-width:560px;margin:24px auto;background:#ffffff;border-radius:8px;border:1px solid #e4e4e7;",
  header: "padding:20px 32px;border-bottom:1px solid #e4e4e7;font-size:20px;font-weight:bold;color:#18181b;",
  content: "padding:24px 32px;font-size:16px;line-height:1.5;",
  paragraph: "margin:0 0 16px;",
  button:
    "display:inline-block;padding:12px 24px;background:#2563eb;color:#ffffff;text-decoration:none;" +
    "border-radius:6px;font-weight:bold;",
  muted: "margin:0 0 16px;font-size:13px;color:#71717a;",
  footer: "padding:16px 32px;border-top:1px solid #e4e4e7;font-size:12px;color:#71717a;",
} as const;

/** A paragraph of email body text. */
export function paragraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="${STYLE.paragraph}">${content}</p>`;
}

/** Small grey text, for fine print such as "ignore this email if...". */
export function finePrint(content: SafeHtml | string): SafeHtml {
  return html`<p style="${STYLE.muted}">${content}</p>`;
}

/**
 * A link styled as a button. `href` must already be checked to be http(s) (see `isHttpUrl`):
 * escaping stops attribute injection but not a `javascript:` scheme.
 */
export function button(href: string, label: string): SafeHtml {
  return html`<p style="${STYLE.paragraph}"><a href="${href}" style="${STYLE.button}">${label}</a></p>`;
}

/**
 * The full HTML document of an email: the shop name as a header, `body`, and a footer.
 * `preheader` is the hidden line many clients show next to the subject in the inbox list.
 */
export function emailHtml({
  title,
  preheader,
  body,
}: {
  title: string;
  preheader: string;
  body: SafeHtml;
}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="${STYLE.body}">
<div style="display:none;max-height:0;overflow:hidden;">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${STYLE.card}">
<tr><td style="${STYLE.header}">${SHOP_NAME}</td></tr>
<tr><td style="${STYLE.content}">
${body}
</td></tr>
<tr><td style="${STYLE.footer}">This is an automated message from ${SHOP_NAME}; replies are not read.</td></tr>
</table>
</body>
</html>
`.toString();
}

/** The plain-text version of an email: the shop name as a header, paragraphs, a sign-off. */
export function emailText(paragraphs: readonly string[]): string {
  return [
    SHOP_NAME,
    "=".repeat(SHOP_NAME.length),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    `— ${SHOP_NAME}`,
    "",
  ].join("\n");
}

/** "30 minutes", "1 hour", "2 hours": how long a link stays valid, in words. */
export function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
