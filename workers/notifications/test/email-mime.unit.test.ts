import { describe, expect, it } from "vitest";
import { buildMimeMessage, encodeHeaderValue, formatMessageId, type MimeEmail } from "../email-mime";

const email: MimeEmail = {
  from: "shop@example.com",
  to: "ada@example.test",
  subject:
    "Réinitialisez votre mot de passe — Edge Commerce ✓ with a long tail to force several encoded words",
  text: "Hi Zoë,\nhttps://shop.test/reset?token=abc\n",
  html: '<p>Hi Zoë, <a href="https://shop.test/reset?token=abc">reset</a></p>',
  messageId: "reset-42",
};
const date = new Date(Date.UTC(2026, 3, 21, 10, 0, 0));

function decodeBase64Utf8(lines: string): string {
  const binary = atob(lines.replace(/\r\n/g, ""));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Decodes folded RFC 2047 "B" words; the bytes are joined first, as a character may span words. */
function decodeEncodedWords(value: string): string {
  const bytes = value.split("\r\n ").flatMap((word) => {
    const match = word.match(/^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/);
    if (!match?.[1]) throw new Error(`not an encoded word: ${word}`);
    return Array.from(atob(match[1]), (c) => c.charCodeAt(0));
  });
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** Splits a raw message into its header block (unfolded) and its body. */
function split(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, end).split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(":");
    headers.set(
      line.slice(0, colon).toLowerCase(),
      line
        .slice(colon + 1)
        .replace(/\r\n([ \t])/g, "$1")
        .trim(),
    );
  }
  return { headers, body: raw.slice(end + 4) };
}

describe("buildMimeMessage", () => {
  const raw = buildMimeMessage(email, { date, boundary: "=_test_boundary" });
  const { headers, body } = split(raw);

  it("uses CRLF line endings only, with no line over 78 characters", () => {
    expect(raw).not.toMatch(/[^\r]\n/);
    for (const line of raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("has the required headers", () => {
    expect(headers.get("from")).toBe("shop@example.com");
    expect(headers.get("to")).toBe("ada@example.test");
    expect(headers.get("message-id")).toBe("<reset-42@example.com>");
    expect(headers.get("date")).toBe("Tue, 21 Apr 2026 10:00:00 +0000");
    expect(headers.get("mime-version")).toBe("1.0");
    expect(headers.get("content-type")).toBe('multipart/alternative; boundary="=_test_boundary"');
  });

  it("encodes a non-ASCII subject as RFC 2047 words that decode back to it", () => {
    const subject = raw.slice(raw.indexOf("Subject: ") + 9, raw.indexOf("\r\nMessage-ID:"));
    expect(subject).toMatch(/^=\?UTF-8\?B\?/);
    expect(subject.split("\r\n ").length).toBeGreaterThan(1);
    for (const word of subject.split("\r\n ")) expect(word.length).toBeLessThanOrEqual(75);
    expect(headers.get("subject")).toBe(subject.replaceAll("\r\n ", " "));
    expect(decodeEncodedWords(subject)).toBe(email.subject);
  });

  it("has a text part then an HTML part, base64 UTF-8, closed by the final boundary", () => {
    const parts = body.split("--=_test_boundary");
    expect(parts[0]).toBe("");
    expect(parts.at(-1)).toBe("--\r\n");
    const [text, htmlPart] = parts.slice(1, -1).map(split);
    expect(text?.headers.get("content-type")).toBe("text/plain; charset=UTF-8");
    expect(text?.headers.get("content-transfer-encoding")).toBe("base64");
    expect(decodeBase64Utf8(text?.body.trimEnd() ?? "")).toBe(email.text);
    expect(htmlPart?.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(decodeBase64Utf8(htmlPart?.body.trimEnd() ?? "")).toBe(email.html);
  });

  it("picks a fresh boundary by default, still within the line limit", () => {
    const rawA = buildMimeMessage(email);
    for (const line of rawA.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    const a = split(rawA).headers.get("content-type");
    const b = split(buildMimeMessage(email)).headers.get("content-type");
    expect(a).toMatch(/^multipart\/alternative; boundary="=_shop_[0-9a-f]{32}"$/);
    expect(a).not.toBe(b);
  });
});

describe("header safety", () => {
  it("keeps plain ASCII as it is and turns line breaks into spaces", () => {
    expect(encodeHeaderValue("Your order")).toBe("Your order");
    expect(encodeHeaderValue("Hi\r\nBcc: victim@example.test")).toBe("Hi Bcc: victim@example.test");
  });

  it("never splits a multi-byte character between encoded words", () => {
    const encoded = encodeHeaderValue("😀".repeat(30));
    expect(decodeEncodedWords(encoded)).toBe("😀".repeat(30));
    for (const word of encoded.split("\r\n ")) {
      const bytes = atob(word.slice(10, -2)).length;
      expect(bytes % 4).toBe(0);
    }
  });

  it("rejects an address that would inject a header or add recipients", () => {
    expect(() => buildMimeMessage({ ...email, to: "a@example.test\r\nBcc: b@example.test" })).toThrow(
      TypeError,
    );
    expect(() => buildMimeMessage({ ...email, to: "a@example.test, b@example.test" })).toThrow(TypeError);
  });

  it("makes any id a valid, stable Message-ID", () => {
    expect(formatMessageId("low-stock:TEE 1.(x)", "shop@example.com")).toBe(
      "<low-stock%3ATEE%201%2E%28x%29@example.com>",
    );
    expect(formatMessageId("a", "shop@example.com")).toBe(formatMessageId("a", "shop@example.com"));
  });
});
