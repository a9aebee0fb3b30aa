import type { CatalogApp } from "./catalog.routes";

/** Search routes (being written). */
export function searchRoutes(_app: CatalogApp): void {}
