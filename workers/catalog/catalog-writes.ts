import { type SQL, sql } from "drizzle-orm";
import { brands, type categories, type products } from "../../db/catalog/schema";
import type { CatalogDb } from "./catalog.service";
import type { Statement } from "./catalog-batch";
import { firstFreeSlug, slugify } from "./slug";

/**
 * Building blocks shared by product, category and import writes: D1 error kinds, unique slugs,
 * brands created on first use, and the `min_price` projection.
 */

export type DbErrorKind = "unique" | "foreign_key" | "not_null" | "check";

/**
 * Which constraint a D1 error broke, or null for anything else. drizzle wraps D1 errors and keeps
 * the original as `cause`, so the whole chain is searched.
 */
export function dbErrorKind(error: unknown): DbErrorKind | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const text = String(e);
    if (text.includes("UNIQUE constraint failed")) return "unique";
    if (text.includes("FOREIGN KEY constraint failed")) return "foreign_key";
    if (text.includes("NOT NULL constraint failed")) return "not_null";
    if (text.includes("CHECK constraint failed")) return "check";
  }
  return null;
}

/**
 * Slugs of `table` equal to `base` or starting with `base-`. A range on the unique slug index
 * rather than LIKE: D1 caps LIKE patterns at 50 bytes and slugs run to 100 ('.' sorts right
 * after '-', so `< 'base.'` ends the range).
 */
async function slugsStartingWith(
  db: CatalogDb,
  table: typeof products | typeof categories,
  base: string,
): Promise<Set<string>> {
  const rows = await db.all<{ slug: string }>(
    sql`SELECT slug FROM ${table} WHERE slug = ${base} OR (slug > ${`${base}-`} AND slug < ${`${base}.`})`,
  );
  return new Set(rows.map((r) => r.slug));
}

/**
 * A free slug for a new row of `table` named `name`: its slug, or with the first free `-N`.
 * A concurrent insert can still take it first; the unique index then answers 409.
 */
export async function uniqueSlugFor(
  db: CatalogDb,
  table: typeof products | typeof categories,
  name: string,
  fallback: string,
): Promise<string> {
  const base = slugify(name) || fallback;
  return firstFreeSlug(base, await slugsStartingWith(db, table, base));
}

/** Whether a row of `table` already has this slug. */
export async function slugTaken(
  db: CatalogDb,
  table: typeof products | typeof categories,
  slug: string,
): Promise<boolean> {
  const row = await db.get<{ found: number } | undefined>(
    sql`SELECT 1 AS found FROM ${table} WHERE slug = ${slug}`,
  );
  return row !== undefined;
}

/**
 * A brand by name or slug as a statement that creates it on first use (a no-op when it exists)
 * and the SQL expression of its id, to use in the same batch. No read first: the batch stays
 * correct even when two writers name a new brand at once.
 */
export function brandByName(db: CatalogDb, name: string, now: number): { create: Statement; id: SQL } {
  const slug = slugify(name);
  return {
    create: db
      .insert(brands)
      .values({ id: crypto.randomUUID(), slug, name: name.trim(), createdAt: now })
      .onConflictDoNothing({ target: brands.slug }),
    id: sql`(SELECT id FROM brands WHERE slug = ${slug})`,
  };
}

/**
 * Recomputes the `min_price` projection (the shown price: lowest active variant price) and the
 * product's currency from its variants, for the products `where` selects (a condition on
 * `products`). Runs in SQL, after the variant writes of the same batch, so the projection can
 * never disagree with the variants it was computed from.
 */
export function recomputeMinPrice(where: SQL): Statement {
  return sql`UPDATE products SET
      min_price = (SELECT MIN(v.price_amount) FROM product_variants v
        WHERE v.product_id = products.id AND v.status = 'active'),
      currency = COALESCE((SELECT v.currency FROM product_variants v
        WHERE v.product_id = products.id AND v.status = 'active'
        ORDER BY v.price_amount, v.position LIMIT 1), currency)
    WHERE ${where}`;
}

/** The category id for a slug, or null when there is none. */
export async function categoryIdBySlug(db: CatalogDb, slug: string): Promise<string | null> {
  const row = await db.get<{ id: string } | undefined>(sql`SELECT id FROM categories WHERE slug = ${slug}`);
  return row?.id ?? null;
}

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
