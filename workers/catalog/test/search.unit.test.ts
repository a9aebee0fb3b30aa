import { describe, expect, it } from "vitest";
import { toFacets } from "../search-facets";
import { escapeHtml, MARK_CLOSE, MARK_OPEN, markedHtml } from "../search-highlight";
import {
  matchExpression,
  plainWordMatches,
  queryWords,
  singularForms,
  wordExpression,
} from "../search-query";
import { deletionVariants, withinOneEdit } from "../search-typos";

describe("queryWords", () => {
  it("keeps letters and digits only, normalized, without stopwords or repeats", () => {
    expect(queryWords(' "Wireless" AND (Héadphones)* for 4K-TV wireless')).toEqual([
      "wireless",
      "headphones",
      "4k",
      "tv",
    ]);
  });

  it("keeps stopwords when they are all there is", () => {
    expect(queryWords("AND OR")).toEqual(["and", "or"]);
  });

  it("keeps a trailing stopword when asked (as you type)", () => {
    expect(queryWords("shoes fo", true)).toEqual(["shoes", "fo"]);
    expect(queryWords("shoes for", true)).toEqual(["shoes", "for"]);
    expect(queryWords("shoes for", false)).toEqual(["shoes"]);
  });

  it("is empty for punctuation and operators", () => {
    expect(queryWords(`"*:^-+()"`)).toEqual([]);
  });

  it("caps words and their length", () => {
    expect(queryWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "))).toHaveLength(8);
    expect(queryWords("y".repeat(100))[0]).toHaveLength(64);
  });
});

describe("match expressions", () => {
  it("quotes every word, ORs its forms and ANDs the words", () => {
    const words = plainWordMatches(["usb", "c", "cables"]);
    expect(matchExpression(words)).toBe('("usb" OR "usb"*) AND "c" AND ("cables" OR "cables"* OR "cable")');
  });

  it("ORs in the typed words as a name phrase, which ranks exact names first", () => {
    const words = plainWordMatches(["thin", "light"]);
    expect(matchExpression(words, ["thin", "and", "light"])).toBe(
      '(("thin" OR "thin"*) AND ("light" OR "light"*)) OR {name} : ("thin and light"*)',
    );
    expect(matchExpression(plainWordMatches(["thin"]), ["thin"])).toBe('("thin" OR "thin"*)');
  });

  it("adds typo corrections as exact alternatives", () => {
    expect(wordExpression({ word: "headphnes", prefix: false, typoTerms: ["headphones"] })).toBe(
      '("headphnes" OR "headphne" OR "headphones")',
    );
  });

  it("derives singular forms of plurals", () => {
    expect(singularForms("shoes")).toEqual(["shoe"]);
    expect(singularForms("dresses")).toEqual(["dresse", "dress"]);
    expect(singularForms("batteries")).toEqual(["batterie", "battery"]);
    expect(singularForms("glass")).toEqual([]);
    expect(singularForms("bus")).toEqual([]);
  });
});

describe("typo distance", () => {
  it.each([
    ["headphones", "headphnes", true],
    ["headphones", "headphonse", true],
    ["headphones", "haedphones", true],
    ["headphones", "headphonez", true],
    ["headphones", "headphoness", true],
    ["headphones", "xheadphones", true],
    ["headphones", "headphones", true],
    ["headphones", "hedphnes", false],
    ["headphones", "ehadphnoes", false],
    ["abc", "cab", false],
    ["café", "cafe", true],
  ])("withinOneEdit(%s, %s) is %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it("lists the word and its one-character deletions once each", () => {
    expect(deletionVariants("abba")).toEqual(["abba", "bba", "aba", "abb"]);
  });

  it("finds every one-edit pair through a shared deletion variant", () => {
    const term = "pangolin";
    for (const typo of ["pangolim", "pangoln", "pangoliin", "pagnolin", "bangolin", "apngolin"]) {
      const shared = deletionVariants(typo).some((v) => deletionVariants(term).includes(v));
      expect(shared, typo).toBe(true);
    }
  });
});

describe("highlights", () => {
  it("escapes text and turns markers into <mark>", () => {
    expect(markedHtml(`<b>${MARK_OPEN}bad${MARK_CLOSE}</b> & "x"`)).toBe(
      "&lt;b&gt;<mark>bad</mark>&lt;/b&gt; &amp; &quot;x&quot;",
    );
  });

  it("keeps marks balanced whatever the markers", () => {
    expect(markedHtml(`${MARK_CLOSE}a${MARK_OPEN}${MARK_OPEN}b`)).toBe("a<mark>b</mark>");
    expect(markedHtml("a\u0000\u0007b")).toBe("ab");
  });

  it("escapes every HTML-significant character", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});

describe("toFacets", () => {
  it("orders by count then label, prices by range, and drops empty ranges", () => {
    const { total, facets } = toFacets([
      { facet: "total", value: null, label: null, count: 5 },
      { facet: "brand", value: "b", label: "Beta", count: 2 },
      { facet: "brand", value: "a", label: "Alpha", count: 2 },
      { facet: "brand", value: "c", label: "Gamma", count: 3 },
      { facet: "price", value: "20000-", label: null, count: 1 },
      { facet: "price", value: "0-2500", label: null, count: 4 },
    ]);
    expect(total).toBe(5);
    expect(facets.brand.map((b) => b.value)).toEqual(["c", "a", "b"]);
    expect(facets.price).toEqual([
      { value: "0-2500", label: "Under $25", count: 4, minPrice: 0, maxPrice: 2499 },
      { value: "20000-", label: "$200 & above", count: 1, minPrice: 20000 },
    ]);
    expect(facets.category).toEqual([]);
  });
});
