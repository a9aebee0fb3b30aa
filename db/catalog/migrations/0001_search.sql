-- Product search (FTS5), written by hand: drizzle-kit does not model virtual tables, so none of
-- these tables are in schema.ts (a later `drizzle-kit generate` therefore leaves them alone).
-- Nothing here has triggers: the search-index queue consumer keeps the index current, and
-- db/catalog/search-index.sql.mjs rebuilds it from the base tables (`npm run search:reindex`).
--
-- Maps products (text ids) to FTS5 rowids (integers). A product keeps its doc_id while indexed,
-- so re-indexing it replaces one FTS row without touching any other.
CREATE TABLE `search_documents` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_product_unique` ON `search_documents` (`product_id`);
--> statement-breakpoint
-- One row per active product. `category` holds the category's name and its ancestors' names, so
-- "electronics" finds headphones. No porter stemmer: it stems indexed words ("running" -> "run")
-- but not half-typed ones ("runni"), which breaks as-you-type prefix queries and makes the
-- vocabulary (used for typo tolerance) hold stems instead of words. Plurals are handled in the
-- query instead. The prefix indexes make 1-3 character prefix queries index lookups (suggest).
CREATE VIRTUAL TABLE `product_search` USING fts5(
	name, brand, category, description,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
--> statement-breakpoint
-- The index's vocabulary (term, documents, occurrences); reads by term or term range are lookups.
CREATE VIRTUAL TABLE `product_search_vocab` USING fts5vocab(`product_search`, 'row');
--> statement-breakpoint
-- Typo tolerance by symmetric deletion: every indexed term of 5+ characters under itself and
-- under each string made by deleting one of its characters. A query word and its one-character
-- deletions then find every term within one edit (wrong, missing, extra or swapped letter) with
-- an indexed IN lookup. Rows of terms no longer indexed are harmless (they match nothing) and are
-- dropped by a rebuild.
CREATE TABLE `search_term_variants` (
	`variant` text NOT NULL,
	`term` text NOT NULL,
	PRIMARY KEY (`variant`, `term`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Brands and categories for as-you-type suggestions (products are suggested from product_search).
CREATE VIRTUAL TABLE `search_suggest` USING fts5(
	text, kind UNINDEXED, slug UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
