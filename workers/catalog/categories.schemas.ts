import { z } from "zod";
import type { Category } from "./catalog.schemas";
import type { CategoryCrumb } from "./products.schemas";
import { slugSchema } from "./products.schemas";

/** Request and response shapes of the category admin API. */

const nameSchema = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");
const parentIdSchema = z.string().trim().min(1).max(100);
const positionSchema = z.number().int().min(0).max(10_000);

export const categoryCreateInput = z.strictObject({
  name: nameSchema,
  /** Generated from the name when absent. */
  slug: slugSchema.optional(),
  /** The parent category's id; absent or null for a root category. */
  parentId: parentIdSchema.nullable().optional(),
  /** Order among siblings; by default after the last sibling. */
  position: positionSchema.optional(),
});

export const categoryUpdateInput = z
  .strictObject({
    name: nameSchema.optional(),
    slug: slugSchema.optional(),
    /** `null` makes it a root category. */
    parentId: parentIdSchema.nullable().optional(),
    position: positionSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");

export type CategoryCreateInput = z.infer<typeof categoryCreateInput>;
export type CategoryUpdateInput = z.infer<typeof categoryUpdateInput>;

/** A category page: the category, its path from the root, and the subtree below it. */
export interface CategoryDetail extends Category {
  position: number;
  breadcrumb: CategoryCrumb[];
}
