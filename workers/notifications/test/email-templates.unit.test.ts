import { describe, expect, it } from "vitest";
import { formatMinutes } from "../email-layout";
import { renderEmail, TemplateDataError } from "../email-templates";
import { escapeHtml, html } from "../safe-html";

const HOSTILE = `<script>alert(1)</script>"'&`;
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";

describe("html tag", () => {
  it("escapes every interpolated value but keeps nested fragments", () => {
    const inner = html`<b>${HOSTILE}</b>`;
    expect(html`<p title="${HOSTILE}">${inner}${[HOSTILE, 1]}${null}${false}</p>`.toString()).toBe(
      `<p title="${ESCAPED}"><b>${ESCAPED}</b>${ESCAPED}1</p>`,
    );
  });

  it("escapeHtml covers the five significant characters", () => {
    expect(escapeHtml(HOSTILE)).toBe(ESCAPED);
  });
});

describe("welcome", () => {
  it("greets by name, with the shop name as header, in HTML and text", () => {
    const email = renderEmail("welcome", { name: "Grace" });
    expect(email.subject).toBe("Welcome to Edge Commerce");
    expect(email.html).toMatch(/^<!doctype html>/);
    expect(email.html).toContain(">Edge Commerce</td>");
    expect(email.html).toContain("Hi Grace,");
    expect(email.text).toMatch(/^Edge Commerce\n=============\n\nHi Grace,\n/);
  });

  it("escapes a hostile name in the HTML only", () => {
    const email = renderEmail("welcome", { name: HOSTILE });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain(`Hi ${ESCAPED},`);
    expect(email.text).toContain(`Hi ${HOSTILE},`);
  });
});

describe("password_reset", () => {
  const resetUrl = "https://shop.test/reset?token=abc&uid=7";

  it("links the reset URL as a button, escaped in the attribute, and states the expiry", () => {
    const email = renderEmail("password_reset", { name: "Ada", resetUrl, expiresInMinutes: 60 });
    expect(email.subject).toBe("Reset your Edge Commerce password");
    expect(email.html).toMatch(
      /<a href="https:\/\/shop\.test\/reset\?token=abc&amp;uid=7" style="[^"]*">Reset password<\/a>/,
    );
    expect(email.html).toContain("expires in <strong>1 hour</strong>");
    expect(email.text).toContain(`\n${resetUrl}\n`);
    expect(email.text).toContain("This link expires in 1 hour and works once.");
  });

  it("refuses a link that is not http(s), however it is spelled", () => {
    for (const bad of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "not a url"]) {
      expect(() =>
        renderEmail("password_reset", { name: "Ada", resetUrl: bad, expiresInMinutes: 5 }),
      ).toThrow(TemplateDataError);
    }
  });

  it("escapes an injected attribute in the reset URL", () => {
    const email = renderEmail("password_reset", {
      name: "Ada",
      resetUrl: `https://shop.test/reset?t="><img src=x onerror=alert(1)>`,
      expiresInMinutes: 15,
    });
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain(
      'href="https://shop.test/reset?t=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"',
    );
  });
});

describe("low_stock_alert", () => {
  it("names the SKU, units left and threshold", () => {
    const email = renderEmail("low_stock_alert", { sku: "<TEE>", available: 3, threshold: 5 });
    expect(email.subject).toBe("Low stock: <TEE> (3 left)");
    expect(email.html).toContain("SKU <strong>&lt;TEE&gt;</strong> has <strong>3</strong> units available");
    expect(email.text).toContain("SKU <TEE> has 3 units available, at or below its alert threshold of 5.");
  });
});

describe("formatMinutes", () => {
  it("says minutes or whole hours", () => {
    expect([1, 30, 60, 90, 120, 1440].map(formatMinutes)).toEqual([
      "1 minute",
      "30 minutes",
      "1 hour",
      "90 minutes",
      "2 hours",
      "24 hours",
    ]);
  });
});
