import { describe, expect, it } from "vitest";
import { describeWorkerContract } from "../../../test/worker-contract";
import type { Category } from "../catalog.schemas";
import { call, seedCategoryTree, self } from "./harness";

function slugs(nodes: Category[]): string[] {
  return nodes.map((n) => n.slug);
}

describeWorkerContract({
  service: "catalog",
  checks: { database: "ok", images: "ok" },
  call,
  unknown: { path: "/api/nope" },
});

describe("GET /api/categories", () => {
  it("answers the nested category tree in sibling order", async () => {
    await seedCategoryTree("route");
    const res = await call("/api/categories");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const { items } = await res.json<{ items: Category[] }>();
    const mine = items.filter((c) => c.slug.startsWith("route-"));
    expect(slugs(mine)).toEqual(["route-books", "route-clothing"]);
    const clothing = mine[1]!;
    expect(clothing).toMatchObject({ id: "route-clothing", name: "Clothing", parentId: null });
    expect(slugs(clothing.children)).toEqual(["route-women", "route-men"]);
    expect(slugs(clothing.children[0]!.children)).toEqual(["route-coats", "route-dresses"]);
    expect(clothing.children[0]!.children[0]).toEqual({
      id: "route-coats",
      slug: "route-coats",
      name: "Coats",
      parentId: "route-women",
      children: [],
    });
  });
});

describe("CatalogService (RPC)", () => {
  it("answers ping", async () => {
    expect(await self.CatalogService.ping()).toBe("ok");
  });

  it("listCategories returns the same tree as GET /api/categories", async () => {
    await seedCategoryTree("rpc");
    const viaRpc = await self.CatalogService.listCategories();
    expect(slugs(viaRpc.filter((c) => c.slug.startsWith("rpc-")))).toEqual(["rpc-books", "rpc-clothing"]);
    const { items } = await (await call("/api/categories")).json<{ items: Category[] }>();
    expect(viaRpc).toEqual(items);
  });
});
