import type { SQLWrapper } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { CatalogDb } from "./catalog.service";

/**
 * D1 batches built from drizzle statements. drizzle 0.45's `db.batch` cannot batch a raw
 * `db.run(sql...)` / `db.all(sql...)` that has parameters (it reads a prepared statement those
 * do not have), and `bumpCacheVersion` is such a statement; so every statement, query builder or
 * raw, is turned into SQL and prepared on the D1 client here. A D1 batch is one transaction.
 */

/** One statement of a batch: a drizzle query builder (insert, update, ...) or `sql` / `db.run(sql)`. */
export type Statement = SQLWrapper;

const dialect = new SQLiteAsyncDialect();

function prepare(d1: D1Database, statement: Statement): D1PreparedStatement {
  const { sql, params } = dialect.sqlToQuery(statement.getSQL());
  return d1.prepare(sql).bind(...params);
}

/** Runs `statements` as one D1 batch: all of them apply or none does. */
export async function runBatch(db: CatalogDb, statements: readonly Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await db.$client.batch(statements.map((s) => prepare(db.$client, s)));
}

/**
 * Runs reads in one D1 round trip (and one transaction, so they see the same data) and returns
 * each one's rows, in order, as D1 gives them: objects keyed by the selected column names.
 */
export async function readBatch<R extends readonly unknown[]>(
  db: CatalogDb,
  queries: { readonly [K in keyof R]: Statement },
): Promise<{ -readonly [K in keyof R]: R[K][] }> {
  if (queries.length === 0) return [] as unknown as { -readonly [K in keyof R]: R[K][] };
  const results = await db.$client.batch(queries.map((q) => prepare(db.$client, q)));
  return results.map((r) => r.results) as { -readonly [K in keyof R]: R[K][] };
}
