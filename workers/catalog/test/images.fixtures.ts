import { callerHeaders } from "../../../test/http";
import type { Caller } from "../../shared/caller";
import type { ProductImage } from "../images.service";
import { makeCategory, makeProduct } from "./factories";
import { self } from "./harness";

/** Bytes from base64, for the sample images below. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** Real, tiny images of every accepted type (1x1 pixel where the format allows). */
export const SAMPLES = {
  png: fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  ),
  gif: fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
  jpeg: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  webp: new TextEncoder().encode(
    "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00",
  ),
  // An ISO-BMFF "ftyp" box whose major brand is avif.
  avif: Uint8Array.from([
    0x00, 0x00, 0x00, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66, 0x00, 0x00, 0x00, 0x00, 0x61,
    0x76, 0x69, 0x66, 0x6d, 0x69, 0x66, 0x31, 0x6d, 0x69, 0x61, 0x66,
  ]),
};

/** A request to the catalog worker (as the gateway or the edge sends it). */
export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return self.default.fetch(`https://catalog.internal${path}`, init);
}

/** Uploads `bytes` as the `file` field of a multipart form. */
export function upload(
  productId: string,
  options: {
    as?: Caller;
    bytes?: Uint8Array<ArrayBuffer>;
    filename?: string;
    type?: string;
    alt?: string;
  } = {},
): Promise<Response> {
  const form = new FormData();
  const file = new File([options.bytes ?? SAMPLES.png], options.filename ?? "photo.png", {
    type: options.type ?? "image/png",
  });
  form.append("file", file);
  if (options.alt !== undefined) form.append("alt", options.alt);
  return request(`/api/products/${productId}/images`, {
    method: "POST",
    headers: callerHeaders(options.as),
    body: form,
  });
}

/** Uploads and expects 201; returns the image. */
export async function uploaded(
  productId: string,
  as: Caller,
  bytes: Uint8Array<ArrayBuffer> = SAMPLES.png,
): Promise<ProductImage> {
  const res = await upload(productId, { as, bytes });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return res.json<ProductImage>();
}

/** A product of `sellerId` in a two-level category tree (root "fashion" icon, leaf of its own). */
export async function productOf(sellerId: string, name = "Acme Trail Running Shoes") {
  const root = await makeCategory();
  const leaf = await makeCategory({ parentId: root.id });
  return makeProduct({ categoryId: leaf.id, sellerId, name });
}

/** One product_images row straight from the database, or null. */
export async function imageRow(db: D1Database, id: string) {
  return db.prepare("SELECT * FROM product_images WHERE id = ?").bind(id).first<{
    position: number;
    key: string;
    alt: string;
    content_type: string;
    size: number;
  }>();
}
