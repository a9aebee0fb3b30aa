import type { CatalogApp } from "./catalog.routes";

/** Image routes (being written). */
export function imageRoutes(_app: CatalogApp): void {}
