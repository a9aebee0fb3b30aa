// Product kinds of the Fitness and Cycling leaves (format: see seed-kinds-audio-computers.mjs).

/** Dumbbells and kettlebells: same materials, features and attributes. */
const FREE_WEIGHT = {
  materials: "solid cast iron|a rubber-coated head and a knurled steel handle|a vinyl coating over cast iron",
  features:
    "ergonomic knurled grips|a floor-protecting rubber finish|flat sides that stop rolling|clear weight markings|a rust-resistant finish",
  attrs: { material: "Cast iron|Rubber-coated iron|Vinyl-coated iron" },
};

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const FITNESS_CYCLING_KINDS = {
  yoga: {
    code: "YG",
    count: 35,
    variants: "colour",
    colours: "Plum|Sage|Charcoal|Ocean|Sand",
    brands: "Lotus Flow|Pulsefit|Acme",
    items: [
      [
        "Yoga Mat",
        24,
        129,
        {
          adjectives: "Non-Slip|Cork|Natural Rubber|Travel",
          features:
            "a grippy surface that stays dry|alignment lines|6 mm of joint-friendly cushioning|a carry strap|a closed-cell surface that is easy to wipe clean",
        },
      ],
      ["Yoga Block Set", 12, 39, { adjectives: "Cork|Foam|Bamboo", attrs: { thickness: "7.5 cm|10 cm" } }],
      ["Yoga Strap", 9, 24, { adjectives: "Cotton|Buckle|Stretching" }],
      ["Meditation Cushion", 29, 79, { adjectives: "Buckwheat|Zafu|Crescent" }],
      [
        "Foam Roller",
        19,
        59,
        {
          adjectives: "High-Density|Textured|Vibrating",
          materials: "high-density EVA foam over a hollow core|moulded EPP foam",
        },
      ],
      [
        "Resistance Bands Set",
        14,
        49,
        {
          adjectives: "Fabric|Loop|Tube",
          materials: "layered natural latex|a non-slip woven fabric",
          features:
            "five progressive resistance levels|a door anchor|padded handles|a carry bag|an exercise guide",
        },
      ],
    ],
    materials:
      "natural tree rubber with a polyurethane top|sustainably harvested cork|organic cotton canvas|recycled EVA foam",
    uses: "hot yoga|daily stretching|pilates|home workouts|recovery days",
    features:
      "a non-slip finish|a lightweight build|a removable washable cover|sustainable materials|a firm, supportive feel|easy cleaning",
    attrs: { thickness: "1.5 mm|4 mm|6 mm|Not applicable", material: "Natural rubber|Cork|TPE|Cotton|Foam" },
  },
  "strength-training": {
    code: "SX",
    count: 40,
    brands: "Ironbark|Acme|Pulsefit",
    items: [
      [
        "Hex Dumbbell",
        14,
        49,
        { variants: "weight", adjectives: "Rubber|Cast Iron|Chrome-Handle", ...FREE_WEIGHT },
      ],
      [
        "Kettlebell",
        19,
        79,
        { variants: "weight", adjectives: "Cast Iron|Competition|Vinyl-Coated", ...FREE_WEIGHT },
      ],
      [
        "Adjustable Dumbbell Set",
        149,
        499,
        {
          adjectives: "Quick-Change|Dial|Space-Saving",
          features:
            "weight changes in seconds|15 weight settings per dumbbell|a compact storage tray|ergonomic knurled grips|a two-year warranty",
        },
      ],
      [
        "Weight Bench",
        99,
        349,
        {
          adjectives: "Adjustable|Folding|Flat",
          materials: "a heavy-gauge steel frame with dense foam padding",
          features:
            "a 300 kg load rating|seven back-rest positions|transport wheels|a leg hold-down|a compact footprint when folded",
        },
      ],
      [
        "Pull-Up Bar",
        24,
        79,
        {
          adjectives: "Doorway|Wall-Mounted|Multi-Grip",
          materials: "a powder-coated steel frame with foam grips",
          features:
            "a 150 kg load rating|wide, neutral and narrow grips|no-drill doorway fitting|a compact footprint|foam-padded grips",
        },
      ],
      [
        "Weightlifting Belt",
        24,
        79,
        {
          variants: "apparel",
          adjectives: "Leather|Lever|Nylon",
          materials: "vegetable-tanned leather|reinforced nylon webbing",
          features:
            "a 10 mm thick back|a quick-release lever buckle|uniform 10 cm width|double stitching|IPF-approved dimensions",
        },
      ],
    ],
    materials:
      "solid cast iron|a rubber-coated head and knurled steel handle|a heavy-gauge steel frame|vegetable-tanned leather",
    uses: "home gyms|garage workouts|full-body strength sessions|progressive overload training",
    features:
      "ergonomic knurled grips|a floor-protecting rubber finish|a compact footprint|a two-year warranty|a durable powder-coated finish",
    attrs: { material: "Cast iron|Steel|Rubber|Leather" },
  },
  "bike-accessories": {
    code: "BA",
    count: 55,
    brands: "Velocita|Acme|Ridgeline|Voltra",
    items: [
      [
        "Bike Light Set",
        19,
        99,
        {
          adjectives: "Rechargeable|1000-Lumen|Smart",
          features:
            "USB-C recharging|a daylight-visible flash mode|tool-free mounting|a 6-hour run time|an automatic brake light",
        },
      ],
      [
        "Bike Lock",
        24,
        129,
        {
          adjectives: "U-Lock|Folding|Chain",
          materials: "hardened boron steel|a hardened steel chain in a nylon sleeve",
          features:
            "a Sold Secure Gold rating|a frame mount|two keys and a key registration|an anti-pick cylinder|a weatherproof keyhole cover",
        },
      ],
      [
        "Mini Bike Pump",
        14,
        59,
        {
          adjectives: "CO2|Floor|Carbon",
          features:
            "a 120 psi maximum pressure|Presta and Schrader heads|a frame mount|a built-in gauge|a flip-out foot peg",
        },
      ],
      ["Saddle Bag", 14, 49, { adjectives: "Waterproof|Roll-Top|Expandable" }],
      ["Bike Repair Multi-Tool", 14, 49, { adjectives: "19-in-1|Compact|CNC" }],
      [
        "Cycling Computer",
        99,
        349,
        {
          adjectives: "GPS|Wireless|Colour-Screen",
          features:
            "turn-by-turn navigation|ANT+ and Bluetooth sensor support|a 20-hour battery|live segments|an out-front mount",
        },
      ],
      ["Pannier Bag", 39, 119, { adjectives: "Waterproof|Commuter|Double" }],
      ["Bike Phone Mount", 14, 49, { adjectives: "Quick-Release|Shockproof|Magnetic" }],
    ],
    materials:
      "CNC-machined aluminium|hardened boron steel|waterproof TPU-coated nylon|a tough polycarbonate housing",
    uses: "winter commuting|long road rides|bikepacking adventures|keeping a city bike safe",
    features:
      "tool-free mounting|a weatherproof build|reflective details|a lightweight design|a lifetime warranty",
    attrs: { mount: "Handlebar|Seatpost|Frame|Rack", material: "Aluminium|Steel|Nylon|Polycarbonate" },
  },
  "cycling-helmets": {
    code: "CY",
    count: 20,
    variants: "apparel",
    colours: "Matte Black|White|Hi-Vis Yellow|Sage",
    brands: "Velocita|Ridgeline|Acme",
    items: [
      ["Road Cycling Helmet", 59, 279, { adjectives: "Aero|MIPS|Ventilated" }],
      ["Mountain Bike Helmet", 59, 229, { adjectives: "Trail|Full-Face|MIPS" }],
      ["Urban Commuter Helmet", 39, 149, { adjectives: "LED|Foldable|Skate-Style" }],
      ["Kids' Bike Helmet", 24, 59, { adjectives: "Adjustable|Lightweight|Printed" }],
    ],
    materials:
      "an in-moulded EPS foam liner with a polycarbonate shell|a MIPS low-friction layer|antimicrobial padding",
    uses: "road racing|technical descents|city commuting|family rides",
    features:
      "18 ventilation channels|a rotational-impact protection system|a magnetic buckle|an integrated rear LED light|a dial-fit adjuster|a removable visor",
    attrs: { certification: "EN 1078|CPSC|EN 1078 and CPSC", weight: "230 g|280 g|350 g|680 g" },
  },
};
