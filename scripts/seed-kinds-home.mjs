// Product kinds of the Furniture, Bedding & Bath and Home decor leaves
// (format: see seed-kinds-audio-computers.mjs).

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const HOME_KINDS = {
  chairs: {
    code: "CH",
    count: 35,
    variants: "colour",
    colours: "Charcoal|Oatmeal|Black|Walnut|Forest Green",
    brands: "Oakhurst|Nordhem|Vandelay|Initech",
    items: [
      ["Ergonomic Office Chair", 149, 899, { adjectives: "Mesh|High-Back|Adjustable" }],
      ["Dining Chair Set of 2", 99, 399, { adjectives: "Oak|Upholstered|Wishbone" }],
      ["Lounge Armchair", 199, 899, { adjectives: "Mid-Century|Bouclé|Leather" }],
      ["Bar Stool", 49, 199, { adjectives: "Swivel|Counter-Height|Rattan" }],
      ["Gaming Chair", 149, 449, { adjectives: "Reclining|Fabric|Racing-Style" }],
    ],
    materials:
      "solid oak and a woven seat|breathable mesh with an aluminium base|performance bouclé upholstery|top-grain leather",
    uses: "long working days|family dinners|reading corners|kitchen islands|marathon gaming sessions",
    features:
      "adjustable lumbar support|4D armrests|a synchronised tilt mechanism|a 12-year warranty|tool-free assembly|a 150 kg weight capacity|stain-resistant fabric",
    attrs: { material: "Oak|Mesh|Bouclé|Leather|Steel", capacity: "120 kg|150 kg" },
  },
  desks: {
    code: "DK",
    count: 30,
    brands: "Oakhurst|Nordhem|Initech|Vandelay",
    items: [
      [
        "Standing Desk",
        249,
        899,
        {
          adjectives: "Electric|Dual-Motor|Memory-Preset",
          features:
            "height adjustment from 65 to 130 cm|four memory presets|anti-collision detection|integrated cable management|a whisper-quiet motor|a 100 kg lifting capacity",
        },
      ],
      [
        "Writing Desk",
        99,
        399,
        {
          adjectives: "Oak|Compact|Mid-Century",
          features:
            "a built-in drawer|integrated cable management|tapered solid-wood legs|a compact footprint|tool-free assembly",
        },
      ],
      [
        "Corner Desk",
        149,
        499,
        {
          adjectives: "L-Shaped|Reversible|Walnut",
          features:
            "a reversible L-shape|integrated cable management|a monitor shelf|levelling feet|a built-in drawer",
        },
      ],
      ["Desk Converter", 99, 299, { adjectives: "Sit-Stand|Gas-Spring|Wide" }],
      ["Monitor Riser", 19, 79, { adjectives: "Bamboo|Steel|Drawer" }],
    ],
    adjectives: "Home Office|Minimalist|Solid Wood",
    materials:
      "a solid oak top on a powder-coated steel frame|FSC-certified bamboo|walnut veneer|a scratch-resistant laminate top",
    uses: "working from home|small apartments|dual-monitor setups|homework stations",
    features:
      "integrated cable management|a sturdy, wobble-free frame|height adjustment in seconds|a scratch-resistant finish|a compact footprint",
    attrs: { width: "100 cm|120 cm|140 cm|160 cm", material: "Oak|Bamboo|Walnut veneer|Laminate" },
  },
  shelving: {
    code: "SH",
    count: 43,
    brands: "Oakhurst|Nordhem|Vandelay|Acme",
    items: [
      ["Bookcase", 79, 399, { adjectives: "5-Shelf|Ladder|Oak" }],
      ["Floating Shelves Set", 19, 79, { adjectives: "Walnut|Oak|Metal-Bracket" }],
      ["Storage Baskets 3-Pack", 19, 59, { adjectives: "Seagrass|Cotton Rope|Felt" }],
      ["Shoe Rack", 24, 129, { adjectives: "4-Tier|Bamboo|Stackable" }],
      ["Sideboard", 249, 899, { adjectives: "Mid-Century|Oak|Rattan" }],
      ["Garage Shelving Unit", 59, 199, { adjectives: "Heavy-Duty|Boltless|5-Tier" }],
    ],
    materials: "solid pine|oak veneer on engineered wood|powder-coated steel|hand-woven seagrass",
    uses: "growing book collections|hallways|tidy living rooms|garage organisation|kids' rooms",
    features:
      "adjustable shelves|a wall anchor kit|a 90 kg shelf capacity|tool-free assembly|concealed fixings|soft-close doors",
    attrs: { material: "Pine|Oak veneer|Steel|Seagrass|Bamboo", height: "80 cm|120 cm|180 cm" },
  },
  bedding: {
    code: "BD",
    count: 40,
    variants: "bed",
    brands: "Linenfield|Nordhem|Harbour & Thread|Maple & Rye",
    items: [
      ["Duvet Cover Set", 59, 249, { adjectives: "Washed Linen|Organic Cotton|Percale" }],
      ["Sheet Set", 49, 199, { adjectives: "Sateen|Bamboo|Flannel|Linen" }],
      [
        "Down Alternative Duvet",
        69,
        249,
        {
          adjectives: "All-Season|Lightweight|Winter",
          materials: "hypoallergenic microfibre fill in a cotton cover|a silky down-alternative cluster fill",
          features:
            "box stitching that keeps the fill in place|corner tabs|machine washability|OEKO-TEX certification|a fluffy, lofty feel",
          attrs: { material: "Microfibre", weave: "Percale" },
        },
      ],
      [
        "Memory Foam Pillow",
        29,
        99,
        {
          variants: "none",
          adjectives: "Contour|Cooling|Shredded",
          materials:
            "CertiPUR-certified memory foam in a bamboo cover|shredded memory foam in a cooling cover",
          features:
            "an adjustable fill|a removable, washable cover|cervical support for side sleepers|a breathable cooling cover|OEKO-TEX certification",
          attrs: { material: "Memory foam", weave: null },
        },
      ],
      [
        "Mattress Topper",
        69,
        299,
        {
          adjectives: "Memory Foam|Down|Cooling Gel",
          materials: "5 cm of gel-infused memory foam|a baffle-box down-alternative fill",
          features:
            "elastic corner straps|a breathable cooling cover|pressure relief for hips and shoulders|machine-washable cover|OEKO-TEX certification",
          attrs: { material: "Memory foam|Down alternative", weave: null },
        },
      ],
      [
        "Weighted Blanket",
        79,
        199,
        {
          variants: "none",
          adjectives: "7 kg|9 kg|Cooling",
          materials: "glass beads quilted into a cotton shell|a breathable bamboo cover over glass beads",
          features:
            "even weight distribution|a removable washable cover|corner ties|a calming, cocooning feel|OEKO-TEX certification",
          attrs: { material: "Cotton|Bamboo", weave: null },
        },
      ],
    ],
    materials:
      "stonewashed European flax linen|400-thread-count organic cotton|breathable bamboo lyocell|hypoallergenic microfibre fill",
    uses: "hot sleepers|winter nights|guest rooms|lazy weekend lie-ins",
    features:
      "OEKO-TEX certification|deep pockets that fit 40 cm mattresses|corner ties that keep the duvet in place|a naturally temperature-regulating weave|machine washability|a softer feel with every wash",
    attrs: {
      material: "Linen|Organic cotton|Bamboo lyocell|Microfibre",
      weave: "Percale|Sateen|Linen|Flannel",
    },
    notes: "Machine wash warm, tumble dry low.|Wash before first use for extra softness.",
  },
  towels: {
    code: "TL",
    count: 30,
    variants: "colour",
    colours: "White|Stone|Sage|Navy|Blush",
    brands: "Linenfield|Harbour & Thread|Nordhem",
    items: [
      ["Bath Towel Set", 29, 99, { adjectives: "6-Piece|Turkish Cotton|Quick-Dry" }],
      ["Bath Sheet", 24, 59, { adjectives: "Oversized|Waffle|Plush" }],
      ["Beach Towel", 19, 49, { adjectives: "Striped|Sand-Free|Turkish" }],
      ["Bath Mat", 15, 39, { adjectives: "Non-Slip|Memory Foam|Cotton Tufted" }],
      ["Bathrobe", 39, 119, { variants: "apparel", adjectives: "Waffle|Plush|Lightweight" }],
    ],
    materials:
      "long-staple Turkish cotton|absorbent 700 gsm terry|quick-drying waffle weave|soft recycled microfibre",
    uses: "spa days at home|the gym bag|beach holidays|guest bathrooms",
    features:
      "quick drying|fade-resistant dyes|double-stitched hems|a hanging loop|high absorbency|softness that lasts wash after wash",
    attrs: {
      weight: "500 gsm|600 gsm|700 gsm",
      material: "Turkish cotton|Egyptian cotton|Waffle cotton|Microfibre",
    },
  },
  lamps: {
    code: "LP",
    count: 48,
    brands: "Lumio|Nordhem|Oakhurst|Vandelay",
    items: [
      ["Floor Lamp", 59, 349, { adjectives: "Arc|Tripod|Dimmable" }],
      ["Table Lamp", 29, 199, { adjectives: "Ceramic|Mushroom|Touch-Dimmable" }],
      ["LED Desk Lamp", 24, 129, { adjectives: "Architect|Clamp|Wireless-Charging" }],
      ["Pendant Light", 49, 299, { adjectives: "Rattan|Glass Globe|Linen" }],
      ["Wall Sconce", 39, 159, { adjectives: "Plug-In|Brass|Swing-Arm" }],
    ],
    materials:
      "hand-glazed ceramic and a linen shade|solid brass|natural rattan|opal glass|powder-coated steel",
    uses: "reading nooks|bedside tables|home offices|dining rooms|soft evening light",
    features:
      "a dimmer with three colour temperatures|an E27 bulb fitting|a 2 m braided fabric cord|a weighted base|a USB-C charging port|energy-efficient LED included",
    attrs: { bulb: "E27|E14|Integrated LED", material: "Ceramic|Brass|Rattan|Glass|Steel" },
  },
  candles: {
    code: "CD",
    count: 45,
    brands: "Emberly|Maple & Rye|Bloom & Dew|Purely Botanica",
    items: [
      [
        "Scented Candle",
        14,
        59,
        { adjectives: "Fig and Cedar|Sea Salt|Amber and Vanilla|Fresh Linen|Pine Forest" },
      ],
      ["Three-Wick Candle", 29, 69, { adjectives: "Sandalwood|Citrus Grove|Tobacco and Oak" }],
      ["Reed Diffuser", 19, 59, { adjectives: "Lavender|Bergamot|White Tea|Eucalyptus" }],
      ["Beeswax Taper Candles", 12, 29, { adjectives: "Hand-Dipped|Unscented|Twisted" }],
      ["Candle Gift Set", 29, 79, { adjectives: "Travel-Tin|Seasonal|Discovery" }],
    ],
    materials: "a natural soy-coconut wax blend|pure beeswax|a reusable amber glass vessel|rattan reeds",
    uses: "unwinding after work|long baths|dinner parties|gifting",
    features:
      "a 50-hour burn time|cotton wicks|phthalate-free fragrance oils|a clean, soot-free burn|a hand-poured finish|up to three months of scent",
    attrs: { burn: "25 hours|50 hours|80 hours|Not applicable", wax: "Soy-coconut|Beeswax|Not applicable" },
    notes: "Trim the wick to 5 mm before each burn.|Never leave a burning candle unattended.",
  },
};
