import { describe, expect, it } from "vitest";
import type { Category } from "../catalog.schemas";
import type { CategoryDetail } from "../categories.schemas";
import { admin, api, cacheVersion, makeCategory, makeProduct, unique } from "./factories";

type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };

/** Finds a category anywhere in the tree. */
function find(nodes: Category[], id: string): Category | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = find(node.children, id);
    if (below) return below;
  }
  return undefined;
}

async function tree(): Promise<Category[]> {
  return (await api<{ items: Category[] }>("GET", "/api/categories")).body.items;
}

describe("POST /api/categories", () => {
  it("creates a root and a child (slug from the name, after the last sibling) and bumps the cache", async () => {
    const before = await cacheVersion();
    const name = `Garden ${unique("g")}`;
    const root = await api<CategoryDetail>("POST", "/api/categories", { as: admin, body: { name } });
    expect(root.status).toBe(201);
    expect(root.body).toMatchObject({
      slug: name.toLowerCase().replaceAll(" ", "-"),
      name,
      parentId: null,
      children: [],
      breadcrumb: [{ id: root.body.id, slug: root.body.slug, name }],
    });
    expect(root.headers.get("location")).toBe(`/api/categories/${root.body.slug}`);
    const first = await api<CategoryDetail>("POST", "/api/categories", {
      as: admin,
      body: { name: "Tools", parentId: root.body.id },
    });
    const second = await api<CategoryDetail>("POST", "/api/categories", {
      as: admin,
      body: { name: "Seeds", slug: unique("seeds"), parentId: root.body.id },
    });
    expect(second.body.position).toBeGreaterThan(first.body.position);
    expect(await cacheVersion()).toBe(before + 3);
    const node = find(await tree(), root.body.id);
    expect(node?.children.map((c) => c.name)).toEqual(["Tools", "Seeds"]);
  });

  it("refuses a taken slug (409), an unknown parent and bad fields (400)", async () => {
    const taken = await makeCategory();
    const dup = await api<Problem>("POST", "/api/categories", {
      as: admin,
      body: { name: "X", slug: taken.slug },
    });
    expect(dup.status).toBe(409);
    const orphan = await api<Problem>("POST", "/api/categories", {
      as: admin,
      body: { name: "X", parentId: "nope" },
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors?.[0]?.path).toBe("parentId");
    const blank = await api<Problem>("POST", "/api/categories", { as: admin, body: { name: " " } });
    expect(blank.status).toBe(400);
    expect(blank.body.errors?.[0]?.path).toBe("name");
  });
});

describe("PATCH /api/categories/:id", () => {
  it("renames, re-slugs and moves a category with its subtree", async () => {
    const a = await makeCategory();
    const b = await makeCategory();
    const child = await makeCategory({ parentId: a.id });
    const newSlug = unique("moved");
    const before = await cacheVersion();
    const res = await api<CategoryDetail>("PATCH", `/api/categories/${a.id}`, {
      as: admin,
      body: { name: "Moved", slug: newSlug, parentId: b.id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: a.id, name: "Moved", slug: newSlug, parentId: b.id });
    expect(res.body.breadcrumb.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(res.body.children.map((c) => c.id)).toEqual([child.id]);
    expect(await cacheVersion()).toBe(before + 1);
    const root = await api<CategoryDetail>("PATCH", `/api/categories/${a.id}`, {
      as: admin,
      body: { parentId: null },
    });
    expect(root.body.parentId).toBeNull();
  });

  it("refuses a move below itself or a descendant", async () => {
    const top = await makeCategory();
    const mid = await makeCategory({ parentId: top.id });
    const low = await makeCategory({ parentId: mid.id });
    for (const parentId of [top.id, low.id]) {
      const res = await api<Problem>("PATCH", `/api/categories/${top.id}`, { as: admin, body: { parentId } });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.path).toBe("parentId");
    }
  });

  it("answers 404 for an unknown id, 409 for a taken slug, 400 for nothing to change", async () => {
    const a = await makeCategory();
    const b = await makeCategory();
    expect((await api("PATCH", "/api/categories/nope", { as: admin, body: { name: "x" } })).status).toBe(404);
    expect(
      (await api("PATCH", `/api/categories/${a.id}`, { as: admin, body: { slug: b.slug } })).status,
    ).toBe(409);
    expect((await api("PATCH", `/api/categories/${a.id}`, { as: admin, body: {} })).status).toBe(400);
  });
});

describe("DELETE /api/categories/:id", () => {
  it("deletes an empty category", async () => {
    const empty = await makeCategory();
    const before = await cacheVersion();
    expect((await api("DELETE", `/api/categories/${empty.id}`, { as: admin })).status).toBe(204);
    expect(find(await tree(), empty.id)).toBeUndefined();
    expect(await cacheVersion()).toBe(before + 1);
    expect((await api("DELETE", `/api/categories/${empty.id}`, { as: admin })).status).toBe(404);
  });

  it("refuses with 409 while it has products of any status or subcategories", async () => {
    const withArchived = await makeCategory();
    await makeProduct({ categoryId: withArchived.id, status: "archived" });
    const parent = await makeCategory();
    await makeCategory({ parentId: parent.id });
    const before = await cacheVersion();
    const products = await api<Problem & { products: number }>(
      "DELETE",
      `/api/categories/${withArchived.id}`,
      {
        as: admin,
      },
    );
    expect(products.status).toBe(409);
    expect(products.body).toMatchObject({ code: "conflict", products: 1 });
    expect(products.body.detail).toContain("1 product(s)");
    const children = await api<Problem & { children: number }>("DELETE", `/api/categories/${parent.id}`, {
      as: admin,
    });
    expect(children.status).toBe(409);
    expect(children.body.children).toBe(1);
    expect(children.body.detail).toContain("subcategor");
    expect(await cacheVersion()).toBe(before);
  });
});

describe("GET /api/categories/:slug", () => {
  it("answers the category with its breadcrumb and its subtree", async () => {
    const top = await makeCategory({ name: "Top" });
    const mid = await makeCategory({ name: "Mid", parentId: top.id });
    const low = await makeCategory({ name: "Low", parentId: mid.id });
    const res = await api<CategoryDetail>("GET", `/api/categories/${mid.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: mid.id,
      slug: mid.slug,
      name: "Mid",
      parentId: top.id,
      position: 0,
      breadcrumb: [
        { id: top.id, slug: top.slug, name: "Top" },
        { id: mid.id, slug: mid.slug, name: "Mid" },
      ],
      children: [{ id: low.id, slug: low.slug, name: "Low", parentId: mid.id, children: [] }],
    });
  });

  it("answers 404 for an unknown slug", async () => {
    const res = await api<Problem>("GET", "/api/categories/no-such-category");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });
});
