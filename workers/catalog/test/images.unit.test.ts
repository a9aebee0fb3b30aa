import { describe, expect, it } from "vitest";
import { etagMatches, sniffImageType } from "../images.service";
import { escapeXml, initialsOf, wrapName } from "../placeholder-image";
import { SAMPLES } from "./images.fixtures";

describe("sniffImageType", () => {
  it("recognises each accepted type by its magic bytes", () => {
    expect(sniffImageType(SAMPLES.png)).toBe("image/png");
    expect(sniffImageType(SAMPLES.jpeg)).toBe("image/jpeg");
    expect(sniffImageType(SAMPLES.gif)).toBe("image/gif");
    expect(sniffImageType(SAMPLES.webp)).toBe("image/webp");
    expect(sniffImageType(SAMPLES.avif)).toBe("image/avif");
  });

  it("rejects text, SVG, other containers and truncated signatures", () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sniffImageType(text("hello, I am a .png"))).toBeNull();
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(text("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffImageType(SAMPLES.png.slice(0, 4))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
    // An MP4 is ISO-BMFF too, with other brands.
    const mp4 = Uint8Array.from([0, 0, 0, 0x18, ...text("ftypisom"), 0, 0, 2, 0, ...text("isomiso2")]);
    expect(sniffImageType(mp4)).toBeNull();
  });
});

describe("etagMatches", () => {
  it("compares weakly, across lists, and honours *", () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches(null, '"a"')).toBe(false);
  });
});

describe("placeholder text", () => {
  it("escapes every XML-special character and drops control characters", () => {
    expect(escapeXml(`<a href="x" title='y'>&</a>\u0000\u0007`)).toBe(
      "&lt;a href=&quot;x&quot; title=&apos;y&apos;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("takes up to two initials", () => {
    expect(initialsOf("Acme Trail Running Shoes")).toBe("AT");
    expect(initialsOf("  émile  ")).toBe("É");
    expect(initialsOf("!!!")).toBe("?");
  });

  it("wraps a name into at most three lines, cutting the rest with an ellipsis", () => {
    expect(wrapName("Acme Trail Running Shoes")).toEqual(["Acme Trail Running Shoes"]);
    const lines = wrapName("Harbour & Thread Heritage Pro Waterproof Packable Rain Jacket With Extra Words");
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.length <= 26)).toBe(true);
    expect(lines[2]!.endsWith("…")).toBe(true);
    expect(wrapName("Supercalifragilisticexpialidocious-Extraordinaire")[0]).toHaveLength(26);
  });
});
