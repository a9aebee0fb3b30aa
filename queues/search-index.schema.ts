import { z } from "zod";

/** A `shop-search-index` message: re-index (or drop from the index) these products. */
export const searchIndexMessage = z.object({
  action: z.enum(["upsert", "remove"]),
  productIds: z.array(z.string().min(1)).min(1).max(500),
  at: z.number().int(),
});
export type SearchIndexMessage = z.infer<typeof searchIndexMessage>;
