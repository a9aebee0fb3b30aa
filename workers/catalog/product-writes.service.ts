import { eq, sql } from "drizzle-orm";
import { products, productVariants } from "../../db/catalog/schema";
import type { Caller } from "../shared/caller";
import { AppError } from "../shared/errors";
import { bumpCacheVersion } from "./cache-version";
import type { CatalogDb } from "./catalog.service";
import type { Statement } from "./catalog-batch";
import { brandByName, recomputeMinPrice, slugTaken, uniqueSlugFor } from "./catalog-writes";
import { announceProductChanges } from "./product-events";
import {
  categoryOrFail,
  checkVariantSet,
  commit,
  invalid,
  managedProduct,
  productsOfSkus,
  sellerFor,
  skuConflict,
} from "./product-write-checks";
import type { ProductCreateInput, ProductUpdateInput } from "./products.schemas";

/**
 * Seller and admin product writes. Each is one D1 batch (the product, its variants, the
 * `min_price` projection and the cache version: all or nothing), then a search-index message.
 */

export interface ProductWriteDeps {
  db: CatalogDb;
  /** The `search-index` queue producer. */
  searchIndex: Queue;
  requestId?: string;
  now?: () => number;
}

/** Creates a product with its variants; returns its id. */
export async function createProduct(
  deps: ProductWriteDeps,
  caller: Caller,
  input: ProductCreateInput,
): Promise<string> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  const sellerId = sellerFor(caller, input.sellerId);
  checkVariantSet(
    input.status,
    input.variants.map((v, i) => ({
      path: `variants.${i}`,
      status: v.status ?? "active",
      currency: v.price.currency,
    })),
  );
  const [categoryId, owners, slugInUse] = await Promise.all([
    categoryOrFail(db, input.category),
    productsOfSkus(
      db,
      input.variants.map((v) => v.sku),
    ),
    input.slug ? slugTaken(db, products, input.slug) : Promise.resolve(false),
  ]);
  if (slugInUse) {
    throw new AppError("conflict", `A product with slug ${input.slug} already exists.`, {
      errors: [{ path: "slug", message: "This slug is taken." }],
    });
  }
  const taken = input.variants.flatMap((v, index) => (owners.has(v.sku) ? [{ index, sku: v.sku }] : []));
  if (taken.length > 0) throw skuConflict(taken);

  const id = crypto.randomUUID();
  const slug = input.slug ?? (await uniqueSlugFor(db, products, input.name, "product"));
  const brand = input.brand ? brandByName(db, input.brand, now) : null;
  const statements: Statement[] = [
    ...(brand ? [brand.create] : []),
    db.insert(products).values({
      id,
      slug,
      name: input.name,
      description: input.description,
      brandId: brand ? brand.id : null,
      categoryId,
      status: input.status,
      featured: input.featured ? 1 : 0,
      sellerId,
      attributes: input.attributes,
      currency: input.variants[0]?.price.currency ?? "USD",
      createdAt: now,
      updatedAt: now,
    }),
    ...input.variants.map((v, position) =>
      db.insert(productVariants).values({
        sku: v.sku,
        productId: id,
        options: v.options ?? {},
        priceAmount: v.price.amount,
        currency: v.price.currency,
        status: v.status ?? "active",
        position,
        createdAt: now,
        updatedAt: now,
      }),
    ),
    recomputeMinPrice(sql`id = ${id}`),
    bumpCacheVersion(db),
  ];
  await commit(db, statements);
  await announceProductChanges(deps.searchIndex, [{ id, status: input.status }], {
    requestId: deps.requestId,
    now,
  });
  return id;
}

/**
 * Changes a product: the fields given, and its variants matched by SKU (an unknown SKU is a new
 * variant; variants not mentioned stay as they are; remove one by archiving it, since orders
 * refer to SKUs). The slug is stable: sending a different one is refused.
 */
export async function updateProduct(
  deps: ProductWriteDeps,
  caller: Caller,
  id: string,
  input: ProductUpdateInput,
): Promise<void> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  const current = await managedProduct(db, caller, id);
  if (input.slug !== undefined && input.slug !== current.slug) {
    throw invalid([
      { path: "slug", message: "A product's slug cannot change once created (links and orders use it)." },
    ]);
  }
  if (input.sellerId !== undefined && input.sellerId !== current.sellerId && caller.role !== "admin") {
    throw new AppError("forbidden", "Only an admin can move a product to another seller.");
  }
  const incoming = input.variants ?? [];
  const [existing, owners, categoryId] = await Promise.all([
    db
      .select({
        sku: productVariants.sku,
        status: productVariants.status,
        currency: productVariants.currency,
        position: productVariants.position,
      })
      .from(productVariants)
      .where(eq(productVariants.productId, id)),
    productsOfSkus(
      db,
      incoming.map((v) => v.sku),
    ),
    input.category === undefined ? Promise.resolve(undefined) : categoryOrFail(db, input.category),
  ]);
  const taken = incoming.flatMap((v, index) => {
    const owner = owners.get(v.sku);
    return owner !== undefined && owner !== id ? [{ index, sku: v.sku }] : [];
  });
  if (taken.length > 0) throw skuConflict(taken);
  const mine = new Map(existing.map((v) => [v.sku, v]));
  const unpriced = incoming.flatMap((v, i) =>
    !mine.has(v.sku) && !v.price
      ? [{ path: `variants.${i}.price`, message: "A new variant needs a price." }]
      : [],
  );
  if (unpriced.length > 0) throw invalid(unpriced);

  const changed = new Set(incoming.map((v) => v.sku));
  const status = input.status ?? current.status;
  checkVariantSet(status, [
    ...existing
      .filter((v) => !changed.has(v.sku))
      .map((v) => ({ path: `variants(${v.sku})`, status: v.status, currency: v.currency })),
    ...incoming.map((v, i) => ({
      path: `variants.${i}`,
      status: v.status ?? mine.get(v.sku)?.status ?? "active",
      currency: v.price?.currency ?? mine.get(v.sku)!.currency,
    })),
  ]);

  const brand = typeof input.brand === "string" ? brandByName(db, input.brand, now) : null;
  let nextPosition = Math.max(-1, ...existing.map((v) => v.position)) + 1;
  const statements: Statement[] = [
    ...(brand ? [brand.create] : []),
    db
      .update(products)
      .set({
        name: input.name,
        description: input.description,
        brandId: input.brand === null ? null : (brand?.id ?? undefined),
        categoryId,
        status: input.status,
        featured: input.featured === undefined ? undefined : input.featured ? 1 : 0,
        attributes: input.attributes,
        sellerId: input.sellerId,
        updatedAt: now,
      })
      .where(eq(products.id, id)),
    ...incoming.map((v) =>
      mine.has(v.sku)
        ? db
            .update(productVariants)
            .set({
              options: v.options,
              priceAmount: v.price?.amount,
              currency: v.price?.currency,
              status: v.status,
              updatedAt: now,
            })
            .where(eq(productVariants.sku, v.sku))
        : db.insert(productVariants).values({
            sku: v.sku,
            productId: id,
            options: v.options ?? {},
            priceAmount: v.price!.amount,
            currency: v.price!.currency,
            status: v.status ?? "active",
            position: nextPosition++,
            createdAt: now,
            updatedAt: now,
          }),
    ),
    recomputeMinPrice(sql`id = ${id}`),
    bumpCacheVersion(db),
  ];
  await commit(db, statements);
  await announceProductChanges(deps.searchIndex, [{ id, status }], { requestId: deps.requestId, now });
}

/**
 * Soft-deletes a product: it becomes `archived`, leaves listings and search, and stays
 * resolvable by id for its seller and admins (past orders refer to it). Archiving twice is a no-op.
 */
export async function archiveProduct(deps: ProductWriteDeps, caller: Caller, id: string): Promise<void> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  const current = await managedProduct(db, caller, id);
  if (current.status === "archived") return;
  await commit(db, [
    db.update(products).set({ status: "archived", updatedAt: now }).where(eq(products.id, id)),
    bumpCacheVersion(db),
  ]);
  await announceProductChanges(deps.searchIndex, [{ id, status: "archived" }], {
    requestId: deps.requestId,
    now,
  });
}
