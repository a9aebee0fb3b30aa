import { sql } from "drizzle-orm";
import { TYPO_MAX_TERM_LENGTH, TYPO_MIN_TERM_LENGTH } from "../../db/catalog/search-index.sql.mjs";
import type { CatalogDb } from "./catalog.service";
import { readBatch } from "./catalog-batch";
import { plainWordMatches, type WordMatch } from "./search-query";

/**
 * Typo tolerance: a word with one wrong, missing, extra or swapped letter still finds the product.
 *
 * Indexed terms of 5+ characters are stored under themselves and under each one-character
 * deletion (`search_term_variants`, kept by the queue consumer). Two strings within one edit
 * share such a variant, so a query word's own variants find every candidate term with one indexed
 * IN lookup; the exact distance check below then drops the false pairs. No vocabulary is held in
 * memory, so there is nothing to go stale between isolates or after indexing.
 */

/**
 * Query words this short are not corrected. 4 rather than 5: a 5-letter word with a letter
 * missing ("shrt" for "shirt") has 4. Candidates are always 5+ letters (see the variants table).
 */
export const TYPO_MIN_WORD_LENGTH = TYPO_MIN_TERM_LENGTH - 1;
/** Corrections kept per word, most widespread first: a few cover real typos, more add noise. */
export const MAX_CORRECTIONS_PER_WORD = 4;

/** The characters of `word` as code points, so "é" or an emoji counts as one letter. */
function letters(word: string): string[] {
  return Array.from(word);
}

/** `word` and every string made by deleting one of its characters (each once). */
export function deletionVariants(word: string): string[] {
  const chars = letters(word);
  const variants = new Set([word]);
  for (let i = 0; i < chars.length; i++) variants.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(""));
  return [...variants];
}

/**
 * True when `a` and `b` differ by at most one edit: a substitution, an insertion, a deletion, or
 * a swap of two adjacent characters (optimal string alignment distance <= 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = letters(a);
  const y = letters(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  const rest = (p: number, q: number) => x.slice(p).join("") === y.slice(q).join("");
  if (x.length === y.length) {
    if (rest(i + 1, i + 1)) return true; // substitution
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2); // adjacent swap
  }
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1); // extra / missing letter
}

/** Whether a query word is worth correcting at all. */
function correctable(word: string): boolean {
  const n = letters(word).length;
  return n >= TYPO_MIN_WORD_LENGTH && n <= TYPO_MAX_TERM_LENGTH;
}

/** A string above every term that starts with `prefix` (the top of a term range): U+10FFFF is the last code point. */
function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

interface CandidateRow {
  term: string;
  docs: number;
}

/**
 * WordMatches for `words` with typo corrections. A word is corrected only when no indexed term
 * starts with it: a known word, or the start of one ("wireles" of "wireless"), already matches,
 * and correcting it anyway would mix in unrelated products ("shoes" -> "shows"). One D1 round
 * trip for all words: per correctable word, a vocabulary range probe and a variants lookup.
 */
export async function withTypoCorrections(db: CatalogDb, words: readonly string[]): Promise<WordMatch[]> {
  const matches = plainWordMatches(words);
  const targets = matches.filter((m) => correctable(m.word));
  if (targets.length === 0) return matches;

  const statements = targets.flatMap((m) => [
    sql`SELECT term FROM product_search_vocab
        WHERE term >= ${m.word} AND term < ${prefixUpperBound(m.word)} LIMIT 1`,
    sql`SELECT t.term AS term, v.doc AS docs
        FROM search_term_variants t JOIN product_search_vocab v ON v.term = t.term
        WHERE t.variant IN (${sql.join(
          deletionVariants(m.word).map((variant) => sql`${variant}`),
          sql`, `,
        )})`,
  ]);
  const results = await readBatch<unknown[]>(db, statements);

  return matches.map((m) => {
    const index = targets.indexOf(m);
    if (index < 0) return m;
    const knownPrefix = results[2 * index] as { term: string }[];
    if (knownPrefix.length > 0) return m;
    const candidates = (results[2 * index + 1] as CandidateRow[])
      .filter((row) => row.term !== m.word && withinOneEdit(m.word, row.term))
      .sort((a, b) => b.docs - a.docs || a.term.localeCompare(b.term));
    const typoTerms = [...new Set(candidates.map((row) => row.term))].slice(0, MAX_CORRECTIONS_PER_WORD);
    return { ...m, typoTerms };
  });
}
