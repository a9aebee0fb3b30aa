// Product kinds of the Running and Camping leaves (format: see seed-kinds-audio-computers.mjs).

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const RUNNING_CAMPING_KINDS = {
  "running-shoes": {
    code: "RS",
    count: 36,
    variants: "shoes",
    colours: "Black/White|Volt|Ocean Blue|Grey/Orange|Coral",
    brands: "Trailforge|Strideworks|Acme|Northwind|Velocita",
    items: [
      ["Trail Running Shoes", 79, 189, { adjectives: "Waterproof|Grippy|Lightweight" }],
      ["Road Running Shoes", 69, 179, { adjectives: "Cushioned|Neutral|Stability" }],
      ["Racing Shoes", 129, 249, { adjectives: "Carbon-Plated|Featherweight|Tempo" }],
      ["Walking Shoes", 59, 139, { adjectives: "Supportive|Wide-Fit|Breathable" }],
    ],
    seriesRate: 0.6,
    materials:
      "an engineered mesh upper|a nitrogen-infused foam midsole|a sticky rubber lug outsole|a recycled knit upper",
    uses: "long road miles|technical mountain trails|race day|tempo sessions|everyday walking",
    features:
      "a 6 mm heel-to-toe drop|a rock plate under the forefoot|a carbon-fibre plate|a gusseted tongue that keeps debris out|a reflective heel tab|a roomy toe box|a waterproof membrane",
    attrs: {
      drop: "4 mm|6 mm|8 mm|10 mm",
      weight: "210 g|250 g|290 g|320 g",
      terrain: "Road|Trail|Track|Mixed",
    },
  },
  "running-apparel": {
    code: "RA",
    count: 32,
    variants: "apparel",
    colours: "Black|Neon Yellow|Cobalt|Slate|Berry",
    brands: "Trailforge|Pulsefit|Northwind|Velocita|Acme",
    items: [
      ["Running Shorts", 19, 59, { adjectives: "5-Inch|2-in-1|Split" }],
      ["Running Tights", 29, 89, { adjectives: "Thermal|Compression|Pocketed" }],
      ["Technical Running Tee", 19, 59, { adjectives: "Lightweight|Seamless|Merino" }],
      ["Running Jacket", 49, 179, { adjectives: "Windproof|Packable|Waterproof" }],
      ["Running Vest", 49, 149, { variants: "colour", adjectives: "Hydration|Race|Trail" }],
      ["Running Socks 3-Pack", 14, 29, { adjectives: "Cushioned|Anti-Blister|No-Show" }],
    ],
    seriesRate: 0.4,
    materials:
      "quick-drying recycled polyester|soft merino wool|a four-way stretch knit|a lightweight ripstop shell",
    uses: "winter training runs|summer races|long trail days|early-morning miles",
    features:
      "flatlock seams that prevent chafing|a zipped phone pocket|reflective details for low light|odour control|laser-cut ventilation|a drawcord waistband",
    attrs: { fit: "Slim|Regular|Compression", material: "Recycled polyester|Merino|Nylon blend" },
  },
  tents: {
    code: "TN",
    count: 30,
    brands: "Ridgeline|Alpenglow|Northwind|Acme",
    items: [
      ["2-Person Backpacking Tent", 149, 499, { adjectives: "Ultralight|Freestanding|3-Season" }],
      ["4-Person Family Tent", 149, 449, { adjectives: "Instant|Tunnel|Dome" }],
      ["6-Person Cabin Tent", 199, 599, { adjectives: "Instant|Two-Room|Blackout" }],
      ["Camping Hammock", 29, 99, { adjectives: "Parachute Nylon|Bug-Net|Double" }],
      ["Tarp Shelter", 39, 149, { adjectives: "Ultralight|Silnylon|Hex" }],
    ],
    materials:
      "a silicone-coated ripstop nylon fly|lightweight aluminium poles|a bathtub-style waterproof floor|breathable polyester inner mesh",
    uses: "backpacking trips|family campsites|festival weekends|bikepacking|alpine nights",
    features:
      "a 3,000 mm hydrostatic head|two doors and two vestibules|colour-coded poles for a five-minute pitch|a packed weight under 1.5 kg|storm guy-lines|interior gear pockets",
    attrs: {
      capacity: "1 person|2 people|4 people|6 people",
      season: "3-season|4-season",
      weight: "1.2 kg|2.4 kg|6.8 kg|9.5 kg",
    },
  },
  "sleeping-bags": {
    code: "SB",
    count: 30,
    brands: "Alpenglow|Ridgeline|Northwind",
    items: [
      ["Down Sleeping Bag", 149, 499, { adjectives: "0°C|-10°C|Ultralight" }],
      ["Synthetic Sleeping Bag", 49, 179, { adjectives: "Mummy|Rectangular|3-Season" }],
      ["Sleeping Pad", 39, 199, { adjectives: "Insulated|Self-Inflating|Foam" }],
      ["Camping Pillow", 14, 49, { adjectives: "Inflatable|Compressible|Ultralight" }],
      ["Kids' Sleeping Bag", 29, 79, { adjectives: "Printed|Warm|Packable" }],
    ],
    materials:
      "responsibly sourced 800-fill goose down|a recycled synthetic fill|a 20-denier ripstop shell|brushed polyester lining",
    uses: "alpine camping|summer festivals|sleepovers|winter backpacking",
    features:
      "a comfort rating to -5°C|a draught collar|a two-way zip|a compression sack|an R-value of 4.2|a contoured hood",
    attrs: { comfort: "10°C|5°C|0°C|-5°C|-10°C", weight: "450 g|850 g|1.2 kg|1.8 kg" },
  },
  "camp-kitchen": {
    code: "CK",
    count: 45,
    brands: "Ridgeline|Alpenglow|Acme|Copperleaf",
    items: [
      [
        "Backpacking Stove",
        29,
        129,
        {
          adjectives: "Canister|Multi-Fuel|Integrated",
          features:
            "a boil time under three minutes|piezo ignition|a wind-resistant burner|a simmer control|a folding pot support",
        },
      ],
      [
        "Camping Cookset",
        29,
        119,
        {
          adjectives: "Titanium|Nesting|Non-Stick",
          features:
            "a nesting design that saves pack space|folding handles|a strainer lid|a mesh stuff sack|room for a gas canister inside",
        },
      ],
      [
        "Insulated Water Bottle",
        19,
        49,
        {
          variants: "colour",
          adjectives: "1-Litre|Wide-Mouth|Vacuum",
          materials: "double-wall vacuum-insulated stainless steel|powder-coated 18/8 stainless steel",
          features:
            "a leak-proof lid|drinks cold for 24 hours or hot for 12|a wide mouth that takes ice cubes|a sweat-free exterior|a carry loop",
        },
      ],
      [
        "Cooler Box",
        49,
        349,
        {
          adjectives: "Rotomoulded|45-Litre|Soft-Sided",
          materials: "rotomoulded polyethylene with pressure-injected foam|a welded waterproof fabric shell",
          features:
            "ice retention for five days|a freezer-grade gasket|a built-in bottle opener|a drain plug|bear-resistant latches",
        },
      ],
      [
        "Water Filter",
        24,
        99,
        {
          adjectives: "Squeeze|Gravity|Pump",
          features:
            "a 0.1-micron hollow-fibre filter|1,000 litres of filtering|a field-cleanable cartridge|a collapsible reservoir|removal of 99.99% of bacteria",
        },
      ],
      [
        "Camping Table",
        39,
        149,
        {
          adjectives: "Folding|Roll-Top|Aluminium",
          features:
            "a roll-up aluminium top|adjustable legs|a carry bag|set-up in under a minute|a 30 kg load capacity",
        },
      ],
    ],
    colours: "Black|Glacier|Fern|Desert",
    materials: "lightweight titanium|hard-anodised aluminium|stainless steel and aluminium",
    uses: "backcountry meals|car camping|multi-day treks|picnics and tailgates",
    features:
      "a packable design|a lifetime guarantee|easy cleaning in the field|a lightweight build|a carry bag",
    attrs: { weight: "85 g|240 g|410 g|1.1 kg" },
  },
};
