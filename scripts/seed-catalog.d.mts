/** Types for scripts/seed-catalog.mjs (plain ESM so Node scripts and workerd tests share it). */

/** A category of the demo tree; `depth` is 1 for a root. Products hang off leaves. */
export interface DemoCategory {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  position: number;
  depth: number;
  leaf: boolean;
}

export interface DemoBrand {
  id: string;
  slug: string;
  name: string;
  /** Three letters that start the SKUs of the brand's products. */
  code: string;
}

/** One SKU of a product: option values, price in minor units, initial stock. */
export interface DemoVariant {
  sku: string;
  options: Record<string, string>;
  priceAmount: number;
  currency: string;
  status: "active" | "archived";
  position: number;
  /** Initial units on hand (nothing is reserved at seed time, so also the units available). */
  available: number;
  lowStockThreshold: number;
}

export type DemoStockLevel = "in_stock" | "low_stock" | "out_of_stock";

export interface DemoProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  brandId: string;
  brandSlug: string;
  brandName: string;
  categoryId: string;
  categorySlug: string;
  categoryName: string;
  status: "draft" | "active" | "archived";
  featured: boolean;
  sellerId: string;
  attributes: Record<string, string>;
  /** The lowest active variant price (minor units): the product's shown price. */
  minPrice: number;
  currency: string;
  primaryImageKey: string;
  /** Stock status listings show for it, as the variants' initial stock gives it. */
  stockLevel: DemoStockLevel;
  createdAt: number;
  updatedAt: number;
  variants: DemoVariant[];
}

export interface DemoCatalog {
  categories: DemoCategory[];
  brands: DemoBrand[];
  products: DemoProduct[];
}

/** What POST /dev/inventory/seed takes per SKU. */
export interface StockSeedItem {
  sku: string;
  onHand: number;
  lowStockThreshold: number;
}

/** Item options of a product kind (see seed-kinds-audio-computers.mjs for the format). */
export interface LeafItemOptions {
  variants?: string;
  adjectives?: string;
  capacity?: string;
  materials?: string;
  uses?: string;
  features?: string;
  attrs?: Record<string, string | null>;
}

/** How the products of one leaf category are generated. */
export interface LeafKind {
  code: string;
  count: number;
  brands: string;
  items: Array<[noun: string, minDollars: number, maxDollars: number, options?: LeafItemOptions]>;
  adjectives?: string;
  materials: string;
  uses: string;
  features: string;
  attrs?: Record<string, string>;
  variants?: string;
  colours?: string;
  seriesRate?: number;
  notes?: string;
}

export declare const DEMO_SELLER_ID: string;
export declare const CURRENCY: string;
export declare function placeholderImageKey(slug: string): string;
export declare function demoCatalog(): DemoCatalog;
export declare function stockSeedItems(): StockSeedItem[];
export declare function catalogSeedSql(): string;
