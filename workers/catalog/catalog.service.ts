import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/catalog/schema";
import type { Category, CategoryRow } from "./catalog.schemas";

/** The catalog database through drizzle, with the schema for typed queries. */
export function catalogDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type CatalogDb = ReturnType<typeof catalogDb>;

function bySiblingOrder(a: CategoryRow, b: CategoryRow): number {
  return a.position - b.position || a.name.localeCompare(b.name);
}

/**
 * Nests flat category rows into the tree the API returns, siblings ordered by position, then
 * name. A row whose parent is missing from `rows` becomes a root rather than vanishing; rows
 * caught in a parent cycle are unreachable from any root and are left out.
 */
export function buildCategoryTree(rows: readonly CategoryRow[]): Category[] {
  const sorted = [...rows].sort(bySiblingOrder);
  const nodes = new Map<string, Category>(
    sorted.map((row) => [
      row.id,
      { id: row.id, slug: row.slug, name: row.name, parentId: row.parentId, children: [] },
    ]),
  );
  const roots: Category[] = [];
  for (const row of sorted) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The whole category tree. One query: the tree is small and is cached at the edge. */
export async function listCategories({ db }: { db: CatalogDb }): Promise<Category[]> {
  const rows = await db
    .select({
      id: schema.categories.id,
      slug: schema.categories.slug,
      name: schema.categories.name,
      parentId: schema.categories.parentId,
      position: schema.categories.position,
    })
    .from(schema.categories);
  return buildCategoryTree(rows);
}

/** Deepest category path followed; a guard against a parent cycle in corrupted data. */
const MAX_CATEGORY_DEPTH = 64;

/**
 * A query for the breadcrumb of the category whose id `categoryId` gives (an SQL expression, e.g.
 * a subquery): `id, slug, name` of each category from the root down to that one.
 */
export function breadcrumbSql(categoryId: SQL): SQL {
  return sql`WITH RECURSIVE crumbs(id, slug, name, parent_id, depth) AS (
      SELECT id, slug, name, parent_id, 0 FROM categories WHERE id = ${categoryId}
      UNION ALL
      SELECT c.id, c.slug, c.name, c.parent_id, crumbs.depth + 1
      FROM categories c JOIN crumbs ON c.id = crumbs.parent_id
      WHERE crumbs.depth < ${MAX_CATEGORY_DEPTH}
    ) SELECT id, slug, name FROM crumbs ORDER BY depth DESC`;
}
