import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "../../../db/catalog/schema";
import { skuDetails } from "../sku-details";
import { db, makeCategory, makeProduct, sku } from "./factories";
import { self } from "./harness";

describe("CatalogService.skuDetails", () => {
  it("gives name, options, price, image, purchasability and seller per SKU, leaving unknown SKUs out", async () => {
    const category = await makeCategory();
    const red = sku("RED");
    const blue = sku("BLUE");
    const product = await makeProduct({
      categoryId: category.id,
      name: "Enamel Mug",
      sellerId: "seller-mugs",
      variants: [
        { sku: red, price: 1299, options: { colour: "red" } },
        { sku: blue, price: 1499, currency: "EUR", options: { colour: "blue" }, status: "archived" },
      ],
    });
    await db()
      .update(products)
      .set({ primaryImageKey: "products/mug/1.webp" })
      .where(sql`id = ${product.id}`);

    const details = await self.CatalogService.skuDetails([red, blue, "NO-SUCH-SKU", red]);
    expect(details.sort((a, b) => a.sku.localeCompare(b.sku))).toEqual(
      [
        {
          sku: red,
          productId: product.id,
          slug: product.slug,
          name: "Enamel Mug",
          options: { colour: "red" },
          unitPrice: { amount: 1299, currency: "USD" },
          image: "/images/products/mug/1.webp",
          purchasable: true,
          sellerId: "seller-mugs",
        },
        {
          sku: blue,
          productId: product.id,
          slug: product.slug,
          name: "Enamel Mug",
          options: { colour: "blue" },
          unitPrice: { amount: 1499, currency: "EUR" },
          image: "/images/products/mug/1.webp",
          purchasable: false,
          sellerId: "seller-mugs",
        },
      ].sort((a, b) => a.sku.localeCompare(b.sku)),
    );
  });

  it("marks variants of draft and archived products as not purchasable", async () => {
    const category = await makeCategory();
    const draft = await makeProduct({ categoryId: category.id, status: "draft" });
    const archived = await makeProduct({ categoryId: category.id, status: "archived" });
    const active = await makeProduct({ categoryId: category.id });
    const details = await self.CatalogService.skuDetails([...draft.skus, ...archived.skus, ...active.skus]);
    const purchasable = Object.fromEntries(details.map((d) => [d.sku, d.purchasable]));
    expect(purchasable).toEqual({
      [draft.skus[0]!]: false,
      [archived.skus[0]!]: false,
      [active.skus[0]!]: true,
    });
    expect(details.find((d) => d.sku === active.skus[0])?.image).toBeNull();
  });

  it("answers [] for no SKUs and refuses more than 100 (a caller's bug)", async () => {
    expect(await self.CatalogService.skuDetails([])).toEqual([]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `SKU-${i}`);
    // In-process: a throw across RPC surfaces in the test pool as an unhandled rejection.
    await expect(skuDetails({ db: db() }, tooMany)).rejects.toThrow(TypeError);
    const hundred = await skuDetails({ db: db() }, tooMany.slice(0, 100));
    expect(hundred).toEqual([]);
  });
});
