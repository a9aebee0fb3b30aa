import { sql } from "drizzle-orm";
import type { Caller } from "../shared/caller";
import { type FieldError, fieldErrors } from "../shared/errors";
import { log } from "../shared/log";
import { bumpCacheVersion } from "./cache-version";
import type { CatalogDb } from "./catalog.service";
import { runBatch } from "./catalog-batch";
import { dbErrorKind } from "./catalog-writes";
import { type ImportInputRow, type ImportRow, importRowSchema } from "./import-rows";
import { importStatements, type PlannedRow } from "./import-statements";
import { chunkRows, writeIsolatingFailures } from "./import-writer";
import { announceProductChanges } from "./product-events";
import type { ProductStatus } from "./products.schemas";
import { slugify } from "./slug";

/**
 * Bulk import (admin): upsert by SKU. Every row is validated in JS against one read of the
 * catalog, then valid rows are written in chunked batches, each row all-or-nothing. One cache
 * bump and one round of search-index messages per import.
 */

export interface ImportDeps {
  db: CatalogDb;
  searchIndex: Queue;
  requestId?: string;
  now?: () => number;
}

/** A row that was not imported, with its field errors. */
export interface ImportRowError {
  row: number;
  line?: number;
  sku: string | null;
  errors: FieldError[];
}

export interface ImportReport {
  imported: number;
  created: number;
  updated: number;
  failed: number;
  errors: ImportRowError[];
}

/** Rows per D1 batch: few round trips, each batch a handful of statements. */
const ROWS_PER_BATCH = 250;
/** JSON per batch statement, far below D1's 1 MB per value even with long descriptions. */
const MAX_BATCH_WEIGHT = 400_000;

interface ProductState {
  id: string;
  status: ProductStatus;
  currency: string | null;
  variants: number;
}

/** What the import reads before planning: categories, and the SKUs and products it names. */
interface Catalog {
  categoryIds: Map<string, string>;
  skuProducts: Map<string, string>;
  products: Map<string, ProductState>;
}

/** Three reads, one round trip each; the keys go as one JSON parameter, whatever their number. */
async function readCatalog(db: CatalogDb, rows: ImportRow[]): Promise<Catalog> {
  const skus = JSON.stringify([...new Set(rows.map((r) => r.sku))]);
  const slugs = JSON.stringify([...new Set(rows.map((r) => r.productSlug))]);
  const [categories, variants, existing] = await Promise.all([
    db.all<{ id: string; slug: string }>(sql`SELECT id, slug FROM categories`),
    db.all<{ sku: string; slug: string }>(sql`SELECT v.sku AS sku, p.slug AS slug FROM product_variants v
        JOIN products p ON p.id = v.product_id WHERE v.sku IN (SELECT value FROM json_each(${skus}))`),
    db.all<ProductState & { slug: string }>(sql`SELECT p.id, p.slug, p.status, p.currency,
          (SELECT COUNT(*) FROM product_variants v WHERE v.product_id = p.id) AS variants
        FROM products p WHERE p.slug IN (SELECT value FROM json_each(${slugs}))`),
  ]);
  return {
    categoryIds: new Map(categories.map((c) => [c.slug, c.id])),
    skuProducts: new Map(variants.map((v) => [v.sku, v.slug])),
    products: new Map(existing.map(({ slug, ...state }) => [slug, state])),
  };
}

/** The checks that need the catalog (and the rows before this one). */
function rowErrors(data: ImportRow, catalog: Catalog, seenSkus: Map<string, number>): FieldError[] {
  const errors: FieldError[] = [];
  const earlier = seenSkus.get(data.sku);
  if (earlier !== undefined) {
    errors.push({ path: "sku", message: `SKU ${data.sku} is also in row ${earlier}; list a SKU once.` });
  }
  const owner = catalog.skuProducts.get(data.sku);
  if (owner !== undefined && owner !== data.productSlug) {
    errors.push({
      path: "productSlug",
      message: `SKU ${data.sku} belongs to product ${owner}; a SKU cannot move to another product.`,
    });
  }
  if (owner === undefined && data.price === undefined) {
    errors.push({ path: "price", message: "A new SKU needs a price (minor units, e.g. 1999)." });
  }
  const product = catalog.products.get(data.productSlug);
  if (!product && !data.name) errors.push({ path: "name", message: "A new product needs a name." });
  if (!product && !data.category)
    errors.push({ path: "category", message: "A new product needs a category." });
  if (data.category && !catalog.categoryIds.has(data.category)) {
    errors.push({ path: "category", message: `No category with slug ${data.category}.` });
  }
  const others = (product?.variants ?? 0) - (owner === undefined ? 0 : 1);
  if (data.currency && product?.currency && others > 0 && data.currency !== product.currency) {
    errors.push({
      path: "currency",
      message: `Product ${data.productSlug} is priced in ${product.currency}; all its variants use one currency.`,
    });
  }
  return errors;
}

/** A valid row as the data its statements need; updates `catalog` as if the row were written. */
function plan(data: ImportRow, item: ImportInputRow, catalog: Catalog, sellerId: string): PlannedRow {
  const createsVariant = !catalog.skuProducts.has(data.sku);
  const known = catalog.products.get(data.productSlug);
  const product: ProductState = known ?? {
    id: crypto.randomUUID(),
    status: "active",
    currency: null,
    variants: 0,
  };
  const currency = data.currency ?? product.currency ?? "USD";
  const categoryId = data.category ? catalog.categoryIds.get(data.category) : undefined;
  const brand = data.brand ? slugify(data.brand) : undefined;
  const featured = data.featured === undefined ? undefined : data.featured ? 1 : 0;
  // Later rows see this row's product as existing: it is written before them.
  product.status = data.status ?? product.status;
  product.currency = currency;
  if (createsVariant) product.variants++;
  catalog.products.set(data.productSlug, product);
  return {
    row: item.row,
    line: item.line,
    sku: data.sku,
    slug: data.productSlug,
    create:
      data.name && categoryId
        ? {
            id: product.id,
            name: data.name,
            description: data.description ?? "",
            brand,
            categoryId,
            status: product.status,
            featured: featured ?? 0,
            sellerId: data.sellerId ?? sellerId,
            attributes: data.attributes ?? {},
            currency,
          }
        : undefined,
    product: {
      name: data.name,
      description: data.description,
      brand,
      brandName: data.brand,
      categoryId,
      status: data.status,
      featured,
      sellerId: data.sellerId,
      attributes: data.attributes,
    },
    createsVariant,
    variant: {
      options: data.options,
      price: data.price,
      currency: createsVariant ? currency : data.currency,
      status: data.variantStatus,
    },
    change: { id: product.id, status: product.status },
    weight: (data.description?.length ?? 0) + 400,
  };
}

/** Why a valid row still failed to write (a concurrent change, or its product's row failed). */
function writeError(error: unknown, requestId: string | undefined): FieldError {
  switch (dbErrorKind(error)) {
    case "not_null":
      return { path: "productSlug", message: "The product does not exist: the row that creates it failed." };
    case "unique":
      return { path: "sku", message: "This SKU or product slug was created by another write meanwhile." };
    case "foreign_key":
      return { path: "category", message: "The category was removed meanwhile." };
    default:
      log("error", "import row failed to write", { requestId, error: String(error) });
      return { path: "(row)", message: "This row could not be written; try it again." };
  }
}

/** Imports `input` rows (see import-rows.ts) on behalf of `caller` (an admin). */
export async function importProducts(
  deps: ImportDeps,
  caller: Caller,
  input: readonly ImportInputRow[],
): Promise<ImportReport> {
  const { db } = deps;
  const now = deps.now?.() ?? Date.now();
  const errors: ImportRowError[] = [];
  const valid: { item: ImportInputRow; data: ImportRow }[] = [];
  for (const item of input) {
    const parsed = item.problem ? null : importRowSchema.safeParse(item.fields);
    if (parsed?.success) {
      valid.push({ item, data: parsed.data });
      continue;
    }
    const sku = typeof item.fields.sku === "string" ? item.fields.sku.trim().toUpperCase() : null;
    const problems = parsed ? fieldErrors(parsed.error.issues) : [item.problem!];
    errors.push({ row: item.row, line: item.line, sku, errors: problems });
  }

  const catalog = await readCatalog(
    db,
    valid.map((v) => v.data),
  );
  const seenSkus = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const { item, data } of valid) {
    const problems = rowErrors(data, catalog, seenSkus);
    if (problems.length > 0) {
      errors.push({ row: item.row, line: item.line, sku: data.sku, errors: problems });
      continue;
    }
    seenSkus.set(data.sku, item.row);
    planned.push(plan(data, item, catalog, caller.userId));
  }

  const failures = await writeIsolatingFailures(
    chunkRows(planned, ROWS_PER_BATCH, MAX_BATCH_WEIGHT, (r) => r.weight),
    (rows) => runBatch(db, importStatements(rows, now)),
  );
  for (const { row, error } of failures) {
    errors.push({ row: row.row, line: row.line, sku: row.sku, errors: [writeError(error, deps.requestId)] });
  }
  const failed = new Set(failures.map((f) => f.row));
  const written = planned.filter((p) => !failed.has(p));
  if (written.length > 0) {
    // After the last chunk, so a read cached mid-import is replaced once the import is complete.
    await runBatch(db, [bumpCacheVersion(db)]);
    // A product's last row decides its status.
    const latest = new Map(written.map((p) => [p.change.id, p.change]));
    await announceProductChanges(deps.searchIndex, [...latest.values()], { requestId: deps.requestId, now });
  }
  const created = written.filter((p) => p.createsVariant).length;
  errors.sort((a, b) => a.row - b.row);
  return {
    imported: written.length,
    created,
    updated: written.length - created,
    failed: errors.length,
    errors,
  };
}
