/** Types for db/catalog/search-index.sql.mjs (plain ESM so Node scripts can import it without a build). */
export declare const TYPO_MIN_TERM_LENGTH: number;
export declare const TYPO_MAX_TERM_LENGTH: number;
export declare function reindexProductsSql(ids: string): string[];
export declare const REFRESH_TERM_VARIANTS_SQL: string;
export declare const REFRESH_SUGGESTIONS_SQL: string[];
export declare const SEARCH_REBUILD_SQL: string;
