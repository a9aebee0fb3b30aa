import type { CatalogApp } from "./catalog.routes";

/** Product routes (being written). */
export function productRoutes(_app: CatalogApp): void {}
