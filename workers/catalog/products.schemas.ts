import { z } from "zod";
import type * as schema from "../../db/catalog/schema";
import type { ProductListItem } from "./product-list-item";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from "./slug";

/**
 * Request and response shapes of the product API, shared by the routes, the bulk import and the
 * storefront's admin forms. Imports no runtime code beyond zod and the pure slug helpers.
 */

// Repeated here (not imported) so this module stays free of drizzle; `satisfies` keeps them equal.
export const PRODUCT_STATUSES = [
  "draft",
  "active",
  "archived",
] as const satisfies typeof schema.PRODUCT_STATUSES;
export const VARIANT_STATUSES = ["active", "archived"] as const satisfies typeof schema.VARIANT_STATUSES;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type VariantStatus = (typeof VARIANT_STATUSES)[number];

/** Highest price accepted, in minor units: a typo guard (a million in major units), not a policy. */
export const MAX_PRICE = 100_000_000;
/** Variants one request may create or change; keeps a write well inside D1's batch limits. */
export const MAX_VARIANTS_PER_REQUEST = 100;

/** A SKU: 2-64 uppercase letters, digits or hyphens, starting with a letter or digit. */
export const skuSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9-]{1,63}$/,
    "A SKU is 2-64 letters, digits or '-', starting with a letter or digit.",
  );

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_SLUG_LENGTH, `Use at most ${MAX_SLUG_LENGTH} characters.`)
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, e.g. 'trail-runner-2'.");

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code such as USD.");

export const minorUnitsSchema = z
  .number("Enter an amount in minor units (cents), e.g. 1999.")
  .int("Use whole minor units (cents), e.g. 1999 for 19.99.")
  .min(0, "A price cannot be negative.")
  .max(MAX_PRICE, `Use at most ${MAX_PRICE} minor units.`);

export const moneySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });

function keyValueSchema(maxEntries: number, maxValue: number) {
  return z
    .record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(maxValue))
    .refine((v) => Object.keys(v).length <= maxEntries, `Use at most ${maxEntries} entries.`);
}

/** A variant's option values, e.g. `{"size": "M", "colour": "red"}`. */
export const optionsSchema = keyValueSchema(10, 100);
/** Free-form specifications shown on the product page, e.g. `{"material": "cotton"}`. */
export const attributesSchema = keyValueSchema(50, 500);

/**
 * A brand by name or slug. Brands are matched by slug, so "Acme Audio" and "acme-audio" are the
 * same brand; an unknown one is created with the text given as its name.
 */
export const brandSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => slugify(v) !== "", "A brand name needs at least one letter or digit.");

const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters.");
const descriptionSchema = z.string().trim().max(20_000, "Use at most 20,000 characters.");

const variantFields = {
  sku: skuSchema,
  options: optionsSchema.optional(),
  status: z.enum(VARIANT_STATUSES).optional(),
};

/** A variant in `POST /api/products`: every variant is new, so it needs a price. */
export const variantCreateInput = z.strictObject({ ...variantFields, price: moneySchema });
/** A variant in `PATCH /api/products/:id`: matched by SKU; an existing one may leave fields out. */
export const variantPatchInput = z.strictObject({ ...variantFields, price: moneySchema.optional() });

type VariantLike = { sku: string; status?: VariantStatus; price?: { currency: string } };

/** Field errors for SKUs repeated within one request. */
function refineVariants(variants: readonly VariantLike[] | undefined, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  variants?.forEach((variant, i) => {
    const first = seen.get(variant.sku);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["variants", i, "sku"],
        message: `SKU ${variant.sku} is already used by variants.${first}.`,
      });
    } else seen.set(variant.sku, i);
  });
}

export const productCreateInput = z
  .strictObject({
    name: nameSchema,
    /** Generated from the name when absent; never changes afterwards (links and orders keep it). */
    slug: slugSchema.optional(),
    description: descriptionSchema.default(""),
    brand: brandSchema.optional(),
    /** The category's slug. */
    category: slugSchema,
    status: z.enum(PRODUCT_STATUSES).default("draft"),
    featured: z.boolean().default(false),
    attributes: attributesSchema.default({}),
    /** Admins only: the seller the product belongs to (defaults to the caller). */
    sellerId: z.string().trim().min(1).max(100).optional(),
    variants: z.array(variantCreateInput).max(MAX_VARIANTS_PER_REQUEST).default([]),
  })
  .superRefine((input, ctx) => refineVariants(input.variants, ctx));

export const productUpdateInput = z
  .strictObject({
    name: nameSchema.optional(),
    /** Accepted only when unchanged: a product's slug is stable once created. */
    slug: slugSchema.optional(),
    description: descriptionSchema.optional(),
    /** `null` removes the brand. */
    brand: brandSchema.nullable().optional(),
    category: slugSchema.optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
    featured: z.boolean().optional(),
    attributes: attributesSchema.optional(),
    sellerId: z.string().trim().min(1).max(100).optional(),
    variants: z.array(variantPatchInput).max(MAX_VARIANTS_PER_REQUEST).optional(),
  })
  .superRefine((input, ctx) => {
    if (Object.values(input).every((v) => v === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: "Send at least one field to change." });
    }
    refineVariants(input.variants, ctx);
  });

export type ProductCreateInput = z.infer<typeof productCreateInput>;
export type ProductUpdateInput = z.infer<typeof productUpdateInput>;
export type VariantPatchInput = z.infer<typeof variantPatchInput>;

/** `GET /api/products/featured`: the newest featured products. */
export const featuredQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(12),
});

/** A step of a breadcrumb, root first. */
export interface CategoryCrumb {
  id: string;
  slug: string;
  name: string;
}

/** A variant on the product page (API.md): `available` is units that can be bought now. */
export interface ProductVariantView {
  sku: string;
  options: Record<string, string>;
  price: { amount: number; currency: string };
  available: number;
  /** Shown to the product's seller and admins only; the public sees active variants alone. */
  status?: VariantStatus;
}

/** The product page (API.md "Product detail"): the list item plus everything shown on the page. */
export interface ProductDetail extends ProductListItem {
  description: string;
  status: ProductStatus;
  featured: boolean;
  sellerId: string;
  attributes: Record<string, string>;
  breadcrumb: CategoryCrumb[];
  images: { url: string; alt: string }[];
  variants: ProductVariantView[];
  createdAt: string;
  updatedAt: string;
}

/** A page of products (API.md "Lists"). */
export interface ProductPage {
  items: ProductListItem[];
  total: number;
  page: number;
  limit: number;
}
