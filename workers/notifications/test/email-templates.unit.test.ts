import { describe, expect, it } from "vitest";
import { formatMinutes } from "../email-layout";
import {
  formatMoney,
  orderReference,
  renderEmail,
  type TemplateData,
  TemplateDataError,
} from "../email-templates";
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

const usd = (amount: number) => ({ amount, currency: "USD" });

/** The data every order email carries: two lines (one with options), a discount, tax, shipping. */
function orderData(
  overrides: Partial<TemplateData["order_delivered"]> = {},
): TemplateData["order_delivered"] {
  return {
    orderId: "3f2a9c1e-0000-4000-8000-000000000000",
    name: "Grace",
    orderUrl: "https://shop.test/orders/3f2a9c1e?token=abc&x=1",
    lines: [
      {
        name: "Trail Mug",
        sku: "MUG-1",
        options: { colour: "blue" },
        quantity: 2,
        unitPrice: usd(1250),
        lineTotal: usd(2500),
      },
      {
        name: "Wool Hat",
        sku: "HAT-1",
        options: {},
        quantity: 1,
        unitPrice: usd(1999),
        lineTotal: usd(1999),
      },
    ],
    totals: { subtotal: usd(4499), discount: usd(450), tax: usd(324), shipping: usd(599), total: usd(4972) },
    ...overrides,
  };
}

describe("order emails", () => {
  it("formats money in the currency's own decimals and names orders by a short reference", () => {
    expect(formatMoney(usd(4972))).toBe("$49.72");
    expect(formatMoney({ amount: 1500, currency: "JPY" })).toBe("¥1,500");
    expect(formatMoney({ amount: 123456, currency: "EUR" })).toBe("€1,234.56");
    expect(orderReference("3f2a9c1e-0000-4000-8000-000000000000")).toBe("#3F2A9C1E");
  });

  it("order_confirmation lists the lines and totals, links the order, and says how it is paid", () => {
    const card = renderEmail("order_confirmation", { ...orderData(), paymentMethod: "card" });
    expect(card.subject).toBe("Order #3F2A9C1E confirmed");
    expect(card.html).toContain("Hi Grace,");
    expect(card.html).toContain("2 × Trail Mug");
    expect(card.html).toContain("colour: blue");
    expect(card.html).toContain("$25.00");
    expect(card.html).toContain("−$4.50");
    expect(card.html).toContain(">$49.72</td>");
    expect(card.html).toMatch(
      /<a href="https:\/\/shop\.test\/orders\/3f2a9c1e\?token=abc&amp;x=1" style="[^"]*">View your order<\/a>/,
    );
    expect(card.html).toContain("We received your payment of $49.72.");
    expect(card.text).toContain(
      "2 × Trail Mug (colour: blue): $25.00\n1 × Wool Hat: $19.99\nSubtotal: $44.99\nDiscount: −$4.50\nTax: $3.24\nShipping: $5.99\nTotal: $49.72",
    );
    expect(card.text).toContain("View your order: https://shop.test/orders/3f2a9c1e?token=abc&x=1");
    const cod = renderEmail("order_confirmation", { ...orderData(), paymentMethod: "cod" });
    expect(cod.text).toContain("You pay $49.72 in cash on delivery.");
  });

  it("leaves out the discount row when there is none", () => {
    const email = renderEmail(
      "order_delivered",
      orderData({ totals: { ...orderData().totals, discount: usd(0) } }),
    );
    expect(email.html).not.toContain("Discount");
    expect(email.text).not.toContain("Discount");
    expect(email.subject).toBe("Order #3F2A9C1E was delivered");
  });

  it("order_shipped carries the admin's note, escaped", () => {
    const email = renderEmail("order_shipped", { ...orderData(), note: `DHL ${HOSTILE}` });
    expect(email.subject).toBe("Order #3F2A9C1E has shipped");
    expect(email.html).toContain(`DHL ${ESCAPED}`);
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain(`DHL ${HOSTILE}`);
    expect(renderEmail("order_shipped", { ...orderData(), note: null }).text).not.toContain("null");
  });

  it("order_cancelled says whether money goes back", () => {
    const refunded = renderEmail("order_cancelled", {
      ...orderData(),
      refund: usd(4972),
      reason: "Out of stock.",
    });
    expect(refunded.subject).toBe("Order #3F2A9C1E is cancelled");
    expect(refunded.text).toContain("We are refunding $49.72 to your card");
    expect(refunded.text).toContain("Out of stock.");
    const unpaid = renderEmail("order_cancelled", { ...orderData(), refund: null, reason: null });
    expect(unpaid.text).toContain("You have not been charged.");
  });

  it("order_refunded and order_expired say what happened", () => {
    const refunded = renderEmail("order_refunded", { ...orderData(), refunded: usd(4972) });
    expect(refunded.subject).toBe("Order #3F2A9C1E refunded");
    expect(refunded.text).toContain("We refunded $49.72 for your order #3F2A9C1E.");
    const expired = renderEmail("order_expired", orderData());
    expect(expired.subject).toBe("Order #3F2A9C1E expired");
    expect(expired.text).toContain("You have not been charged");
  });

  it("escapes hostile names and product names in the HTML", () => {
    const email = renderEmail(
      "order_delivered",
      orderData({
        name: HOSTILE,
        lines: [
          {
            name: HOSTILE,
            sku: "X",
            options: { [HOSTILE]: HOSTILE },
            quantity: 1,
            unitPrice: usd(1),
            lineTotal: usd(1),
          },
        ],
      }),
    );
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain(`Hi ${ESCAPED},`);
    expect(email.html).toContain(`1 × ${ESCAPED}`);
    expect(email.html).toContain(`${ESCAPED}: ${ESCAPED}`);
    expect(email.text).toContain(`1 × ${HOSTILE}`);
  });

  it("refuses an order link that is not http(s), in every order template", () => {
    const bad = orderData({ orderUrl: "javascript:alert(1)" });
    expect(() => renderEmail("order_delivered", bad)).toThrow(TemplateDataError);
    expect(() => renderEmail("order_expired", bad)).toThrow(TemplateDataError);
    expect(() => renderEmail("order_confirmation", { ...bad, paymentMethod: "card" })).toThrow(
      TemplateDataError,
    );
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
