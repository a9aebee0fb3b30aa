import { eq, inArray } from "drizzle-orm";
import { products, productVariants } from "../../db/catalog/schema";
import type { CatalogDb } from "./catalog.service";
import { imageUrl } from "./product-list-item";
import { MAX_SKU_DETAILS, type SkuDetail } from "./sku-details.schemas";

/**
 * The details of `skus` for pricing a cart, in one query (variant joined to its product). SKUs
 * the catalog does not know are left out; archived and draft ones are returned with
 * `purchasable: false`, so the cart can say why a line dropped out. Duplicates are asked once.
 * More than MAX_SKU_DETAILS SKUs is a caller's bug (a TypeError, which keeps its type over RPC).
 */
export async function skuDetails({ db }: { db: CatalogDb }, skus: readonly string[]): Promise<SkuDetail[]> {
  const unique = [...new Set(skus)];
  if (unique.some((sku) => typeof sku !== "string")) throw new TypeError("SKUs must be strings.");
  if (unique.length > MAX_SKU_DETAILS) {
    throw new TypeError(`At most ${MAX_SKU_DETAILS} SKUs per skuDetails call, got ${unique.length}.`);
  }
  if (unique.length === 0) return [];
  const rows = await db
    .select({
      sku: productVariants.sku,
      productId: productVariants.productId,
      slug: products.slug,
      name: products.name,
      options: productVariants.options,
      amount: productVariants.priceAmount,
      currency: productVariants.currency,
      imageKey: products.primaryImageKey,
      productStatus: products.status,
      variantStatus: productVariants.status,
      sellerId: products.sellerId,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(productVariants.sku, unique));
  return rows.map(
    (row): SkuDetail => ({
      sku: row.sku,
      productId: row.productId,
      slug: row.slug,
      name: row.name,
      options: row.options,
      unitPrice: { amount: row.amount, currency: row.currency },
      image: row.imageKey ? imageUrl(row.imageKey) : null,
      purchasable: row.productStatus === "active" && row.variantStatus === "active",
      sellerId: row.sellerId,
    }),
  );
}
