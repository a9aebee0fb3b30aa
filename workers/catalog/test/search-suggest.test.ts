import { describe, expect, it } from "vitest";
import { call } from "./harness";
import { seedIndexed, slugOf, suggestOk } from "./search-fixtures";

describe("GET /api/search/suggest", () => {
  it("suggests brands and categories first, then products, from one character", async () => {
    await seedIndexed("sug1", [
      { key: "a", name: "Qwilfish kettle", brand: "Qwerty Audio", category: "kitchen" },
      { key: "b", name: "Quiet fan", brand: "Qwerty Audio", category: "kitchen" },
    ]);
    const suggestions = (await suggestOk("q")).filter((s) => s.slug.startsWith("sug1-"));
    expect(suggestions).toEqual([
      { type: "brand", text: "Qwerty Audio", slug: "sug1-qwerty-audio" },
      expect.objectContaining({ type: "product" }),
      expect.objectContaining({ type: "product" }),
    ]);
    expect(
      suggestions
        .slice(1)
        .map((s) => s.text)
        .sort(),
    ).toEqual(["Quiet fan", "Qwilfish kettle"]);
  });

  it("narrows with the second character and matches words inside names", async () => {
    await seedIndexed("sug2", [
      { key: "a", name: "Xylo kettle", category: "cookware" },
      { key: "b", name: "Electric xeno grill", category: "cookware" },
    ]);
    const two = await suggestOk("xy");
    expect(two).toContainEqual({ type: "product", text: "Xylo kettle", slug: slugOf("sug2", "a") });
    expect(two.map((s) => s.text)).not.toContain("Electric xeno grill");
    expect((await suggestOk("xe")).map((s) => s.text)).toContain("Electric xeno grill");
  });

  it("suggests categories by any word of their name, without diacritics or case", async () => {
    await seedIndexed("sug3", [{ key: "a", name: "Some pan", category: "cookware" }]);
    const found = await suggestOk("CÖOKW");
    expect(found).toContainEqual({ type: "category", text: "Cookware", slug: "sug3-cookware" });
  });

  it("answers at most 10, keeping room for products", async () => {
    await seedIndexed(
      "sug4",
      Array.from({ length: 14 }, (_, i) => ({
        key: `p${i}`,
        name: `Jabberwock lamp ${i}`,
        brand: `Jabber ${i}`,
      })),
    );
    const suggestions = await suggestOk("jab");
    expect(suggestions).toHaveLength(10);
    expect(suggestions.slice(0, 5).every((s) => s.type === "brand")).toBe(true);
    expect(suggestions.slice(5).every((s) => s.type === "product")).toBe(true);
  });

  it("completes the last word of a multi-word query", async () => {
    await seedIndexed("sug5", [
      { key: "a", name: "Wireless zorb headphones" },
      { key: "b", name: "Wired zorb headphones" },
    ]);
    const texts = (await suggestOk("zorb wirel")).map((s) => s.text);
    expect(texts).toContain("Wireless zorb headphones");
    expect(texts).not.toContain("Wired zorb headphones");
  });

  it("does not suggest products that are not active", async () => {
    await seedIndexed("sug6", [{ key: "a", name: "Quibble draft lamp", status: "draft" }]);
    expect((await suggestOk("quibb")).map((s) => s.text)).not.toContain("Quibble draft lamp");
  });

  it("answers the shape of API.md", async () => {
    const res = await call("/api/search/suggest?q=z");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await res.json<{ suggestions: { type: string; text: string; slug: string }[] }>();
    for (const s of body.suggestions) {
      expect(["brand", "category", "product"]).toContain(s.type);
      expect(typeof s.text).toBe("string");
      expect(typeof s.slug).toBe("string");
    }
  });
});
