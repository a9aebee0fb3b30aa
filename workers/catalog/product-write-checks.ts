import { eq, inArray } from "drizzle-orm";
import { products, productVariants } from "../../db/catalog/schema";
import type { Caller } from "../shared/caller";
import { AppError, type FieldError } from "../shared/errors";
import type { CatalogDb } from "./catalog.service";
import { runBatch, type Statement } from "./catalog-batch";
import { categoryIdBySlug, dbErrorKind } from "./catalog-writes";
import type { ProductStatus, VariantStatus } from "./products.schemas";
import { managesProduct } from "./products.service";

/** The checks product writes share: ownership, SKU uniqueness, variant-set rules, the commit. */

/** A 400 validation_failed with these field errors. */
export function invalid(errors: FieldError[]): AppError {
  return new AppError("validation_failed", "Some fields are missing or invalid.", { errors });
}

/** The seller of a new product: the caller, unless an admin names another seller. */
export function sellerFor(caller: Caller, requested: string | undefined): string {
  if (requested === undefined || requested === caller.userId) return caller.userId;
  if (caller.role !== "admin")
    throw new AppError("forbidden", "Only an admin can choose a product's seller.");
  return requested;
}

/** Which product each of `skus` belongs to now (SKUs are unique across the whole catalog). */
export async function productsOfSkus(db: CatalogDb, skus: string[]): Promise<Map<string, string>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .select({ sku: productVariants.sku, productId: productVariants.productId })
    .from(productVariants)
    .where(inArray(productVariants.sku, skus));
  return new Map(rows.map((r) => [r.sku, r.productId]));
}

/** 409 for SKUs that another product (or this request) already uses, naming each field. */
export function skuConflict(taken: { index: number; sku: string }[]): AppError {
  const list = taken.map((t) => t.sku).join(", ");
  return new AppError("conflict", `These SKUs already exist in the catalog: ${list}.`, {
    errors: taken.map((t) => ({ path: `variants.${t.index}.sku`, message: `SKU ${t.sku} already exists.` })),
  });
}

export interface VariantState {
  path: string;
  status: VariantStatus;
  currency: string;
}

/**
 * Rules over a product's whole variant set: one currency for all variants (the shown price
 * compares their amounts), and an active product needs an active variant (it has no price
 * otherwise).
 */
export function checkVariantSet(status: ProductStatus, variants: VariantState[]): void {
  const errors: FieldError[] = [];
  const currency = variants[0]?.currency;
  for (const v of variants) {
    if (v.currency !== currency) {
      errors.push({
        path: `${v.path}.price.currency`,
        message: `All variants of a product use one currency (${currency}).`,
      });
    }
  }
  if (status === "active" && !variants.some((v) => v.status === "active")) {
    errors.push({ path: "status", message: "An active product needs at least one active variant." });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** Runs a write batch; a unique or foreign key failure (a concurrent write won) becomes a 409. */
export async function commit(db: CatalogDb, statements: Statement[]): Promise<void> {
  try {
    await runBatch(db, statements);
  } catch (error) {
    const kind = dbErrorKind(error);
    if (kind === "unique") {
      throw new AppError("conflict", "The slug or a SKU was taken by another write just now. Try again.");
    }
    if (kind === "foreign_key") {
      throw new AppError("conflict", "The category was removed by another write just now. Try again.");
    }
    throw error;
  }
}

/** The id of the category with this slug; 400 on `category` when there is none. */
export async function categoryOrFail(db: CatalogDb, slug: string): Promise<string> {
  const id = await categoryIdBySlug(db, slug);
  if (!id) throw invalid([{ path: "category", message: `No category with slug ${slug}.` }]);
  return id;
}

export interface ManagedProduct {
  id: string;
  slug: string;
  status: ProductStatus;
  sellerId: string;
}

/** The product if `caller` manages it; another seller's product is a 404, as if it did not exist. */
export async function managedProduct(db: CatalogDb, caller: Caller, id: string): Promise<ManagedProduct> {
  const [row] = await db
    .select({ id: products.id, slug: products.slug, status: products.status, sellerId: products.sellerId })
    .from(products)
    .where(eq(products.id, id));
  if (!row || !managesProduct(caller, row.sellerId)) {
    throw new AppError("not_found", `No product with id ${id}.`);
  }
  return row;
}
