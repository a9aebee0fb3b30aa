/**
 * Turns what a shopper typed into an FTS5 MATCH expression. Pure functions, no I/O.
 *
 * The shopper's text is never passed to FTS5 as syntax: it is cut into words the way the index's
 * tokenizer cuts text (letters and digits; everything else separates), and every word is written
 * as a double-quoted string. Quotes, `*`, `:`, `^`, `-`, `+`, parentheses, `NEAR(`, `AND`/`OR`/`NOT`
 * therefore either disappear or become plain words, so no query can be an FTS5 syntax error.
 */

/** More words than this are dropped: they rarely help and each one costs index lookups. */
export const MAX_QUERY_WORDS = 8;
/** Words are cut to this length; longer "words" are pasted codes or junk. */
export const MAX_WORD_LENGTH = 64;

/**
 * Words that carry no meaning in a product search. Requiring them ("shoes for running") would
 * only drop products whose text happens not to contain them. Kept when the query is nothing else.
 */
const STOPWORDS = new Set([
  "a",
  "an",
  "and",
  "at",
  "by",
  "for",
  "from",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
]);

/**
 * Case-folds and strips diacritics like the index's tokenizer (`unicode61 remove_diacritics 2`),
 * so "Café" in a query meets "cafe" in the index. Only the combining diacritics Latin letters
 * decompose into are removed: the tokenizer keeps other scripts' marks (the dakuten of "ド").
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]+/g, "")
    .normalize("NFC")
    .toLowerCase();
}

/** The words of `text` as the index tokenizes them: runs of letters and digits, normalized. */
export function tokenize(text: string): string[] {
  return (normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/**
 * The searchable words of a query, in order: stopwords left out (unless that leaves nothing),
 * repeated words once, at most MAX_QUERY_WORDS. The last word is the one being typed.
 * @param keepLastStopword keep the last word even if it is a stopword (as-you-type: "fo" may
 *   become "football")
 */
export function queryWords(q: string, keepLastStopword = false): string[] {
  const all = tokenize(q);
  const last = all.length - 1;
  const meaningful = all.filter((w, i) => !STOPWORDS.has(w) || (keepLastStopword && i === last));
  const words = meaningful.length > 0 ? meaningful : all;
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/**
 * Other forms of an English plural worth matching exactly: "shoes" -> "shoe", "dresses" ->
 * "dress", "batteries" -> "battery". Singular query words need nothing: the prefix form of
 * "headphone" already matches "headphones". Cheap rules instead of a stemmer (see the migration
 * for why the index has none).
 */
export function singularForms(word: string): string[] {
  if (word.length < 4 || !word.endsWith("s") || word.endsWith("ss")) return [];
  const forms = [word.slice(0, -1)];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  else if (/(?:ss|x|z|ch|sh)es$/.test(word)) forms.push(word.slice(0, -2));
  return forms;
}

/** A query word with what it may also match. */
export interface WordMatch {
  word: string;
  /** Match words that start with `word` (the last word, being typed, and words of 3+ letters). */
  prefix: boolean;
  /** Indexed terms within one typo of `word`, matched exactly. */
  typoTerms: readonly string[];
}

/** `word` as an FTS5 string. Words hold only letters and digits, so no escaping is needed. */
function quoted(word: string): string {
  return `"${word}"`;
}

/**
 * One word's alternatives, ORed: the word itself, its prefix form, its singular forms, its typo
 * corrections. The exact word is kept beside its prefix form on purpose: bm25 sums over phrases,
 * so a product containing exactly "pan" outranks one that only has "pants".
 */
export function wordExpression({ word, prefix, typoTerms }: WordMatch): string {
  const alternatives = [quoted(word)];
  if (prefix) alternatives.push(`${quoted(word)}*`);
  for (const form of [...singularForms(word), ...typoTerms]) {
    if (form !== word) alternatives.push(quoted(form));
  }
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? unique[0]! : `(${unique.join(" OR ")})`;
}

/**
 * The MATCH expression for a whole query: every word must match (in any column).
 *
 * With two or more words, the query's words as one phrase in the name are ORed in. That widens
 * nothing (a phrase match contains every word) but adds the phrase's bm25 score to products
 * whose name has the words in the typed order: "Brewhaus Compact Espresso Machine" then outranks
 * "Brewhaus Pioneer Compact Espresso Machine" for exactly that query.
 * @param phrase the query's words in typed order, stopwords included ("thin and light")
 */
export function matchExpression(words: readonly WordMatch[], phrase: readonly string[] = []): string {
  const all = words.map(wordExpression).join(" AND ");
  if (words.length < 2 || phrase.length < 2) return all;
  const prefix = words[words.length - 1]?.prefix ? "*" : "";
  return `(${all}) OR {name} : (${quoted(phrase.join(" "))}${prefix})`;
}

/**
 * WordMatches for `words` without typo corrections: the last word and every word of 3+ letters
 * match as prefixes (short inner words like "c" in "usb c cable" would match too much).
 */
export function plainWordMatches(words: readonly string[]): WordMatch[] {
  return words.map((word, i) => ({
    word,
    prefix: i === words.length - 1 || word.length >= 3,
    typoTerms: [],
  }));
}
