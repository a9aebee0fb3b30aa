import type { StoredEmail } from "../../durable-objects/outbox.do";
import { html, SafeHtml } from "./safe-html";

/**
 * Headers of the dev outbox pages. The stored HTML is other people's input rendered in our
 * origin, so nothing may run: no scripts anywhere, inline styles and images only (the email's
 * own), and no referrer, so a reset token in a clicked link does not leak to the next site.
 */
export const DEV_PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; " +
    "form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
} as const;

// Our own constant, so it needs no escaping (and CSS in <style> must not be HTML-escaped).
const PAGE_STYLE = new SafeHtml(`
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f5; color: #18181b; }
main { max-width: 960px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; } a { color: #2563eb; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #e4e4e7; font-size: 14px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 14px; }
dt { color: #71717a; }
iframe { width: 100%; height: 560px; border: 1px solid #e4e4e7; background: #fff; }
pre { white-space: pre-wrap; background: #fff; border: 1px solid #e4e4e7; padding: 12px; }
`);

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${PAGE_STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`.toString();
}

function when(storedAt: number): string {
  return new Date(storedAt)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

function emailHref(id: string): string {
  return `/dev/outbox/${encodeURIComponent(id)}`;
}

/** The outbox index: every stored email, newest first, each linking to its own page. */
export function outboxListPage(emails: readonly StoredEmail[]): string {
  const rows = emails.map(
    (email) =>
      html`<tr><td>${when(email.storedAt)}</td><td>${email.to}</td><td><a href="${emailHref(email.id)}">${email.subject}</a></td></tr>`,
  );
  return page(
    "Outbox",
    html`<h1>Outbox</h1>
<p>Emails the shop sent in development (newest first). Also as JSON: <a href="/dev/outbox.json">/dev/outbox.json</a>.</p>
${
  emails.length === 0
    ? html`<p>No emails yet.</p>`
    : html`<table>
<thead><tr><th>Time</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}`,
  );
}

/**
 * One email: its headers, its HTML in a sandboxed iframe (no scripts, no same-origin access;
 * `srcdoc` takes the HTML escaped as an attribute value), and its text version.
 */
export function outboxEmailPage(email: StoredEmail): string {
  return page(
    email.subject,
    html`<p><a href="/dev/outbox">&larr; Outbox</a></p>
<h1>${email.subject}</h1>
<dl>
<dt>From</dt><dd>${email.from}</dd>
<dt>To</dt><dd>${email.to}</dd>
<dt>Time</dt><dd>${when(email.storedAt)}</dd>
<dt>Message id</dt><dd>${email.id}</dd>
</dl>
<h2>HTML</h2>
<iframe sandbox srcdoc="${email.html}" title="HTML version"></iframe>
<h2>Text</h2>
<pre>${email.text}</pre>`,
  );
}
