import { sql } from "drizzle-orm";
import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { log } from "../shared/log";
import { bumpCacheVersion } from "./cache-version";
import type { CatalogDb } from "./catalog.service";
import { readBatch, runBatch } from "./catalog-batch";
import type { PlaceholderSource } from "./placeholder-image";
import { imageUrl } from "./product-list-item";
import { managesProduct } from "./products.service";

/** The largest image accepted, in bytes (5 MiB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A product's image gallery stops here: more is a mistake, not a gallery. */
export const MAX_IMAGES_PER_PRODUCT = 20;
export const MAX_ALT_LENGTH = 300;

/** The image types accepted, each with the file extension its R2 key gets. */
export const IMAGE_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/avif": "avif",
} as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** An uploaded image as the API returns it. */
export interface ProductImage {
  id: string;
  productId: string;
  key: string;
  url: string;
  alt: string;
  position: number;
  contentType: string;
  size: number;
  createdAt: string;
}

interface ImageRow {
  id: string;
  product_id: string;
  key: string;
  alt: string;
  position: number;
  content_type: string;
  size: number;
  created_at: number;
}

function toProductImage(row: ImageRow): ProductImage {
  return {
    id: row.id,
    productId: row.product_id,
    key: row.key,
    url: imageUrl(row.key),
    alt: row.alt,
    position: row.position,
    contentType: row.content_type,
    size: row.size,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/**
 * The image type the bytes really are, from their magic numbers, or null. The declared
 * content type and file name are only a client's claim; these bytes are what gets served.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  // ISO-BMFF: a box size, "ftyp", then the major brand and compatible brands (4 bytes each).
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === "ftyp") {
    const boxSize = Math.min(
      bytes.length,
      (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!,
    );
    for (let at = 8; at + 4 <= boxSize; at += 4) {
      if (at === 12) continue; // the minor version, not a brand
      const brand = ascii(bytes, at, at + 4);
      if (brand === "avif" || brand === "avis") return "image/avif";
    }
  }
  return null;
}

/** The product a caller may change images of: 404 when it does not exist or is another seller's. */
export async function findManagedProduct(
  db: CatalogDb,
  caller: Caller,
  productId: string,
): Promise<{ id: string; slug: string }> {
  const row = await db.get<{ id: string; slug: string; seller_id: string } | undefined>(
    sql`SELECT id, slug, seller_id FROM products WHERE id = ${productId}`,
  );
  // Another seller's product answers exactly like a missing one: its existence is not theirs to learn.
  if (!row || !managesProduct(caller, row.seller_id)) {
    throw new AppError("not_found", `No product with id ${productId}.`);
  }
  return { id: row.id, slug: row.slug };
}

/**
 * Re-derives `products.primary_image_key` from the product's images: the first by position, or
 * the generated placeholder when it has none (so cards never show a hole).
 */
function refreshPrimaryImage(productId: string, now: number) {
  return sql`UPDATE products SET
      primary_image_key = COALESCE(
        (SELECT key FROM product_images WHERE product_id = ${productId} ORDER BY position, created_at, id LIMIT 1),
        'placeholder/' || slug || '.svg'),
      updated_at = ${now}
    WHERE id = ${productId}`;
}

/**
 * Stores an image in R2 and appends it to the product's images. The R2 write comes first: if the
 * database write then fails, the object is removed again, so no row ever points at nothing.
 * The row, the primary-image projection and the cache version change in one batch.
 */
export async function addProductImage(
  deps: { db: CatalogDb; bucket: R2Bucket },
  input: { productId: string; bytes: Uint8Array; type: ImageType; alt: string },
): Promise<ProductImage> {
  const { db, bucket } = deps;
  const id = crypto.randomUUID();
  const key = `products/${input.productId}/${id}.${IMAGE_TYPES[input.type]}`;
  const now = Date.now();
  await bucket.put(key, input.bytes, {
    httpMetadata: { contentType: input.type },
    customMetadata: { productId: input.productId },
  });
  let row: ImageRow | undefined;
  try {
    await runBatch(db, [
      // Position and the per-product limit are decided inside the batch (one transaction), so two
      // uploads at once still get distinct positions and cannot pass the limit together.
      sql`INSERT INTO product_images (id, product_id, key, alt, position, content_type, size, created_at)
        SELECT ${id}, ${input.productId}, ${key}, ${input.alt},
          (SELECT COALESCE(MAX(position), -1) + 1 FROM product_images WHERE product_id = ${input.productId}),
          ${input.type}, ${input.bytes.byteLength}, ${now}
        WHERE (SELECT COUNT(*) FROM product_images WHERE product_id = ${input.productId}) < ${MAX_IMAGES_PER_PRODUCT}`,
      refreshPrimaryImage(input.productId, now),
      bumpCacheVersion(db),
    ]);
    row = await db.get<ImageRow | undefined>(sql`SELECT * FROM product_images WHERE id = ${id}`);
  } catch (error) {
    await discard(bucket, key);
    throw error;
  }
  if (!row) {
    await discard(bucket, key);
    throw new AppError(
      "conflict",
      `A product has at most ${MAX_IMAGES_PER_PRODUCT} images; delete one first.`,
    );
  }
  return toProductImage(row);
}

/**
 * Removes one of the product's images: the row (with the primary-image projection and cache
 * version, in one batch), then the R2 object. A failed R2 delete leaves an orphan object, which
 * is harmless; the reverse order could leave a row pointing at nothing.
 */
export async function removeProductImage(
  deps: { db: CatalogDb; bucket: R2Bucket },
  input: { productId: string; imageId: string },
): Promise<void> {
  const { db, bucket } = deps;
  const image = await db.get<{ key: string } | undefined>(
    sql`SELECT key FROM product_images WHERE id = ${input.imageId} AND product_id = ${input.productId}`,
  );
  if (!image) throw new AppError("not_found", `Product ${input.productId} has no image ${input.imageId}.`);
  await runBatch(db, [
    sql`DELETE FROM product_images WHERE id = ${input.imageId}`,
    refreshPrimaryImage(input.productId, Date.now()),
    bumpCacheVersion(db),
  ]);
  await discard(bucket, image.key);
}

/**
 * Deletes an R2 object no row points at (any more). A failure only leaves an orphan object,
 * which costs storage but shows nowhere, so it is logged rather than failing the request.
 */
async function discard(bucket: R2Bucket, key: string): Promise<void> {
  try {
    await bucket.delete(key);
  } catch (error) {
    log("warn", "could not delete an unreferenced image object", { key, error: String(error) });
  }
}

/** What the placeholder of the product with `slug` is drawn from, or null when there is no such product. */
export async function placeholderSource(db: CatalogDb, slug: string): Promise<PlaceholderSource | null> {
  const [products, chain] = await readBatch<[{ name: string }, { slug: string }]>(db, [
    sql`SELECT name FROM products WHERE slug = ${slug}`,
    sql`WITH RECURSIVE chain(id, slug, parent_id, depth) AS (
        SELECT c.id, c.slug, c.parent_id, 0 FROM products p JOIN categories c ON c.id = p.category_id
          WHERE p.slug = ${slug}
        UNION ALL
        SELECT c.id, c.slug, c.parent_id, chain.depth + 1 FROM categories c JOIN chain ON c.id = chain.parent_id
          WHERE chain.depth < 16
      ) SELECT slug FROM chain ORDER BY depth`,
  ]);
  const product = products[0];
  if (!product) return null;
  return { slug, name: product.name, categorySlugs: chain.map((c) => c.slug) };
}

/**
 * Whether an `If-None-Match` header matches `etag` (weak comparison, as RFC 9110 asks for
 * If-None-Match; `*` matches anything that exists).
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}
