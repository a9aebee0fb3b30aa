import { requireRole } from "../shared/caller";
import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import type { CatalogApp } from "./catalog.routes";
import { catalogDb } from "./catalog.service";
import { productQuerySchema } from "./product-query";
import {
  archiveProduct,
  createProduct,
  type ProductWriteDeps,
  updateProduct,
} from "./product-writes.service";
import { featuredQuerySchema, productCreateInput, productUpdateInput } from "./products.schemas";
import { getProductDetail, listProducts } from "./products.service";
import { searchProducts } from "./search.service";
import type { Env } from "./worker-configuration";

/** Product writes are for sellers (their own products) and admins. */
const sellersAndAdmins = onlyRoles("seller", "admin");

function writeDeps(env: Env, requestId: string): ProductWriteDeps {
  return { db: catalogDb(env.CATALOG_DB), searchIndex: env.SEARCH_INDEX, requestId };
}

/** Products: listing, featured, the product page by slug or id, and seller/admin writes. */
export function productRoutes(app: CatalogApp): void {
  app.get("/api/products", validate("query", productQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const db = catalogDb(c.env.CATALOG_DB);
    // With words to search for, the listing is a search: the same answer as /api/search gives.
    if (query.q) return c.json(await searchProducts({ db }, query));
    // Relevance needs words to rank against; without them the listing's default order applies.
    const { q: _blank, sort, ...filters } = query;
    return c.json(await listProducts({ db }, { ...filters, sort: sort === "relevance" ? undefined : sort }));
  });

  app.get("/api/products/featured", validate("query", featuredQuerySchema), async (c) => {
    const { page, limit } = c.req.valid("query");
    const db = catalogDb(c.env.CATALOG_DB);
    return c.json(await listProducts({ db }, { featured: true, sort: "newest", page, limit }));
  });

  app.get("/api/products/slug/:slug", async (c) => {
    const deps = { db: catalogDb(c.env.CATALOG_DB), inventory: c.env.INVENTORY };
    return c.json(await getProductDetail(deps, { slug: c.req.param("slug") }, c.get("caller")));
  });

  app.get("/api/products/:id", async (c) => {
    const deps = { db: catalogDb(c.env.CATALOG_DB), inventory: c.env.INVENTORY };
    return c.json(await getProductDetail(deps, { id: c.req.param("id") }, c.get("caller")));
  });

  app.post("/api/products", sellersAndAdmins, validate("json", productCreateInput), async (c) => {
    const caller = requireRole(c.get("caller"), "seller", "admin");
    const deps = writeDeps(c.env, c.get("requestId"));
    const id = await createProduct(deps, caller, c.req.valid("json"));
    const product = await getProductDetail({ db: deps.db, inventory: c.env.INVENTORY }, { id }, caller);
    c.header("location", `/api/products/${id}`);
    return c.json(product, 201);
  });

  app.patch("/api/products/:id", sellersAndAdmins, validate("json", productUpdateInput), async (c) => {
    const caller = requireRole(c.get("caller"), "seller", "admin");
    const deps = writeDeps(c.env, c.get("requestId"));
    const id = c.req.param("id");
    await updateProduct(deps, caller, id, c.req.valid("json"));
    return c.json(await getProductDetail({ db: deps.db, inventory: c.env.INVENTORY }, { id }, caller));
  });

  app.delete("/api/products/:id", sellersAndAdmins, async (c) => {
    const caller = requireRole(c.get("caller"), "seller", "admin");
    await archiveProduct(writeDeps(c.env, c.get("requestId")), caller, c.req.param("id"));
    return c.body(null, 204);
  });
}
