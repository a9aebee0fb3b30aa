// Product kinds of the Beauty & Personal Care and Toys & Games leaves
// (format: see seed-kinds-audio-computers.mjs).

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const BEAUTY_TOYS_KINDS = {
  skincare: {
    code: "SK",
    count: 60,
    brands: "Bloom & Dew|Purely Botanica|Soylent|Umbrella",
    items: [
      ["Hydrating Face Moisturiser", 12, 69, { adjectives: "Daily|Oil-Free|Rich" }],
      ["Gentle Foaming Cleanser", 9, 39, { adjectives: "pH-Balanced|Fragrance-Free|Gel" }],
      ["Vitamin C Serum", 15, 79, { adjectives: "Brightening|15%|Stabilised" }],
      ["Mineral Sunscreen SPF 50", 12, 45, { adjectives: "Tinted|Lightweight|Water-Resistant" }],
      ["Retinol Night Cream", 19, 89, { adjectives: "Gentle|Encapsulated|Overnight" }],
      ["Lip Balm 3-Pack", 5, 15, { adjectives: "Tinted|Shea|Unscented" }],
      ["Hyaluronic Acid Serum", 12, 59, { adjectives: "Plumping|Multi-Weight|Fragrance-Free" }],
    ],
    seriesRate: 0.3,
    materials:
      "squalane and ceramides|cold-pressed rosehip oil|non-nano zinc oxide|niacinamide and green tea extract|shea butter and vitamin E",
    uses: "dry, sensitive skin|morning routines|oily and combination skin|daily sun protection|overnight repair",
    features:
      "dermatologist testing|a fragrance-free formula|vegan, cruelty-free ingredients|recyclable packaging|non-comedogenic texture|a lightweight finish that layers under make-up",
    attrs: {
      skin: "All skin types|Dry|Sensitive|Oily and combination",
      volume: "15 ml|30 ml|50 ml|100 ml|150 ml",
    },
  },
  "hair-care": {
    code: "HC",
    count: 48,
    brands: "Bloom & Dew|Purely Botanica|Soylent|Globex",
    items: [
      ["Repairing Shampoo", 8, 34, { adjectives: "Sulphate-Free|Volumising|Clarifying" }],
      ["Hydrating Conditioner", 8, 34, { adjectives: "Silicone-Free|Lightweight|Curl-Defining" }],
      [
        "Hair Dryer",
        39,
        399,
        {
          variants: "colour",
          adjectives: "Ionic|Compact|Supersonic",
          materials: "a lightweight body and a brushless digital motor|a ceramic-tourmaline heating element",
          features:
            "ionic frizz control|three heat and two speed settings|a concentrated styling nozzle|a cool-shot button|a diffuser for curls",
          attrs: { volume: null, power: "1,600 W|1,800 W|2,200 W" },
        },
      ],
      [
        "Hair Straightener",
        29,
        199,
        {
          variants: "colour",
          adjectives: "Ceramic|Titanium|Cordless",
          materials: "ceramic-tourmaline plates|floating titanium plates",
          features:
            "adjustable heat to 230°C|heat-up in 30 seconds|automatic shut-off after 60 minutes|a 360° swivel cord|a heat-resistant pouch",
          attrs: { volume: null, plates: "25 mm|32 mm" },
        },
      ],
      ["Hair Oil", 12, 49, { adjectives: "Argan|Nourishing|Lightweight" }],
      [
        "Detangling Brush",
        9,
        29,
        {
          adjectives: "Bamboo|Wet|Boar-Bristle",
          materials: "sustainable bamboo|boar bristles and a beech handle|flexible nylon pins",
          features:
            "flexible bristles that glide through knots|a cushioned base|use on wet or dry hair|a travel-friendly size|an anti-static finish",
          attrs: { volume: null },
        },
      ],
    ],
    colours: "Black|Rose|Pearl White|Sage",
    seriesRate: 0.3,
    materials: "cold-pressed argan oil|plant-derived keratin|aloe vera and panthenol|coconut and jojoba oils",
    uses: "curly and coily hair|fine, flat hair|colour-treated hair|quick morning styling|frizz-prone days",
    features:
      "a sulphate-free formula|silicone-free ingredients|salon-quality results at home|vegan, cruelty-free ingredients|a recyclable bottle|colour-safe cleansing|a light botanical scent",
    attrs: { hair: "All hair types|Curly|Fine|Colour-treated", volume: "50 ml|250 ml|500 ml" },
  },
  "board-games": {
    code: "BG",
    count: 55,
    brands: "Meeple House|Acme|Jigsy|Hooli",
    items: [
      ["Strategy Board Game", 24, 89, { adjectives: "Worker-Placement|Deck-Building|Area-Control" }],
      ["Cooperative Board Game", 24, 69, { adjectives: "Family|Campaign|Escape-Room" }],
      ["Party Card Game", 9, 29, { adjectives: "Word|Drawing|Bluffing" }],
      ["Family Board Game", 14, 49, { adjectives: "Classic|Dice|Trivia" }],
      [
        "Chess Set",
        24,
        149,
        {
          adjectives: "Walnut|Magnetic Travel|Tournament",
          materials: "weighted walnut and boxwood pieces|a folding magnetic board",
          features:
            "weighted, felted pieces|a folding board with storage|a 95 mm king|two extra queens|a tournament-size board",
          attrs: { players: "2", time: "30 min|60 min" },
        },
      ],
    ],
    seriesRate: 0.7,
    materials:
      "thick linen-finish cards|hand-painted wooden meeples|a sturdy insert that keeps pieces organised|chunky wooden tokens",
    uses: "family game nights|parties with friends|two-player evenings|rainy weekends",
    features:
      "play in 30 to 60 minutes|two to five players|easy-to-learn rules|solo mode|high replayability|ages 10 and up",
    attrs: { players: "1-4|2-5|3-8|2", age: "6+|8+|10+|14+", time: "15 min|30 min|60 min|90 min" },
  },
  "building-sets": {
    code: "BS",
    count: 43,
    brands: "Brickwell|Acme|Jigsy",
    items: [
      ["Space Shuttle Building Set", 29, 149],
      ["City Fire Station Building Set", 39, 129],
      ["Castle Building Set", 49, 199],
      [
        "Magnetic Tiles Set",
        29,
        99,
        {
          adjectives: "60-Piece|100-Piece|Clear",
          materials: "strong magnetic tiles with a food-grade casing",
          features:
            "60 to 100 pieces|riveted, child-safe magnets|an idea booklet|a storage box|combinable with other sets",
        },
      ],
      [
        "Robotics Coding Kit",
        59,
        249,
        {
          adjectives: "Programmable|STEM|App-Controlled",
          materials: "snap-together modules and a rechargeable hub",
          features:
            "app-based coding lessons|block and Python coding|motors and sensors|step-by-step projects|ages 8 and up",
        },
      ],
      [
        "Marble Run Set",
        29,
        89,
        {
          adjectives: "Modular|Glow-in-the-Dark|Wooden",
          materials: "FSC-certified beech wood|sturdy clear plastic tracks",
          features: "more than 100 pieces|endless track layouts|20 glass marbles|a storage bag|ages 4 and up",
        },
      ],
    ],
    seriesRate: 0.6,
    materials: "compatible ABS bricks|durable interlocking bricks in a sorted bag system",
    uses: "young engineers|screen-free afternoons|display on a shelf|classroom STEM projects",
    features:
      "step-by-step illustrated instructions|more than 500 pieces|minifigures included|app-based coding lessons|combinable with other sets|ages 6 and up",
    attrs: { pieces: "60|250|520|1,200", age: "4+|6+|8+|12+" },
  },
  puzzles: {
    code: "PZ",
    count: 40,
    brands: "Jigsy|Meeple House|Acme",
    items: [
      [
        "1000-Piece Jigsaw Puzzle",
        14,
        34,
        { adjectives: "Mountain Lake|Botanical|World Map|Vintage Poster" },
      ],
      ["500-Piece Jigsaw Puzzle", 12, 24, { adjectives: "Cityscape|Cats|Ocean" }],
      ["Wooden Brain Teaser Set", 12, 39, { adjectives: "3D|Interlocking|Mini" }],
      ["Kids' Floor Puzzle", 12, 29, { adjectives: "Dinosaur|Alphabet|Space" }],
      [
        "Puzzle Roll-Up Mat",
        14,
        34,
        {
          materials: "a felt mat with an inflatable tube",
          features:
            "room for 2,000-piece puzzles|a drawstring storage bag|a non-slip felt surface|an inflatable roll tube",
          attrs: { pieces: "Up to 2,000" },
        },
      ],
    ],
    seriesRate: 0.2,
    materials:
      "thick blue-board card with a linen finish|recycled board and soy-based inks|sustainable beech wood",
    uses: "quiet evenings|family afternoons|puzzle clubs|gifting",
    features:
      "precision-cut pieces that click together|a poster of the finished image|a reusable storage bag|a glare-free matte finish|three difficulty levels",
    attrs: { pieces: "24|500|1,000|Not applicable", size: "50 x 70 cm|49 x 36 cm|90 x 60 cm|Not applicable" },
  },
};
