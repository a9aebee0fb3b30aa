import { describe, expect, it } from "vitest";
import { canonicalParams, parseStripeForm } from "../stripe-form";

describe("parseStripeForm", () => {
  it("nests bracketed keys into objects and indexed keys into arrays", () => {
    expect(
      parseStripeForm(
        "amount=100&metadata[orderId]=o1&payment_method_types[0]=card&payment_method_types[1]=link&automatic_payment_methods[enabled]=true&expand[]=latest_charge",
      ),
    ).toEqual({
      amount: "100",
      metadata: { orderId: "o1" },
      payment_method_types: ["card", "link"],
      automatic_payment_methods: { enabled: "true" },
      expand: ["latest_charge"],
    });
  });

  it("decodes percent-encoded brackets and values", () => {
    expect(parseStripeForm("metadata%5Bnote%5D=a%20%26%20b")).toEqual({ metadata: { note: "a & b" } });
  });

  it("gives equal canonical text for the same params in another order", () => {
    expect(canonicalParams(parseStripeForm("a=1&b[x]=2&b[y]=3"))).toBe(
      canonicalParams(parseStripeForm("b[y]=3&a=1&b[x]=2")),
    );
    expect(canonicalParams(parseStripeForm("a=1"))).not.toBe(canonicalParams(parseStripeForm("a=2")));
  });
});
