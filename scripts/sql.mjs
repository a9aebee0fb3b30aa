/** A SQL literal for seed scripts (numbers as is, NULL, strings quoted with '' escaping). */
export function quote(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Multi-row INSERT OR IGNORE statements of at most `size` rows each. */
export function inserts(table, columns, rows, size) {
  const statements = [];
  for (let i = 0; i < rows.length; i += size) {
    const values = rows
      .slice(i, i + size)
      .map((row) => `(${row.map(quote).join(", ")})`)
      .join(",\n");
    statements.push(`INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES\n${values};`);
  }
  return statements;
}
