import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import type { CatalogApp } from "./catalog.routes";
import { catalogDb, listCategories } from "./catalog.service";
import { categoryCreateInput, categoryUpdateInput } from "./categories.schemas";
import { createCategory, deleteCategory, getCategoryDetail, updateCategory } from "./categories.service";

/** Category writes change the storefront's navigation for everyone: admins only. */
const admins = onlyRoles("admin");

/** The category tree, category pages, and (admin) category writes. */
export function categoryRoutes(app: CatalogApp): void {
  app.get("/api/categories", async (c) => {
    const items = await listCategories({ db: catalogDb(c.env.CATALOG_DB) });
    return c.json({ items });
  });

  app.get("/api/categories/:slug", async (c) => {
    return c.json(
      await getCategoryDetail({ db: catalogDb(c.env.CATALOG_DB) }, { slug: c.req.param("slug") }),
    );
  });

  app.post("/api/categories", admins, validate("json", categoryCreateInput), async (c) => {
    const db = catalogDb(c.env.CATALOG_DB);
    const id = await createCategory({ db }, c.req.valid("json"));
    const category = await getCategoryDetail({ db }, { id });
    c.header("location", `/api/categories/${category.slug}`);
    return c.json(category, 201);
  });

  app.patch("/api/categories/:id", admins, validate("json", categoryUpdateInput), async (c) => {
    const db = catalogDb(c.env.CATALOG_DB);
    const id = c.req.param("id");
    await updateCategory({ db }, id, c.req.valid("json"));
    return c.json(await getCategoryDetail({ db }, { id }));
  });

  app.delete("/api/categories/:id", admins, async (c) => {
    await deleteCategory({ db: catalogDb(c.env.CATALOG_DB) }, c.req.param("id"));
    return c.body(null, 204);
  });
}
