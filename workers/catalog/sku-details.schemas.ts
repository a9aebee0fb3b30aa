/**
 * What the catalog tells other workers about a SKU (`CatalogService.skuDetails`): enough to show
 * and price a cart line. Types only, so the cart imports it without bundling catalog code.
 */

/** At most this many SKUs per `skuDetails` call (a cart holds at most 50 lines). */
export const MAX_SKU_DETAILS = 100;

/** One SKU as the cart prices and shows it, read live from the catalog. */
export interface SkuDetail {
  sku: string;
  productId: string;
  slug: string;
  /** The product's name (variants have no name of their own; `options` tells them apart). */
  name: string;
  options: Record<string, string>;
  unitPrice: { amount: number; currency: string };
  /** The product's primary image as a public URL path (`/images/<key>`), as listings give it. */
  image: string | null;
  /** Whether it can be bought now: the product and the variant are both active. */
  purchasable: boolean;
  /** The seller who owns the product (stock of the SKU is theirs to manage). */
  sellerId: string;
}
