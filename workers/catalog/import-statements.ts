import { type SQL, sql } from "drizzle-orm";
import type { Statement } from "./catalog-batch";
import { recomputeMinPrice } from "./catalog-writes";
import type { ProductChange } from "./product-events";
import type { ProductStatus, VariantStatus } from "./products.schemas";

/**
 * The SQL of an import chunk. Rows go to D1 as one JSON parameter per statement, read with
 * `json_each`: a chunk of hundreds of rows is about six statements instead of three per row
 * (statement count, not row count, is what costs in a D1 batch), and no statement nears D1's
 * 100 bound parameters. Fields a row leaves out are absent from its JSON, so `COALESCE` keeps
 * the stored value.
 */

/** Product fields a row sets (absent = unchanged). */
export interface ProductFields {
  name?: string;
  description?: string;
  /** Brand slug; the brand itself is created from `brandName` when new. */
  brand?: string;
  brandName?: string;
  categoryId?: string;
  status?: ProductStatus;
  featured?: 0 | 1;
  sellerId?: string;
  attributes?: Record<string, string>;
}

/** A row that passed validation, ready to write. */
export interface PlannedRow {
  row: number;
  line?: number;
  sku: string;
  slug: string;
  /** What the product becomes if this row creates it (the row has a name and a category). */
  create?: Required<Omit<ProductFields, "brand" | "brandName">> & {
    id: string;
    brand?: string;
    currency: string;
  };
  product: ProductFields;
  /** Whether the SKU is new (created) or known (updated). */
  createsVariant: boolean;
  variant: { options?: Record<string, string>; price?: number; currency?: string; status?: VariantStatus };
  /** The search-index change this row makes. */
  change: ProductChange;
  /** Rough JSON size, so a chunk stays far below D1's 1 MB per value. */
  weight: number;
}

const json = (value: unknown) => JSON.stringify(value);
const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);

function brandsSql(rows: readonly PlannedRow[], now: number): SQL | null {
  const brands = new Map<string, string>();
  for (const r of rows) {
    if (r.product.brand && r.product.brandName && !brands.has(r.product.brand)) {
      brands.set(r.product.brand, r.product.brandName);
    }
  }
  if (brands.size === 0) return null;
  const list = [...brands].map(([slug, name]) => ({ id: crypto.randomUUID(), slug, name }));
  return sql`INSERT INTO brands (id, slug, name, created_at)
    SELECT ${field("id")}, ${field("slug")}, ${field("name")}, ${now} FROM json_each(${json(list)}) WHERE true
    ON CONFLICT (slug) DO NOTHING`;
}

function createProductsSql(rows: readonly PlannedRow[], now: number): SQL | null {
  const creates = new Map<string, NonNullable<PlannedRow["create"]> & { slug: string }>();
  for (const r of rows)
    if (r.create && !creates.has(r.slug)) creates.set(r.slug, { ...r.create, slug: r.slug });
  if (creates.size === 0) return null;
  // DO NOTHING on a known slug: the UPDATE that follows applies the row's fields either way.
  return sql`INSERT INTO products (id, slug, name, description, brand_id, category_id, status, featured,
      seller_id, attributes, currency, created_at, updated_at)
    SELECT ${field("id")}, ${field("slug")}, ${field("name")}, ${field("description")},
      (SELECT b.id FROM brands b WHERE b.slug = ${field("brand")}), ${field("categoryId")}, ${field("status")},
      ${field("featured")}, ${field("sellerId")}, ${field("attributes")}, ${field("currency")}, ${now}, ${now}
    FROM json_each(${json([...creates.values()])}) WHERE true
    ON CONFLICT (slug) DO NOTHING`;
}

function updateProductsSql(rows: readonly PlannedRow[], now: number): SQL {
  // One entry per product, later rows overriding earlier ones (an UPDATE ... FROM with several
  // source rows per target would apply an arbitrary one).
  const merged = new Map<string, ProductFields & { slug: string }>();
  for (const r of rows) {
    const current = merged.get(r.slug) ?? { slug: r.slug };
    for (const [key, value] of Object.entries(r.product)) {
      if (value !== undefined) Object.assign(current, { [key]: value });
    }
    merged.set(r.slug, current);
  }
  return sql`UPDATE products SET
      name = COALESCE(u.name, products.name),
      description = COALESCE(u.description, products.description),
      brand_id = COALESCE((SELECT b.id FROM brands b WHERE b.slug = u.brand), products.brand_id),
      category_id = COALESCE(u.category_id, products.category_id),
      status = COALESCE(u.status, products.status),
      featured = COALESCE(u.featured, products.featured),
      seller_id = COALESCE(u.seller_id, products.seller_id),
      attributes = COALESCE(u.attributes, products.attributes),
      updated_at = ${now}
    FROM (SELECT ${field("slug")} AS slug, ${field("name")} AS name, ${field("description")} AS description,
        ${field("brand")} AS brand, ${field("categoryId")} AS category_id, ${field("status")} AS status,
        ${field("featured")} AS featured, ${field("sellerId")} AS seller_id, ${field("attributes")} AS attributes
      FROM json_each(${json([...merged.values()])})) AS u
    WHERE products.slug = u.slug`;
}

function insertVariantsSql(rows: readonly PlannedRow[], now: number): SQL | null {
  const nth = new Map<string, number>();
  const list = rows
    .filter((r) => r.createsVariant)
    .map((r) => {
      const n = nth.get(r.slug) ?? 0;
      nth.set(r.slug, n + 1);
      return {
        sku: r.sku,
        slug: r.slug,
        nth: n,
        options: r.variant.options ?? {},
        price: r.variant.price,
        currency: r.variant.currency,
        status: r.variant.status ?? "active",
      };
    });
  if (list.length === 0) return null;
  // A missing product (its creating row failed) leaves product_id NULL: the NOT NULL constraint
  // then fails the batch, and the chunk writer isolates the row.
  return sql`INSERT INTO product_variants (sku, product_id, options, price_amount, currency, status, position,
      created_at, updated_at)
    SELECT ${field("sku")}, p.id, ${field("options")}, ${field("price")}, ${field("currency")}, ${field("status")},
      COALESCE((SELECT MAX(v.position) + 1 FROM product_variants v WHERE v.product_id = p.id), 0) + ${field("nth")},
      ${now}, ${now}
    FROM json_each(${json(list)}) LEFT JOIN products p ON p.slug = ${field("slug")}`;
}

function updateVariantsSql(rows: readonly PlannedRow[], now: number): SQL | null {
  const list = rows.filter((r) => !r.createsVariant).map((r) => ({ sku: r.sku, ...r.variant }));
  if (list.length === 0) return null;
  return sql`UPDATE product_variants SET
      options = COALESCE(u.options, product_variants.options),
      price_amount = COALESCE(u.price, product_variants.price_amount),
      currency = COALESCE(u.currency, product_variants.currency),
      status = COALESCE(u.status, product_variants.status),
      updated_at = ${now}
    FROM (SELECT ${field("sku")} AS sku, ${field("options")} AS options, ${field("price")} AS price,
        ${field("currency")} AS currency, ${field("status")} AS status
      FROM json_each(${json(list)})) AS u
    WHERE product_variants.sku = u.sku`;
}

/**
 * The statements that write `rows` (in order) as one batch: brands, new products, product
 * fields, new variants, changed variants, then the `min_price` projection of every product
 * touched.
 */
export function importStatements(rows: readonly PlannedRow[], now: number): Statement[] {
  const slugs = [...new Set(rows.map((r) => r.slug))];
  return [
    brandsSql(rows, now),
    createProductsSql(rows, now),
    updateProductsSql(rows, now),
    insertVariantsSql(rows, now),
    updateVariantsSql(rows, now),
    recomputeMinPrice(sql`slug IN (SELECT value FROM json_each(${json(slugs)}))`),
  ].filter((s): s is SQL => s !== null);
}
