import { describe, expect, it } from "vitest";
import type { Category } from "../catalog.schemas";
import { buildCategoryTree } from "../catalog.service";
import { categoryTreeRows } from "./harness";

/** The tree as nested slugs, which is what ordering and nesting assertions care about. */
function shape(nodes: Category[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.slug]: shape(n.children) } : n.slug));
}

describe("buildCategoryTree", () => {
  it("nests three levels, siblings by position then name", () => {
    const tree = buildCategoryTree(categoryTreeRows("t"));
    expect(shape(tree)).toEqual([
      "t-books",
      { "t-clothing": [{ "t-women": ["t-coats", "t-dresses"] }, { "t-men": ["t-shirts"] }] },
    ]);
  });

  it("returns nodes in the API's Category shape", () => {
    const [books] = buildCategoryTree(categoryTreeRows("t"));
    expect(books).toEqual({ id: "t-books", slug: "t-books", name: "Books", parentId: null, children: [] });
    const women = buildCategoryTree(categoryTreeRows("t"))[1]?.children[0];
    expect(women).toMatchObject({ slug: "t-women", parentId: "t-clothing" });
  });

  it("keeps a category whose parent is missing, as a root", () => {
    const tree = buildCategoryTree([{ id: "a", slug: "a", name: "A", parentId: "gone", position: 0 }]);
    expect(tree).toEqual([{ id: "a", slug: "a", name: "A", parentId: "gone", children: [] }]);
  });

  it("leaves out rows caught in a parent cycle instead of looping", () => {
    const tree = buildCategoryTree([
      { id: "root", slug: "root", name: "Root", parentId: null, position: 0 },
      { id: "x", slug: "x", name: "X", parentId: "y", position: 0 },
      { id: "y", slug: "y", name: "Y", parentId: "x", position: 0 },
    ]);
    expect(shape(tree)).toEqual(["root"]);
    expect(() => JSON.stringify(tree)).not.toThrow();
  });

  it("is empty for no rows", () => {
    expect(buildCategoryTree([])).toEqual([]);
  });
});
