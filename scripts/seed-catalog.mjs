// The demo catalog's seed SQL. First form: a three-level category tree and brands, so the
// storefront has real data to show; products follow with the catalog work.
import { quote } from "./sql.mjs";

const CREATED = Date.UTC(2026, 0, 1);

/** [slug, name, children] — positions follow the order here. */
const TREE = [
  [
    "electronics",
    "Electronics",
    [
      [
        "audio",
        "Audio",
        [
          ["headphones", "Headphones"],
          ["speakers", "Speakers"],
        ],
      ],
      [
        "computers",
        "Computers",
        [
          ["laptops", "Laptops"],
          ["accessories", "Computer accessories"],
        ],
      ],
    ],
  ],
  [
    "home-kitchen",
    "Home & Kitchen",
    [
      [
        "kitchen",
        "Kitchen",
        [
          ["cookware", "Cookware"],
          ["coffee-tea", "Coffee & Tea"],
        ],
      ],
      ["furniture", "Furniture", []],
    ],
  ],
  [
    "sports-outdoors",
    "Sports & Outdoors",
    [
      ["running", "Running", [["running-shoes", "Running shoes"]]],
      ["camping", "Camping", []],
    ],
  ],
  [
    "fashion",
    "Fashion",
    [
      ["mens", "Men", [["mens-shirts", "Shirts"]]],
      ["womens", "Women", [["womens-dresses", "Dresses"]]],
    ],
  ],
];

const BRANDS = ["Acme", "Northwind", "Globex", "Initech", "Umbrella", "Soylent", "Hooli", "Vandelay"];

function categoryRows(nodes, parentId, rows) {
  nodes.forEach(([slug, name, children = []], position) => {
    const id = `cat-${slug}`;
    rows.push([id, slug, name, parentId, position, CREATED]);
    categoryRows(children, id, rows);
  });
  return rows;
}

/** INSERT OR IGNORE statements: stable ids make a second run a no-op. */
export function catalogSeedSql() {
  const categories = categoryRows(TREE, null, []).map(
    (row) =>
      `INSERT OR IGNORE INTO categories (id, slug, name, parent_id, position, created_at) VALUES (${row.map(quote).join(", ")});`,
  );
  const brands = BRANDS.map(
    (name) =>
      `INSERT OR IGNORE INTO brands (id, slug, name, created_at) VALUES (${[
        `brand-${name.toLowerCase()}`,
        name.toLowerCase(),
        name,
        CREATED,
      ]
        .map(quote)
        .join(", ")});`,
  );
  return [...categories, ...brands].join("\n");
}
