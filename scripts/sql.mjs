/** A SQL literal for seed scripts (numbers as is, NULL, strings quoted with '' escaping). */
export function quote(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replaceAll("'", "''")}'`;
}
