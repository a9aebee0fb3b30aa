import type { AppLoadContext } from "@remix-run/cloudflare";
import { apiFetch } from "./api.server";

/** A category as the storefront renders it: a node of the category tree. */
export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  children: CategoryNode[];
}

const MAX_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Keeps the well-formed categories of an API answer (`{id, slug, name, parentId, children[]}`),
 * so a malformed row degrades to a missing card rather than a broken page.
 */
function toNode(value: unknown, depth: number): CategoryNode | null {
  if (!isRecord(value)) return null;
  const { id, slug, name, children } = value;
  if (
    (typeof id !== "string" && typeof id !== "number") ||
    typeof slug !== "string" ||
    typeof name !== "string"
  ) {
    return null;
  }
  const kids = depth < MAX_DEPTH && Array.isArray(children) ? children : [];
  return {
    id: String(id),
    slug,
    name,
    children: kids.map((child) => toNode(child, depth + 1)).filter((c): c is CategoryNode => c !== null),
  };
}

/**
 * The category tree from `GET /api/categories` (through the gateway to the catalog worker):
 * the top-level categories, each with its subcategories.
 */
export async function getCategoryTree(context: AppLoadContext): Promise<CategoryNode[]> {
  const body = await apiFetch<unknown>(context, "/api/categories");
  const items = isRecord(body) && Array.isArray(body.items) ? body.items : null;
  if (!items) throw new Error("GET /api/categories: expected { items: [...] }");
  // The catalog answers the roots with their children nested; should it ever list every
  // category flat, showing only the roots keeps a subcategory from appearing twice.
  const roots = items.filter(
    (item) => isRecord(item) && (item.parentId === null || item.parentId === undefined),
  );
  return roots.map((item) => toNode(item, 0)).filter((c): c is CategoryNode => c !== null);
}
