import { describe, expect, it } from "vitest";
import type { ProductImage } from "../images.service";
import { MAX_IMAGE_BYTES } from "../images.service";
import { admin, cacheVersion, productRow, seller } from "./factories";
import { testEnv } from "./harness";
import { imageRow, productOf, request, SAMPLES, upload, uploaded } from "./images.fixtures";

const IMMUTABLE = "public, max-age=31536000, immutable";

describe("POST /api/products/:id/images", () => {
  it("stores the image in R2, appends a row, makes it primary and bumps the cache version", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const before = await cacheVersion();

    const res = await upload(product.id, { as: owner, alt: "  Side view  " });
    expect(res.status).toBe(201);
    const image = await res.json<ProductImage>();
    expect(image).toMatchObject({
      productId: product.id,
      alt: "Side view",
      position: 0,
      contentType: "image/png",
      size: SAMPLES.png.byteLength,
    });
    expect(image.key).toMatch(new RegExp(`^products/${product.id}/[0-9a-f-]{36}\\.png$`));
    expect(image.url).toBe(`/images/${image.key}`);
    expect(res.headers.get("location")).toBe(image.url);

    expect((await productRow(product.id))?.primaryImageKey).toBe(image.key);
    expect(await cacheVersion()).toBeGreaterThan(before);
    const stored = await testEnv.IMAGES.get(image.key);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(SAMPLES.png);
  });

  it("appends later images in position order and keeps the first as primary", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const first = await uploaded(product.id, owner);
    const second = await uploaded(product.id, owner, SAMPLES.jpeg);
    const third = await uploaded(product.id, owner, SAMPLES.webp);
    expect([first.position, second.position, third.position]).toEqual([0, 1, 2]);
    expect([second.contentType, third.contentType]).toEqual(["image/jpeg", "image/webp"]);
    expect(second.key.endsWith(".jpg")).toBe(true);
    expect((await productRow(product.id))?.primaryImageKey).toBe(first.key);
  });

  it("accepts every allowed type, judged by content", async () => {
    const product = await productOf(admin.userId);
    for (const [kind, bytes] of Object.entries(SAMPLES)) {
      // The declared type and name are deliberately wrong: the bytes decide.
      const res = await upload(product.id, { as: admin, bytes, filename: "x.bin", type: "application/zip" });
      expect(res.status, kind).toBe(201);
      expect((await res.json<ProductImage>()).contentType).toBe(
        kind === "jpeg" ? "image/jpeg" : `image/${kind}`,
      );
    }
  });

  it("refuses a .png that is really text with 415, and stores nothing", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const res = await upload(product.id, {
      as: owner,
      bytes: new TextEncoder().encode("<svg onload=alert(1)>not an image</svg>"),
      filename: "innocent.png",
      type: "image/png",
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "unsupported_media_type", status: 415 });
    const listed = await testEnv.IMAGES.list({ prefix: `products/${product.id}/` });
    expect(listed.objects).toEqual([]);
    expect((await productRow(product.id))?.primaryImageKey).toBeNull();
  });

  it("refuses a file over 5 MiB with 413 problem+json", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const bytes = new Uint8Array(MAX_IMAGE_BYTES + 1);
    bytes.set(SAMPLES.png);
    const res = await upload(product.id, { as: owner, bytes });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("refuses a body far over the limit from its Content-Length alone", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const res = await upload(product.id, { as: owner, bytes: new Uint8Array(MAX_IMAGE_BYTES * 2) });
    expect(res.status).toBe(413);
  });

  it("answers 400 without a file, for an empty file, and 415 for a JSON body", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const path = `/api/products/${product.id}/images`;
    const headers = { "x-shop-caller-id": owner.userId, "x-shop-caller-role": owner.role };
    const noFile = new FormData();
    noFile.append("alt", "nothing attached");
    const missing = await request(path, { method: "POST", headers, body: noFile });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "file" }] });

    const empty = await upload(product.id, { as: owner, bytes: new Uint8Array(0) });
    expect(empty.status).toBe(400);

    const json = await request(path, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
  });

  it("answers 404 for a product that does not exist", async () => {
    const res = await upload("no-such-product", { as: admin });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });
});

describe("DELETE /api/products/:id/images/:imageId", () => {
  it("removes the row and the object, promotes the next image, then falls back to the placeholder", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const first = await uploaded(product.id, owner);
    const second = await uploaded(product.id, owner, SAMPLES.gif);
    const before = await cacheVersion();

    const path = (id: string) => `/api/products/${product.id}/images/${id}`;
    const headers = { "x-shop-caller-id": owner.userId, "x-shop-caller-role": owner.role };
    const res = await request(path(first.id), { method: "DELETE", headers });
    expect(res.status).toBe(204);
    expect(await imageRow(testEnv.CATALOG_DB, first.id)).toBeNull();
    expect(await testEnv.IMAGES.head(first.key)).toBeNull();
    expect((await productRow(product.id))?.primaryImageKey).toBe(second.key);
    expect(await cacheVersion()).toBeGreaterThan(before);
    expect((await request(first.url)).status).toBe(404);

    expect((await request(path(second.id), { method: "DELETE", headers })).status).toBe(204);
    expect((await productRow(product.id))?.primaryImageKey).toBe(`placeholder/${product.slug}.svg`);
  });

  it("answers 404 for an image of another product or none at all", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const other = await productOf(owner.userId);
    const image = await uploaded(other.id, owner);
    const headers = { "x-shop-caller-id": owner.userId, "x-shop-caller-role": owner.role };
    for (const imageId of [image.id, "no-such-image"]) {
      const res = await request(`/api/products/${product.id}/images/${imageId}`, {
        method: "DELETE",
        headers,
      });
      expect(res.status).toBe(404);
    }
    expect(await imageRow(testEnv.CATALOG_DB, image.id)).not.toBeNull();
  });
});

describe("GET /images/<key>", () => {
  it("serves the uploaded bytes with long caching, an ETag and a strict CSP", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const image = await uploaded(product.id, owner);
    const res = await request(image.url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(SAMPLES.png);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("answers 304 without a body for a matching If-None-Match, also in a list or weak", async () => {
    const owner = seller();
    const product = await productOf(owner.userId);
    const image = await uploaded(product.id, owner);
    const etag = (await request(image.url)).headers.get("etag")!;
    for (const header of [etag, `"other", ${etag}`, `W/${etag}`]) {
      const res = await request(image.url, { headers: { "if-none-match": header } });
      expect(res.status, header).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(await res.text()).toBe("");
    }
    expect((await request(image.url, { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
  });

  it("answers 404 problem+json for unknown keys and keys outside the image namespace", async () => {
    await testEnv.IMAGES.put("internal/secret.txt", "not public");
    for (const path of [
      "/images/products/nope/00000000-0000-4000-8000-000000000000.png",
      "/images/internal/secret.txt",
      "/images/placeholder/no-such-product.svg",
      "/images/placeholder/../internal/secret.txt",
    ]) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "not_found" });
    }
  });
});
