import { eq, sql } from "drizzle-orm";
import { categories } from "../../db/catalog/schema";
import { AppError } from "../shared/errors";
import { bumpCacheVersion } from "./cache-version";
import type { CategoryRow } from "./catalog.schemas";
import { breadcrumbSql, buildCategoryTree, type CatalogDb } from "./catalog.service";
import { readBatch, runBatch, type Statement } from "./catalog-batch";
import { dbErrorKind, slugTaken, uniqueSlugFor } from "./catalog-writes";
import type { CategoryCreateInput, CategoryDetail, CategoryUpdateInput } from "./categories.schemas";
import type { CategoryCrumb } from "./products.schemas";

/** Category pages and the admin's category writes; every write bumps the cache version. */

/** Deepest path walked when looking for a cycle (the tree is far shallower). */
const MAX_DEPTH = 64;

function notFound(what: string): AppError {
  return new AppError("not_found", `No category with ${what}.`);
}

function invalid(path: string, message: string): AppError {
  return new AppError("validation_failed", "Some fields are missing or invalid.", {
    errors: [{ path, message }],
  });
}

/**
 * A category with its breadcrumb and the subtree below it, by id or slug: one batch of three
 * queries (the row, its descendants, its ancestors).
 */
export async function getCategoryDetail(
  { db }: { db: CatalogDb },
  key: { id: string } | { slug: string },
): Promise<CategoryDetail> {
  const match = "id" in key ? sql`id = ${key.id}` : sql`slug = ${key.slug}`;
  const self = sql`(SELECT id FROM categories WHERE ${match})`;
  const [rows, descendants, breadcrumb] = await readBatch<[CategoryRow, CategoryRow, CategoryCrumb]>(db, [
    sql`SELECT id, slug, name, parent_id AS parentId, position FROM categories WHERE ${match}`,
    sql`WITH RECURSIVE below(id, depth) AS (
        SELECT id, 0 FROM categories WHERE parent_id = ${self}
        UNION ALL
        SELECT c.id, below.depth + 1 FROM categories c JOIN below ON c.parent_id = below.id
        WHERE below.depth < ${MAX_DEPTH}
      ) SELECT c.id, c.slug, c.name, c.parent_id AS parentId, c.position
        FROM categories c JOIN below ON c.id = below.id`,
    breadcrumbSql(self),
  ]);
  const row = rows[0];
  if (!row) throw notFound("id" in key ? `id ${key.id}` : `slug ${key.slug}`);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    parentId: row.parentId,
    position: row.position,
    breadcrumb: breadcrumb.map(({ id, slug, name }) => ({ id, slug, name })),
    // Direct children's parent is not among the rows, so they become the roots of this subtree.
    children: buildCategoryTree(descendants),
  };
}

/** Ids of `categoryId` and all its ancestors (empty when it does not exist). */
async function selfAndAncestors(db: CatalogDb, categoryId: string): Promise<Set<string>> {
  const rows = await db.all<{ id: string }>(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM categories WHERE id = ${categoryId}
      UNION ALL
      SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id
      WHERE up.depth < ${MAX_DEPTH}
    ) SELECT id FROM up`);
  return new Set(rows.map((r) => r.id));
}

const PARENT_GONE = "The parent category changed or was removed meanwhile. Try again.";

/** Runs a category write with the cache bump; a constraint that a concurrent write broke is a 409. */
async function commit(
  db: CatalogDb,
  statements: Statement[],
  foreignKeyMessage = PARENT_GONE,
): Promise<void> {
  try {
    await runBatch(db, [...statements, bumpCacheVersion(db)]);
  } catch (error) {
    const kind = dbErrorKind(error);
    if (kind === "unique") throw new AppError("conflict", "This slug was taken by another write just now.");
    if (kind === "foreign_key") throw new AppError("conflict", foreignKeyMessage);
    throw error;
  }
}

async function refuseTakenSlug(db: CatalogDb, slug: string): Promise<void> {
  if (await slugTaken(db, categories, slug)) {
    throw new AppError("conflict", `A category with slug ${slug} already exists.`, {
      errors: [{ path: "slug", message: "This slug is taken." }],
    });
  }
}

/** Creates a category (a root, or below `parentId`); returns its id. */
export async function createCategory(
  { db, now = Date.now }: { db: CatalogDb; now?: () => number },
  input: CategoryCreateInput,
): Promise<string> {
  const parentId = input.parentId ?? null;
  if (parentId !== null && (await selfAndAncestors(db, parentId)).size === 0) {
    throw invalid("parentId", `No category with id ${parentId}.`);
  }
  if (input.slug) await refuseTakenSlug(db, input.slug);
  const slug = input.slug ?? (await uniqueSlugFor(db, categories, input.name, "category"));
  const id = crypto.randomUUID();
  const position =
    input.position ??
    sql`(SELECT COALESCE(MAX(position) + 1, 0) FROM categories WHERE parent_id IS ${parentId})`;
  await commit(db, [
    db.insert(categories).values({ id, slug, name: input.name, parentId, position, createdAt: now() }),
  ]);
  return id;
}

/** Renames, re-slugs, moves or reorders a category; a move below itself or a descendant is refused. */
export async function updateCategory(
  { db }: { db: CatalogDb },
  id: string,
  input: CategoryUpdateInput,
): Promise<void> {
  const [current] = await db.select().from(categories).where(eq(categories.id, id));
  if (!current) throw notFound(`id ${id}`);
  if (input.slug !== undefined && input.slug !== current.slug) await refuseTakenSlug(db, input.slug);
  if (input.parentId) {
    const above = await selfAndAncestors(db, input.parentId);
    if (above.size === 0) throw invalid("parentId", `No category with id ${input.parentId}.`);
    if (above.has(id)) {
      throw invalid("parentId", "A category cannot move below itself or one of its subcategories.");
    }
  }
  await commit(db, [
    db
      .update(categories)
      .set({ name: input.name, slug: input.slug, parentId: input.parentId, position: input.position })
      .where(eq(categories.id, id)),
  ]);
}

/**
 * Deletes an empty category. One that still has products (of any status: archived products are
 * still referenced by past orders) or subcategories is refused with 409 and the counts.
 */
export async function deleteCategory({ db }: { db: CatalogDb }, id: string): Promise<void> {
  const usage = await db.get<{ found: number; products: number; children: number } | undefined>(
    sql`SELECT 1 AS found,
          (SELECT COUNT(*) FROM products WHERE category_id = ${id}) AS products,
          (SELECT COUNT(*) FROM categories WHERE parent_id = ${id}) AS children
        FROM categories WHERE id = ${id}`,
  );
  if (!usage) throw notFound(`id ${id}`);
  if (usage.products > 0 || usage.children > 0) {
    const parts = [
      usage.products > 0 ? `${usage.products} product(s), archived and drafts included` : null,
      usage.children > 0 ? `${usage.children} subcategory(ies)` : null,
    ].filter(Boolean);
    throw new AppError(
      "conflict",
      `This category still has ${parts.join(" and ")}. Move or delete them first.`,
      { extensions: { products: usage.products, children: usage.children } },
    );
  }
  await commit(
    db,
    [db.delete(categories).where(eq(categories.id, id))],
    "A product or subcategory was added to this category meanwhile; it is no longer empty.",
  );
}
