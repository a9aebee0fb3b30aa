import { describe, expect, it } from "vitest";
import { CsvError, parseCsv } from "../csv";
import { importRowSchema } from "../import-rows";
import { chunkRows, writeIsolatingFailures } from "../import-writer";
import { searchIndexMessages } from "../product-events";
import { firstFreeSlug, slugify } from "../slug";

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe("parseCsv", () => {
  it("reads plain records", () => {
    expect(fields("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'sku,description\nA-1,"Soft, warm ""wool"" coat\nwith pockets"\nA-2,plain\n';
    expect(parseCsv(text)).toEqual([
      { fields: ["sku", "description"], line: 1 },
      { fields: ["A-1", 'Soft, warm "wool" coat\nwith pockets'], line: 2 },
      { fields: ["A-2", "plain"], line: 4 },
    ]);
  });

  it("accepts CRLF, a lone CR, a byte-order mark, no final newline, and skips blank lines", () => {
    expect(fields('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3\r4,5')).toEqual([
      ["a", "b"],
      ["1", "x\r\ny"],
      ["2", "3"],
      ["4", "5"],
    ]);
  });

  it("keeps empty fields, including quoted ones and trailing ones", () => {
    expect(fields('a,,""\n,\n')).toEqual([
      ["a", "", ""],
      ["", ""],
    ]);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(fields('TV-1,55" screen\n')).toEqual([["TV-1", '55" screen']]);
  });

  it("reports an unclosed quote and text after a closing quote, with the line", () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvError);
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(/never closed \(line 2\)/);
    expect(() => parseCsv('a,b\n"x"y,1')).toThrow(/after a closing quote.*\(line 2\)/);
  });

  it("is empty for an empty text", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\n")).toEqual([]);
  });
});

describe("importRowSchema", () => {
  it("reads CSV text cells: numbers, booleans, key=value options, statuses, SKU case", () => {
    const row = importRowSchema.parse({
      productSlug: "tee",
      sku: "tee-m-red",
      price: "1999",
      featured: "yes",
      status: "Active",
      options: "size=M; colour=red",
      attributes: '{"material": "cotton"}',
    });
    expect(row).toMatchObject({
      sku: "TEE-M-RED",
      price: 1999,
      featured: true,
      status: "active",
      options: { size: "M", colour: "red" },
      attributes: { material: "cotton" },
    });
  });

  it("explains prices in major units and malformed options", () => {
    const result = importRowSchema.safeParse({
      productSlug: "tee",
      sku: "TEE-1",
      price: "19.99",
      options: "size",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.price).toMatch(/whole minor units/);
    expect(messages.options).toMatch(/key=value/);
  });

  it("refuses unknown fields (a typo must not be ignored silently)", () => {
    expect(importRowSchema.safeParse({ productSlug: "tee", sku: "TEE-1", pirce: 1 }).success).toBe(false);
  });
});

describe("writeIsolatingFailures", () => {
  it("writes good rows, isolates each bad one, keeps order, and stays within a few batches", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => i);
    const bad = new Set([3, 17]);
    const committed: number[] = [];
    let calls = 0;
    const failures = await writeIsolatingFailures(
      chunkRows(rows, 8, Infinity, () => 1),
      async (group) => {
        calls++;
        if (group.some((r) => bad.has(r))) throw new Error(`bad row in ${group.join(",")}`);
        committed.push(...group);
      },
    );
    expect(failures.map((f) => f.row)).toEqual([3, 17]);
    expect(committed).toEqual(rows.filter((r) => !bad.has(r)));
    expect(calls).toBeLessThanOrEqual(3 + 2 * 2 * Math.ceil(Math.log2(8)));
  });
});

describe("chunkRows", () => {
  it("cuts by row count and by weight, giving an overweight row a chunk of its own", () => {
    expect(chunkRows([1, 2, 3, 4, 5], 2, 100, () => 1)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunkRows([10, 10, 90, 200, 5], 10, 100, (w) => w)).toEqual([[10, 10], [90], [200], [5]]);
  });
});

describe("searchIndexMessages", () => {
  it("sends active products as upserts and others as removals, at most 500 ids per message", () => {
    const changes = Array.from({ length: 1_201 }, (_, i) => ({
      id: `p${i}`,
      status: i === 0 ? ("archived" as const) : ("active" as const),
    }));
    const messages = searchIndexMessages(changes, 7);
    expect(messages.map((m) => [m.action, m.productIds.length])).toEqual([
      ["upsert", 500],
      ["upsert", 500],
      ["upsert", 200],
      ["remove", 1],
    ]);
    expect(messages.every((m) => m.at === 7)).toBe(true);
  });
});

describe("slugify", () => {
  it.each([
    ["Trail Runner 2", "trail-runner-2"],
    ["Café & Crème", "cafe-and-creme"],
    ["  --Hello,   World!--  ", "hello-world"],
    ["!!!", ""],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("finds the first free suffix", () => {
    expect(firstFreeSlug("lamp", new Set())).toBe("lamp");
    expect(firstFreeSlug("lamp", new Set(["lamp", "lamp-2", "lamp-4"]))).toBe("lamp-3");
  });
});
