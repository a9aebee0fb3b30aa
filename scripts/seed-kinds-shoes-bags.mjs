// Product kinds of the Shoes and Bags & accessories leaves (format: see seed-kinds-audio-computers.mjs).

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const SHOES_BAGS_KINDS = {
  sneakers: {
    code: "SN",
    count: 32,
    variants: "shoes",
    colours: "White|Black|Grey|Navy|Off-White/Gum",
    brands: "Strideworks|Acme|Trailforge|Cobblestone|Northwind",
    items: [
      ["Leather Sneakers", 69, 179, { adjectives: "Minimal|Low-Top|Court" }],
      ["Canvas High-Tops", 39, 89, { adjectives: "Classic|Vulcanised|Organic" }],
      ["Slip-On Sneakers", 39, 99, { adjectives: "Knit|Canvas|Lightweight" }],
      ["Retro Runners", 59, 149, { adjectives: "Suede|Nylon|Chunky" }],
      ["Skate Shoes", 49, 99, { adjectives: "Padded|Suede|Low-Profile" }],
    ],
    seriesRate: 0.45,
    materials:
      "full-grain leather uppers|organic cotton canvas|a recycled knit upper|premium suede with a gum rubber sole",
    uses: "everyday city wear|long days on your feet|weekend errands|travel",
    features:
      "a cushioned cork footbed|a natural rubber outsole|a padded collar|a removable insole|a stitched cupsole for durability|reflective details",
    attrs: { upper: "Leather|Canvas|Knit|Suede", fit: "True to size|Runs small|Runs large" },
  },
  boots: {
    code: "BT",
    count: 26,
    variants: "shoes",
    colours: "Black|Tan|Dark Brown|Oxblood",
    brands: "Cobblestone|Fenwick|Ridgeline|Northwind",
    items: [
      ["Chelsea Boots", 89, 249, { adjectives: "Leather|Suede|Lug-Sole", attrs: { upper: "Leather|Suede" } }],
      [
        "Hiking Boots",
        99,
        279,
        {
          adjectives: "Waterproof|Mid-Cut|Lightweight",
          materials: "waterproof nubuck with a Vibram lug outsole|a leather and mesh upper on a lug outsole",
          attrs: { upper: "Nubuck|Leather and mesh", waterproof: "Yes" },
        },
      ],
      [
        "Lace-Up Work Boots",
        119,
        299,
        {
          adjectives: "Goodyear-Welted|Moc-Toe|Steel-Toe",
          materials: "oiled full-grain leather|a Goodyear-welted leather upper",
          attrs: { upper: "Leather" },
        },
      ],
      [
        "Winter Snow Boots",
        79,
        199,
        {
          adjectives: "Insulated|Shearling-Lined|Waterproof",
          materials:
            "waterproof leather with shearling lining|a quilted waterproof shell and faux-fur lining",
          attrs: { upper: "Leather|Nylon", waterproof: "Yes" },
        },
      ],
      [
        "Ankle Boots",
        79,
        219,
        {
          adjectives: "Block-Heel|Zip-Up|Suede",
          materials: "water-resistant suede|smooth calf leather",
          attrs: { upper: "Suede|Leather" },
        },
      ],
    ],
    seriesRate: 0.35,
    materials: "oiled full-grain leather|water-resistant suede|a Vibram lug outsole|shearling lining",
    uses: "wet winter commutes|trail hiking|workshop days|evenings out",
    features:
      "a Goodyear-welted, resoleable build|a waterproof membrane|elastic side panels for easy on and off|insulation rated to -20°C|a cushioned leather insole|a grippy lug sole",
    attrs: { upper: "Leather|Suede|Nubuck", waterproof: "Yes|Water-resistant|No" },
  },
  backpacks: {
    code: "BP",
    count: 40,
    variants: "colour",
    colours: "Black|Navy|Olive|Sand|Burgundy",
    brands: "Wayfarer Goods|Ridgeline|Northwind|Vandelay|Acme",
    items: [
      ["Laptop Backpack", 49, 179, { adjectives: "Anti-Theft|Commuter|Roll-Top" }],
      ["Hiking Daypack", 39, 149, { adjectives: "20-Litre|Ventilated|Lightweight" }],
      ["Travel Backpack", 99, 249, { adjectives: "40-Litre|Carry-On|Expandable" }],
      ["Weekender Duffel Bag", 59, 199, { adjectives: "Waxed Canvas|Leather|Packable" }],
      ["Sling Bag", 24, 79, { adjectives: "Crossbody|Water-Resistant|Mini" }],
      ["Tote Bag", 24, 99, { adjectives: "Canvas|Zip-Top|Leather" }],
    ],
    seriesRate: 0.4,
    materials:
      "recycled 600D polyester|waxed cotton canvas|water-resistant ballistic nylon|full-grain leather trims",
    uses: "daily commutes|carry-on travel|day hikes|gym and work|weekend getaways",
    features:
      "a padded 16-inch laptop sleeve|a luggage pass-through strap|hidden anti-theft pockets|YKK zips|a lifetime warranty|a clamshell opening|a hydration sleeve",
    attrs: { capacity: "12 litres|20 litres|28 litres|40 litres", laptop: '13"|15"|16"|None' },
  },
  wallets: {
    code: "WL",
    count: 30,
    variants: "colour",
    colours: "Black|Cognac|Dark Brown|Navy",
    brands: "Wayfarer Goods|Fenwick|Marlowe|Vandelay",
    items: [
      ["Slim Card Holder", 19, 59, { adjectives: "Leather|RFID-Blocking|Minimalist" }],
      ["Bifold Wallet", 29, 99, { adjectives: "Leather|Coin-Pocket|RFID-Blocking" }],
      ["Travel Passport Wallet", 29, 79, { adjectives: "Zip-Around|Leather|Family" }],
      [
        "Key Organiser",
        15,
        39,
        {
          adjectives: "Leather|Compact|Aluminium",
          materials: "vegetable-tanned leather|anodised aluminium",
          features:
            "a rattle-free stack for up to 8 keys|a built-in bottle opener|a loop for a car fob|a pocket-friendly profile",
          attrs: { cards: null },
        },
      ],
      [
        "Leather Belt",
        29,
        89,
        {
          adjectives: "Full-Grain|Reversible|Braided",
          materials: "vegetable-tanned full-grain leather|a braided leather strap",
          features:
            "a solid brass buckle|a 35 mm width|hand-finished edges|leather that develops a rich patina",
          attrs: { cards: null, material: "Full-grain leather" },
        },
      ],
    ],
    seriesRate: 0.3,
    materials:
      "vegetable-tanned full-grain leather|recycled leather fibres|waxed canvas and leather|anodised aluminium",
    uses: "everyday carry|international travel|minimalist pockets|gifting",
    features:
      "RFID-blocking lining|space for up to eight cards|hand-stitched edges|a quick-access pull tab|a note compartment|leather that develops a rich patina",
    attrs: { material: "Full-grain leather|Recycled leather|Canvas|Aluminium", cards: "4|6|8|12" },
  },
  sunglasses: {
    code: "SG",
    count: 30,
    variants: "colour",
    colours: "Black|Tortoise|Crystal Clear|Gold",
    brands: "Solstice|Wayfarer Goods|Pulsefit|Vandelay",
    items: [
      ["Polarised Sunglasses", 29, 189, { adjectives: "Classic|Oversized|Round" }],
      ["Aviator Sunglasses", 39, 199, { adjectives: "Metal|Polarised|Mirrored" }],
      ["Sport Sunglasses", 39, 179, { adjectives: "Wraparound|Photochromic|Cycling" }],
      ["Blue Light Glasses", 19, 69, { adjectives: "Square|Round|Lightweight" }],
      ["Kids' Sunglasses", 12, 35, { adjectives: "Flexible|Polarised|Unbreakable" }],
    ],
    seriesRate: 0.4,
    materials:
      "hand-polished acetate frames|lightweight titanium|flexible TR90 nylon|scratch-resistant polycarbonate lenses",
    uses: "summer road trips|cycling|days at the beach|screen-heavy workdays",
    features:
      "UV400 protection|polarised lenses that cut glare|spring hinges|a protective hard case and cloth|photochromic lenses that adapt to light|non-slip nose pads",
    attrs: {
      lens: "Polarised|Mirrored|Photochromic|Blue light filter",
      frame: "Acetate|Titanium|TR90|Metal",
    },
  },
};
