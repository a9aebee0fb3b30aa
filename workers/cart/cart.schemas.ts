/** One line of a cart as stored: a SKU and how many. Prices are looked up live, never stored. */
export interface CartLine {
  sku: string;
  quantity: number;
}

/** A cart as the CartDO holds it; the API's priced cart (totals, coupon) is built from this. */
export interface CartContents {
  id: string;
  lines: CartLine[];
}
