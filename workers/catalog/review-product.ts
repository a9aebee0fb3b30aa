import { eq } from "drizzle-orm";
import { type PRODUCT_STATUSES, products } from "../../db/catalog/schema";
import type { CatalogDb } from "./catalog.service";

/** What the reviews worker needs to know of a product before accepting a review of it. */
export interface ReviewProduct {
  id: string;
  slug: string;
  name: string;
  status: (typeof PRODUCT_STATUSES)[number];
  /** The seller's user id: a seller does not review their own products. */
  sellerId: string;
}

/**
 * A product's id, slug, name, status and seller, or null when the catalog has no product with `id`
 * (an id that cannot be one, such as an empty or over-long string, is simply not found). The
 * reviews worker accepts reviews of `active` products only. Never throws for a missing product:
 * refusals over RPC are values (ADR 8).
 */
export async function reviewProduct({ db }: { db: CatalogDb }, id: string): Promise<ReviewProduct | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 128) return null;
  const row = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      status: products.status,
      sellerId: products.sellerId,
    })
    .from(products)
    .where(eq(products.id, id))
    .get();
  return row ?? null;
}
