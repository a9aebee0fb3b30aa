/** A category as the API returns it (API.md "Category"); the tree endpoint nests `children`. */
export interface Category {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  children: Category[];
}

/** The columns of a category row the tree is built from. */
export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  position: number;
}
