/**
 * Splits `rows` into chunks of at most `maxRows` rows and `maxWeight` total weight (a row
 * heavier than that gets a chunk of its own), keeping their order.
 */
export function chunkRows<Row>(
  rows: readonly Row[],
  maxRows: number,
  maxWeight: number,
  weightOf: (row: Row) => number,
): Row[][] {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  let weight = 0;
  for (const row of rows) {
    const w = weightOf(row);
    if (current.length > 0 && (current.length >= maxRows || weight + w > maxWeight)) {
      chunks.push(current);
      current = [];
      weight = 0;
    }
    current.push(row);
    weight += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Writes each chunk of rows as one D1 batch (a transaction). When a chunk fails, it is split in
 * halves and each half retried, down to single rows: the rows that fail alone are the bad ones,
 * every other row still lands, and a failed row leaves nothing behind (its batch rolled back).
 * Halving rather than retrying row by row keeps a bad row to ~2·log2(chunk) batches, well inside
 * a Worker's subrequest budget. Rows keep their order, so a row that depends on an earlier one
 * (its product) is written after it.
 */
export async function writeIsolatingFailures<Row>(
  chunks: readonly (readonly Row[])[],
  write: (rows: readonly Row[]) => Promise<void>,
): Promise<{ row: Row; error: unknown }[]> {
  const failures: { row: Row; error: unknown }[] = [];
  async function attempt(group: readonly Row[]): Promise<void> {
    try {
      await write(group);
    } catch (error) {
      if (group.length === 1) {
        failures.push({ row: group[0]!, error });
        return;
      }
      const half = Math.ceil(group.length / 2);
      await attempt(group.slice(0, half));
      await attempt(group.slice(half));
    }
  }
  for (const group of chunks) await attempt(group);
  return failures;
}
