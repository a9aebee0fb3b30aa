// Product kinds of the Kitchen leaves (format: see seed-kinds-audio-computers.mjs).

/** Knives share materials, features and attributes whatever the item. */
const KNIFE = {
  materials: "high-carbon German steel with a pakkawood handle|67-layer Damascus steel|Japanese VG-10 steel",
  features:
    "a full-tang handle|a razor-sharp 15° edge|a balanced bolster|a protective blade guard|rust resistance",
  attrs: { material: "German steel|Damascus steel|VG-10 steel", dishwasher: "Hand wash recommended" },
};

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const KITCHEN_KINDS = {
  cookware: {
    code: "CW",
    count: 58,
    brands: "Copperleaf|Acme|Whiskwell|Soylent|Maple & Rye",
    items: [
      [
        "Frying Pan",
        19,
        149,
        {
          adjectives: "Non-Stick|Cast Iron|Carbon Steel|Tri-Ply",
          materials:
            "pre-seasoned cast iron|a PFAS-free ceramic coating over aluminium|tri-ply stainless steel|hand-hammered carbon steel",
        },
      ],
      ["Cookware Set", 99, 699, { adjectives: "10-Piece|Stainless Steel|Ceramic Non-Stick|Induction" }],
      [
        "Dutch Oven",
        49,
        349,
        {
          adjectives: "Enamelled Cast Iron|5.5-Quart|Oval",
          materials: "enamelled cast iron",
          attrs: { material: "Enamelled cast iron" },
        },
      ],
      [
        "Saucepan",
        24,
        129,
        {
          adjectives: "Stainless Steel|Copper-Core|Non-Stick",
          materials:
            "tri-ply stainless steel|a copper core wrapped in stainless steel|a PFAS-free ceramic coating over aluminium",
          attrs: { material: "Stainless steel|Copper-core steel|Ceramic-coated aluminium" },
        },
      ],
      [
        "Wok",
        29,
        129,
        {
          adjectives: "Carbon Steel|Flat-Bottom|Hand-Hammered",
          materials: "hand-hammered carbon steel|pre-seasoned carbon steel",
          attrs: { material: "Carbon steel" },
        },
      ],
      [
        "Baking Sheet Set",
        19,
        59,
        {
          adjectives: "Aluminium|Non-Stick|Rimmed",
          materials: "heavy-gauge aluminium|aluminised steel with a non-stick coating",
          attrs: { material: "Aluminium", hob: null },
        },
      ],
      [
        "Stockpot",
        39,
        179,
        {
          adjectives: "12-Quart|Stainless Steel|Heavy-Gauge",
          materials: "heavy-gauge stainless steel with an encapsulated base",
          attrs: { material: "Stainless steel" },
        },
      ],
    ],
    materials:
      "tri-ply stainless steel|pre-seasoned cast iron|a PFAS-free ceramic coating|heavy-gauge aluminium with a stainless base|hand-hammered carbon steel",
    uses: "weeknight stir-fries|slow-cooked stews|searing steaks|baking bread|family batch cooking",
    features:
      "compatibility with every hob including induction|oven safety to 260°C|stay-cool riveted handles|tempered glass lids|even heat without hot spots|dishwasher-safe construction|a lifetime warranty",
    attrs: {
      material: "Stainless steel|Cast iron|Carbon steel|Ceramic-coated aluminium",
      hob: "All hobs incl. induction|Gas and electric",
    },
    notes: "Season before first use for the best release.|Hand washing keeps the finish at its best.",
  },
  "coffee-tea": {
    code: "CT",
    count: 50,
    brands: "Brewhaus|Copperleaf|Soylent|Maple & Rye|Acme",
    items: [
      [
        "Whole Bean Coffee",
        9,
        24,
        {
          variants: "bag",
          adjectives:
            "Single-Origin Ethiopian|Dark Roast|Colombian Medium Roast|Decaf Swiss Water|Espresso Blend",
          materials:
            "speciality-grade arabica beans roasted in small batches|direct-trade beans in a resealable valve bag",
          features:
            "tasting notes of chocolate and stone fruit|a roast date printed on every bag|beans shipped within a week of roasting|a medium body with low acidity|a resealable one-way valve|notes of caramel and toasted hazelnut",
          attrs: {
            origin: "Ethiopia|Colombia|Brazil|Guatemala|Blend",
            roast: "Light|Medium|Dark",
            capacity: null,
          },
        },
      ],
      ["Pour-Over Coffee Maker", 19, 69, { adjectives: "Glass|Ceramic|Stainless Steel" }],
      ["French Press", 19, 79, { adjectives: "Double-Walled|Glass|Insulated" }],
      ["Burr Coffee Grinder", 39, 299, { adjectives: "Conical|Electric|Manual" }],
      [
        "Loose Leaf Tea",
        7,
        24,
        {
          variants: "bag",
          adjectives: "Earl Grey|Sencha Green|Chamomile|Masala Chai|Oolong",
          materials: "whole-leaf organic tea in a compostable pouch|hand-picked leaves in a resealable tin",
          features:
            "whole leaves that unfurl as they steep|organic certification|about 50 cups per 100 g|steeping guidance on every pack|a resealable tin|a naturally sweet finish",
          attrs: { origin: "China|Japan|India|Sri Lanka|Taiwan", capacity: null },
        },
      ],
      ["Gooseneck Kettle", 29, 149, { adjectives: "Electric|Temperature-Control|Stovetop" }],
      ["Espresso Machine", 199, 1299, { adjectives: "Dual-Boiler|Semi-Automatic|Compact" }],
      ["Travel Mug", 15, 39, { variants: "colour", adjectives: "Insulated|Leak-Proof|Ceramic-Lined" }],
    ],
    colours: "Matte Black|Stainless|Sage|Cream",
    materials:
      "borosilicate glass|double-walled stainless steel|stoneware with a walnut lid|flat steel burrs and a die-cast body",
    uses: "slow Sunday mornings|the office desk|brewing for a crowd|dialling in espresso|afternoon tea",
    features:
      "40 grind settings|temperature control to the degree|a built-in brew timer|a 15-bar pump|a leak-proof lid|a reusable stainless filter|a drip-free pour|easy one-piece cleaning",
    attrs: { capacity: "350 ml|600 ml|1 litre|1.7 litres" },
  },
  "kitchen-tools": {
    code: "KT",
    count: 65,
    brands: "Whiskwell|Acme|Copperleaf|Maple & Rye|Soylent",
    items: [
      ["Chef's Knife", 24, 199, { adjectives: "8-inch|Japanese Steel|Damascus|Forged", ...KNIFE }],
      ["Knife Block Set", 69, 399, { adjectives: "7-Piece|Magnetic|Forged", ...KNIFE }],
      [
        "Cutting Board",
        15,
        79,
        {
          adjectives: "End-Grain Walnut|Bamboo|Reversible",
          materials: "end-grain walnut|organic bamboo|FSC-certified acacia",
          features:
            "a deep juice groove|non-slip feet|a reversible design|knife-friendly fibres|built-in handles",
          attrs: { material: "Walnut|Bamboo|Acacia", dishwasher: "Hand wash recommended" },
        },
      ],
      [
        "Digital Kitchen Scale",
        12,
        49,
        {
          adjectives: "Precision|Rechargeable|Slim",
          materials: "a tempered glass platform|a brushed stainless-steel top",
          features:
            "1 g precision|a tare function|grams, ounces and millilitres|USB-C recharging|a 5 kg capacity",
          attrs: { material: "Glass|Stainless steel", dishwasher: "No" },
        },
      ],
      ["Utensil Set", 15, 59, { adjectives: "Silicone|Olive Wood|Stainless Steel" }],
      ["Mixing Bowl Set", 19, 79, { adjectives: "Nesting|Stainless Steel|Glass" }],
      [
        "Instant-Read Thermometer",
        14,
        99,
        {
          adjectives: "Digital|Wireless|Waterproof",
          materials: "a waterproof body and a stainless-steel probe",
          features:
            "a 2-second read time|a backlit display|accuracy to ±0.5°C|a fridge magnet|calibration on demand",
          attrs: { material: "Stainless steel and ABS", dishwasher: "No" },
        },
      ],
      ["Food Storage Container Set", 19, 69, { adjectives: "Glass|Airtight|Stackable" }],
      ["Salad Spinner", 15, 39],
    ],
    materials:
      "food-grade silicone|olive wood|borosilicate glass with bamboo lids|brushed stainless steel|BPA-free Tritan",
    uses: "meal prep|everyday chopping|precise baking|holiday roasts|packed lunches",
    features:
      "non-slip bases|dishwasher-safe parts|BPA-free materials|nesting storage|airtight lids|heat resistance to 230°C|a matching storage stand",
    attrs: { material: "Steel|Olive wood|Silicone|Glass", dishwasher: "Yes|Hand wash recommended" },
  },
  "small-appliances": {
    code: "SA",
    count: 45,
    variants: "colour",
    colours: "White|Black|Stainless|Sage|Red",
    brands: "Acme|Soylent|Copperleaf|Whiskwell|Globex|Brewhaus",
    items: [
      ["Air Fryer", 59, 249, { adjectives: "5.5-Litre|Dual-Basket|Digital" }],
      ["Blender", 39, 499, { adjectives: "High-Speed|Personal|Vacuum" }],
      ["Stand Mixer", 149, 649, { adjectives: "Tilt-Head|Bowl-Lift|Compact" }],
      ["Toaster", 24, 149, { adjectives: "2-Slice|4-Slice|Long-Slot" }],
      ["Electric Kettle", 24, 129, { adjectives: "Variable-Temperature|Glass|Cordless" }],
      ["Slow Cooker", 39, 149, { adjectives: "6-Quart|Programmable|Searing" }],
      ["Food Processor", 59, 299, { adjectives: "11-Cup|Compact|Dicing" }],
    ],
    adjectives: "Digital|Compact|Quiet",
    materials:
      "a brushed stainless-steel body|a BPA-free Tritan jar|a die-cast metal housing|tempered glass and stainless steel",
    uses: "crispy weeknight dinners|morning smoothies|weekend baking|batch cooking|small kitchens",
    features:
      "one-touch presets|a keep-warm mode|dishwasher-safe accessories|auto shut-off|a digital countdown timer|a cool-touch exterior|a compact footprint|a two-year warranty",
    attrs: { power: "800 W|1,200 W|1,500 W|1,800 W", capacity: "1.7 litres|4.8 litres|5.5 litres|6 quarts" },
  },
  tableware: {
    code: "TW",
    count: 45,
    variants: "colour",
    colours: "Speckled White|Slate|Terracotta|Ocean",
    brands: "Maple & Rye|Copperleaf|Soylent|Nordhem",
    items: [
      ["Dinnerware Set", 49, 249, { adjectives: "16-Piece|Stoneware|Porcelain" }],
      [
        "Wine Glasses Set of 4",
        24,
        99,
        {
          variants: "none",
          adjectives: "Crystal|Stemless|Hand-Blown",
          materials: "lead-free crystal|hand-blown borosilicate glass",
          attrs: { pieces: "4", material: "Crystal|Glass" },
        },
      ],
      [
        "Cutlery Set",
        29,
        149,
        {
          adjectives: "24-Piece|Matte Black|Brushed Gold",
          materials: "18/10 stainless steel|PVD-coated stainless steel",
          attrs: { pieces: "16|24", material: "Stainless steel" },
        },
      ],
      ["Serving Platter", 19, 79, { adjectives: "Oval|Marble|Acacia Wood" }],
      ["Coffee Mug Set", 19, 49, { adjectives: "Stoneware|Handmade|Stackable" }],
      ["Pasta Bowl Set", 24, 69, { adjectives: "Wide-Rim|Stoneware|Reactive-Glaze" }],
    ],
    materials: "reactive-glaze stoneware|fine porcelain|hand-thrown stoneware|matte-glazed porcelain",
    uses: "everyday family meals|dinner parties|festive hosting|slow weekend brunches",
    features:
      "microwave and dishwasher safety|chip-resistant finishes|a hand-finished look with subtle variation|stackable storage|a balanced weight in the hand|a service for four",
    attrs: { pieces: "4|12|16", material: "Stoneware|Porcelain" },
  },
};
