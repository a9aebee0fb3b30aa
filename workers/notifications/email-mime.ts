/**
 * A minimal RFC 5322 / RFC 2045 message builder: exactly what our emails need (one text and
 * one HTML alternative, UTF-8), nothing a general MIME library would add to the bundle.
 */

/** What goes into a MIME message. */
export interface MimeEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Our stable id for the email (e.g. the queue message's id), not yet in `<...>` form. */
  messageId: string;
}

const CRLF = "\r\n";
// RFC 2045 limits encoded lines to 76 characters.
const BASE64_LINE = 76;
// RFC 5322 wants header lines of at most 78 characters. The first encoded-word shares its line
// with "Subject: " (9), so a word may take 69: "=?UTF-8?B?" + "?=" (12) leave 57 base64
// characters, i.e. 42 bytes of UTF-8 (56 characters of base64) per word.
const ENCODED_WORD_BYTES = 42;

const encoder = new TextEncoder();

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  // Chunked: String.fromCharCode(...bytes) overflows the stack on a large body.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** UTF-8 `text` as base64 in lines of 76 characters (a MIME body part's encoding). */
export function base64Lines(text: string): string {
  const encoded = bytesToBase64(encoder.encode(text));
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BASE64_LINE) lines.push(encoded.slice(i, i + BASE64_LINE));
  return lines.join(CRLF);
}

/**
 * A header value safe to send: ASCII as it is, anything else as RFC 2047 "B" encoded-words,
 * split between characters (never inside one) and folded onto continuation lines.
 * Line breaks become spaces first, so a value can never start a header of its own.
 */
export function encodeHeaderValue(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(oneLine)) return oneLine;
  const words: number[][] = [];
  let chunk: number[] = [];
  for (const char of oneLine) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > ENCODED_WORD_BYTES) {
      words.push(chunk.slice());
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${bytesToBase64(Uint8Array.from(word))}?=`).join(`${CRLF} `);
}

/** An address for From/To. Zod already checked it; this guards against header injection. */
function address(value: string, header: string): string {
  if (/[\r\n<>,;"]/.test(value) || !value.includes("@")) {
    throw new TypeError(`${header} is not a single plain email address: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * `<id@domain>` for the Message-ID header. The id may hold any character, so everything outside
 * the RFC 5322 "atext" set is percent-encoded: the same id always gives the same header.
 */
export function formatMessageId(id: string, from: string): string {
  const local = encodeURIComponent(id).replace(
    /[.()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const domain = from.slice(from.lastIndexOf("@") + 1);
  return `<${local}@${domain}>`;
}

/** RFC 5322 date, e.g. "Tue, 21 Apr 2026 10:00:00 +0000". */
export function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, "+0000");
}

/**
 * The raw multipart/alternative message for `email`: the text part first and the HTML part
 * last, since clients show the last alternative they understand. CRLF line endings throughout.
 */
export function buildMimeMessage(email: MimeEmail, options: { date?: Date; boundary?: string } = {}): string {
  // "=_" cannot occur in base64 bodies, so the boundary can never collide with the content.
  const boundary = options.boundary ?? `=_shop_${crypto.randomUUID().replaceAll("-", "")}`;
  const headers = [
    `From: ${address(email.from, "From")}`,
    `To: ${address(email.to, "To")}`,
    `Subject: ${encodeHeaderValue(email.subject)}`,
    `Message-ID: ${formatMessageId(email.messageId, email.from)}`,
    `Date: ${formatDate(options.date ?? new Date())}`,
    "MIME-Version: 1.0",
    // Folded: with the boundary the line would pass 78 characters.
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
  ];
  const part = (contentType: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${contentType}; charset=UTF-8`,
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(body),
    ].join(CRLF);
  return [
    ...headers,
    "",
    part("text/plain", email.text),
    part("text/html", email.html),
    `--${boundary}--`,
    "",
  ].join(CRLF);
}
