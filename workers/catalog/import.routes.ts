import type { CatalogApp } from "./catalog.routes";

/** Import routes (being written). */
export function importRoutes(_app: CatalogApp): void {}
