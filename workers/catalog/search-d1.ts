import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { CatalogDb } from "./catalog.service";

const dialect = new SQLiteAsyncDialect();

/**
 * Runs several raw SELECTs in one D1 round trip and returns each one's rows, in order.
 *
 * Search builds its SQL with drizzle's `sql` template (bound parameters, shared filter
 * fragments), but drizzle 0.45's `db.batch` cannot batch raw `db.all(sql)` queries that have
 * parameters (it reads a prepared statement they do not have), so the statements are prepared on
 * the D1 client directly. A D1 batch is also one transaction: the page and the facets it sends
 * see the same index.
 */
export async function batchRows<R extends readonly unknown[]>(
  db: CatalogDb,
  queries: { readonly [K in keyof R]: SQL },
): Promise<{ -readonly [K in keyof R]: R[K][] }> {
  const d1 = db.$client;
  const statements = queries.map((query) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return d1.prepare(sql).bind(...params);
  });
  const results = await d1.batch(statements);
  return results.map((r) => r.results) as { -readonly [K in keyof R]: R[K][] };
}
