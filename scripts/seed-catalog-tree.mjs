// The demo catalog's category tree and brands. Ids are `cat-<slug>` and `brand-<slug>`: the
// first seed used the same scheme, so databases seeded before keep their rows and links. The
// first-form categories and brands come first, in their original order (storefront positions).

/**
 * [slug, name, children?]. Siblings are positioned in the order written here. Products hang off
 * the leaves; the tree is three levels deep under every root except where a level-two category
 * is specific enough to stand alone (beauty, toys).
 * @type {ReadonlyArray<readonly [string, string, ReadonlyArray<unknown>?]>}
 */
export const CATEGORY_TREE = [
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
          ["earbuds", "Earbuds"],
        ],
      ],
      [
        "computers",
        "Computers",
        [
          ["laptops", "Laptops"],
          ["accessories", "Computer accessories"],
          ["monitors", "Monitors"],
          ["storage", "Storage drives"],
        ],
      ],
      [
        "phones-tablets",
        "Phones & Tablets",
        [
          ["phone-cases", "Phone cases"],
          ["chargers-cables", "Chargers & cables"],
          ["tablets", "Tablets"],
        ],
      ],
      [
        "smart-home",
        "Smart home",
        [
          ["smart-lighting", "Smart lighting"],
          ["home-security", "Home security"],
        ],
      ],
      [
        "wearables",
        "Wearables",
        [
          ["smartwatches", "Smartwatches"],
          ["fitness-trackers", "Fitness trackers"],
        ],
      ],
      [
        "cameras",
        "Cameras",
        [
          ["action-cameras", "Action cameras"],
          ["camera-accessories", "Camera accessories"],
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
          ["kitchen-tools", "Kitchen tools"],
          ["small-appliances", "Small appliances"],
          ["tableware", "Tableware"],
        ],
      ],
      [
        "furniture",
        "Furniture",
        [
          ["chairs", "Chairs"],
          ["desks", "Desks"],
          ["shelving", "Shelving & storage"],
        ],
      ],
      [
        "bedding-bath",
        "Bedding & Bath",
        [
          ["bedding", "Bedding"],
          ["towels", "Towels"],
        ],
      ],
      [
        "home-decor",
        "Home decor",
        [
          ["lamps", "Lamps"],
          ["candles", "Candles"],
        ],
      ],
    ],
  ],
  [
    "sports-outdoors",
    "Sports & Outdoors",
    [
      [
        "running",
        "Running",
        [
          ["running-shoes", "Running shoes"],
          ["running-apparel", "Running apparel"],
        ],
      ],
      [
        "camping",
        "Camping",
        [
          ["tents", "Tents"],
          ["sleeping-bags", "Sleeping bags"],
          ["camp-kitchen", "Camp kitchen"],
        ],
      ],
      [
        "fitness",
        "Fitness",
        [
          ["yoga", "Yoga"],
          ["strength-training", "Strength training"],
        ],
      ],
      [
        "cycling",
        "Cycling",
        [
          ["bike-accessories", "Bike accessories"],
          ["cycling-helmets", "Cycling helmets"],
        ],
      ],
    ],
  ],
  [
    "fashion",
    "Fashion",
    [
      [
        "mens",
        "Men",
        [
          ["mens-shirts", "Shirts"],
          ["mens-jackets", "Jackets"],
          ["mens-trousers", "Trousers"],
        ],
      ],
      [
        "womens",
        "Women",
        [
          ["womens-dresses", "Dresses"],
          ["womens-tops", "Tops"],
          ["womens-knitwear", "Knitwear"],
        ],
      ],
      [
        "shoes",
        "Shoes",
        [
          ["sneakers", "Sneakers"],
          ["boots", "Boots"],
        ],
      ],
      [
        "bags-accessories",
        "Bags & accessories",
        [
          ["backpacks", "Backpacks"],
          ["wallets", "Wallets"],
          ["sunglasses", "Sunglasses"],
        ],
      ],
    ],
  ],
  [
    "beauty",
    "Beauty & Personal Care",
    [
      ["skincare", "Skincare"],
      ["hair-care", "Hair care"],
    ],
  ],
  [
    "toys-games",
    "Toys & Games",
    [
      ["board-games", "Board games"],
      ["building-sets", "Building sets"],
      ["puzzles", "Puzzles"],
    ],
  ],
];

/**
 * Brand names; the slug is the lower-cased name with non-alphanumerics as hyphens
 * ("Maple & Rye" -> "maple-rye"). The first eight are the first seed's, with the same ids.
 */
export const BRAND_NAMES = [
  "Acme",
  "Northwind",
  "Globex",
  "Initech",
  "Umbrella",
  "Soylent",
  "Hooli",
  "Vandelay",
  "Sonique",
  "Auralis",
  "Kestrel",
  "Ferrox",
  "Bytecraft",
  "Voltra",
  "Shieldwell",
  "Lumio",
  "Hearthlink",
  "Pulsefit",
  "Pixelon",
  "Skyreach",
  "Copperleaf",
  "Brewhaus",
  "Whiskwell",
  "Maple & Rye",
  "Oakhurst",
  "Nordhem",
  "Linenfield",
  "Emberly",
  "Ridgeline",
  "Trailforge",
  "Alpenglow",
  "Velocita",
  "Ironbark",
  "Lotus Flow",
  "Harbour & Thread",
  "Marlowe",
  "Juniper Lane",
  "Fenwick",
  "Cobblestone",
  "Strideworks",
  "Wayfarer Goods",
  "Solstice",
  "Bloom & Dew",
  "Purely Botanica",
  "Brickwell",
  "Meeple House",
  "Jigsy",
];

/**
 * A URL slug of a name: lower case, runs of anything but letters and digits become one hyphen.
 * @param {string} name
 * @returns {string}
 */
export function slugify(name) {
  return name
    .toLowerCase()
    .replaceAll("'", "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
