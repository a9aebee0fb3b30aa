// Product kinds of the Phones & Tablets, Smart home, Wearables and Cameras leaves
// (format: see seed-kinds-audio-computers.mjs).

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const DEVICE_KINDS = {
  "phone-cases": {
    code: "PC",
    count: 50,
    variants: "colour",
    colours: "Clear|Black|Sage|Navy|Blush|Sunset Orange",
    brands: "Shieldwell|Hooli|Acme|Vandelay",
    items: [
      ["Phone Case", 9, 49],
      ["Wallet Phone Case", 19, 59, { adjectives: "Leather|Folio|Magnetic" }],
      ["Rugged Phone Case", 19, 69, { adjectives: "Military-Grade|Heavy-Duty|Armoured" }],
      ["Screen Protector 2-Pack", 7, 29, { adjectives: "Tempered Glass|Privacy|Anti-Glare" }],
      ["Tablet Folio Case", 19, 79, { adjectives: "Slim|Keyboard|Magnetic" }],
    ],
    adjectives: "Slim|Clear|MagSafe-Compatible|Shockproof|Silicone",
    materials:
      "soft-touch silicone|vegan leather with a microfibre lining|recycled TPU and polycarbonate|9H tempered glass",
    uses: "everyday protection|outdoor work|keeping cards and phone together|clumsy mornings",
    features:
      "raised edges that protect the camera|3-metre drop protection|wireless charging compatibility|built-in MagSafe magnets|an antimicrobial coating|two card slots|bubble-free installation",
    attrs: { compatibility: "iPhone 15|iPhone 15 Pro|Galaxy S24|Pixel 8|iPad Air 11-inch" },
  },
  "chargers-cables": {
    code: "CC",
    count: 60,
    brands: "Voltra|Acme|Hooli|Globex|Bytecraft",
    items: [
      ["65W USB-C Charger", 24, 59],
      [
        "Braided USB-C Cable",
        9,
        29,
        {
          variants: "length",
          adjectives: "Fast-Charging|240W|Right-Angle",
          features:
            "240 W charging|USB 3.2 data transfer|a 10,000-bend rated cable|aluminium connector housings|a reusable cable tie",
          attrs: { output: "60 W|100 W|240 W", ports: "USB-C to USB-C|USB-C to Lightning|USB-A to USB-C" },
        },
      ],
      [
        "Power Bank",
        19,
        99,
        {
          adjectives: "10,000 mAh|20,000 mAh|Slim|Magnetic",
          features:
            "pass-through charging|charging for three devices at once|an LED charge indicator|airline-safe capacity|Power Delivery 3.0|magnetic wireless charging",
        },
      ],
      ["Wireless Charging Pad", 14, 49],
      ["3-in-1 Charging Station", 39, 129],
      ["Car Charger", 12, 39, { adjectives: "Dual-Port|Fast|Compact" }],
      ["Travel Adapter", 19, 49, { adjectives: "Universal|Worldwide|GaN" }],
    ],
    adjectives: "GaN|Fast|Compact|Foldable",
    materials:
      "a nylon-braided jacket|a fire-resistant polycarbonate shell|aluminium contacts and a soft-touch finish",
    uses: "charging a laptop and phone together|travel|the bedside table|road trips",
    features:
      "Power Delivery 3.0|foldable plug prongs|over-temperature protection|charging for several devices at once|an LED charge indicator|universal compatibility|a compact footprint",
    attrs: {
      output: "20 W|30 W|65 W|100 W|15 W wireless",
      ports: "1x USB-C|2x USB-C, 1x USB-A|USB-C to USB-C",
    },
  },
  tablets: {
    code: "TB",
    count: 30,
    variants: "capacity",
    brands: "Hooli|Kestrel|Globex",
    items: [
      ["10-inch Tablet", 149, 449, { capacity: "64 GB" }],
      ["11-inch Pro Tablet", 449, 999, { capacity: "128 GB" }],
      ["8-inch Mini Tablet", 99, 349, { capacity: "64 GB" }],
      ["Kids' Tablet", 79, 179, { capacity: "32 GB", adjectives: "Shockproof|Educational|Parental-Control" }],
      ["E-Reader", 99, 279, { capacity: "16 GB", adjectives: "Glare-Free|Waterproof|Backlit" }],
    ],
    adjectives: "Wi-Fi|LTE|Lightweight|Slim",
    materials: "an aluminium unibody|a rubberised bumper case|a paper-like matte display",
    uses: "reading and streaming in bed|note-taking in lectures|sketching with a stylus|keeping kids entertained on trips",
    features:
      "a 120 Hz display|stylus support|quad speakers|up to 12 hours of video playback|face unlock|a USB-C port with fast charging|weeks of battery on one charge",
    attrs: {
      display: '8" 1920x1200|10.5" 2000x1200|11" 2560x1600|6.8" e-ink',
      weight: "300 g|480 g|510 g|590 g",
    },
  },
  "smart-lighting": {
    code: "SL",
    count: 40,
    brands: "Lumio|Hearthlink|Hooli|Acme",
    items: [
      ["Smart LED Bulb 4-Pack", 24, 69, { adjectives: "Colour|White Ambiance|Dimmable" }],
      ["Smart Light Strip", 24, 89, { adjectives: "2 m|5 m|Outdoor|Gradient" }],
      ["Smart Plug", 9, 29, { adjectives: "Mini|Energy-Monitoring|Outdoor" }],
      ["Smart Light Switch", 19, 59],
      ["Motion Sensor", 19, 49],
      ["Smart Floor Lamp", 79, 199],
    ],
    adjectives: "Wi-Fi|Zigbee|Matter-Ready|Voice-Controlled",
    materials:
      "a frosted polycarbonate diffuser|a flexible silicone-coated strip|a slim flush-mount faceplate",
    uses: "cosy evenings|waking up gently|holiday lighting|keeping the porch lit|home theatre ambience",
    features:
      "16 million colours|Matter and Thread support|schedules and sunrise routines|voice control with all major assistants|energy monitoring|no hub required|away mode that mimics presence",
    attrs: {
      protocol: "Wi-Fi|Zigbee|Matter over Thread|Bluetooth and Wi-Fi",
      brightness: "800 lumens|1,100 lumens|1,600 lumens|Not applicable",
    },
  },
  "home-security": {
    code: "HS",
    count: 35,
    brands: "Hearthlink|Hooli|Umbrella|Globex",
    items: [
      ["Video Doorbell", 49, 249],
      ["Indoor Security Camera", 29, 129],
      ["Outdoor Security Camera", 59, 299, { adjectives: "Solar-Powered|Floodlight|Wire-Free|4K" }],
      ["Smart Lock", 99, 329, { adjectives: "Keyless|Fingerprint|Retrofit" }],
      ["Alarm Starter Kit", 129, 399],
      ["Baby Monitor", 59, 249, { adjectives: "Video|Wi-Fi|Split-Screen" }],
    ],
    adjectives: "Wi-Fi|2K|Battery-Powered|Night-Vision",
    materials: "a weatherproof IP65 housing|a tamper-resistant metal mount|a compact matte-white shell",
    uses: "watching the front door|checking on pets|keeping an eye on the nursery|securing a holiday home",
    features:
      "colour night vision|two-way talk|person, package and vehicle detection|local storage with no subscription|a built-in siren|end-to-end encrypted video|a six-month rechargeable battery",
    attrs: { resolution: "1080p|2K|4K", storage: "Cloud or microSD|Local hub|Cloud" },
  },
  smartwatches: {
    code: "SW",
    count: 35,
    variants: "colour",
    colours: "Black|Silver|Rose Gold|Olive|Navy",
    brands: "Pulsefit|Hooli|Globex|Kestrel",
    items: [
      ["Smartwatch", 149, 449],
      ["GPS Sports Watch", 199, 699, { adjectives: "Multisport|Trail|Triathlon" }],
      ["Kids' Smartwatch", 49, 129, { adjectives: "GPS|LTE|Water-Resistant" }],
      ["Hybrid Smartwatch", 129, 299, { adjectives: "Analogue|Classic|Minimal" }],
      ["Smartwatch Band", 15, 49, { adjectives: "Sport Loop|Leather|Stainless Steel Mesh" }],
    ],
    adjectives: "AMOLED|Rugged|Solar|LTE",
    materials:
      "a sapphire crystal and titanium case|a recycled aluminium case and fluoroelastomer strap|a stainless-steel bezel",
    uses: "marathon training|tracking sleep|swimming laps|hiking off-grid|staying on top of notifications",
    features:
      "dual-band GPS|an always-on AMOLED display|heart-rate and blood-oxygen sensors|water resistance to 50 m|up to 14 days of battery|contactless payments|offline maps|fall detection",
    attrs: { case: "40 mm|42 mm|45 mm|47 mm", battery: "2 days|7 days|14 days|21 days" },
  },
  "fitness-trackers": {
    code: "FT",
    count: 30,
    variants: "colour",
    colours: "Black|Lavender|Teal|Sand",
    brands: "Pulsefit|Hooli|Acme",
    items: [
      ["Fitness Tracker", 29, 149],
      ["Smart Ring", 199, 349, { adjectives: "Titanium|Sleep|Ultra-Light" }],
      [
        "Heart Rate Chest Strap",
        39,
        89,
        { adjectives: "Bluetooth|ANT+|Dual-Band", attrs: { battery: "1 year coin cell|400 hours" } },
      ],
      [
        "Smart Scale",
        29,
        129,
        {
          variants: "none",
          adjectives: "Body-Composition|Wi-Fi|Bluetooth",
          materials: "tempered glass and ITO electrodes|a slim glass platform on steel sensors",
          features:
            "body fat, muscle and water readings|automatic recognition of up to eight users|sync with popular fitness apps|trend graphs in the app|a one-year battery",
          attrs: { battery: "1 year (AAA)", water: "Not applicable" },
        },
      ],
    ],
    adjectives: "Slim|Waterproof|Sleep-Tracking|Everyday",
    materials: "a soft silicone band|a titanium shell|a skin-friendly hypoallergenic strap",
    uses: "counting daily steps|improving sleep|interval training|tracking weight goals",
    features:
      "24/7 heart-rate tracking|sleep stages and readiness scores|SpO2 monitoring|a 10-day battery|automatic workout detection|sync with popular fitness apps|stress tracking",
    attrs: { battery: "5 days|7 days|10 days|1 year (scale)", water: "5 ATM|IP68|Splash-resistant" },
  },
  "action-cameras": {
    code: "AC",
    count: 25,
    brands: "Skyreach|Pixelon|Globex",
    items: [
      ["4K Action Camera", 99, 449],
      ["360 Camera", 249, 549],
      [
        "Dash Cam",
        49,
        199,
        {
          adjectives: "Front and Rear|1440p|Night-Vision",
          materials: "a heat-resistant shell and an adhesive windscreen mount",
          features:
            "loop recording|a G-sensor that locks crash footage|parking mode|night vision|built-in GPS speed logging",
          uses: "daily driving|road trips|ride-share driving|parking in the city",
        },
      ],
      [
        "Mini Drone",
        149,
        699,
        {
          adjectives: "Foldable|4K|Beginner",
          materials: "a foldable carbon-reinforced frame|propeller guards and a lightweight airframe",
          features:
            "a 3-axis gimbal|obstacle sensing|30 minutes of flight time|return-to-home|a flight weight under 250 g",
          uses: "aerial landscapes|travel vlogs|real-estate photos|learning to fly",
        },
      ],
      [
        "Instant Camera",
        59,
        149,
        {
          adjectives: "Retro|Compact|Mini",
          materials: "a retro leatherette body|a compact polycarbonate body",
          features:
            "prints in 90 seconds|a selfie mirror|automatic exposure|a built-in flash|a double-exposure mode",
          uses: "parties|weddings|holiday scrapbooks|gifting",
        },
      ],
    ],
    adjectives: "Waterproof|Stabilised|Compact|Pro",
    materials:
      "a waterproof body with no case needed|a magnesium-alloy frame|a rugged shell with a flip-out mounting base",
    uses: "mountain biking|snorkelling|vlogging|road trips|ski days",
    features:
      "5.3K60 video|horizon-levelling stabilisation|waterproofing to 10 m|live streaming|voice control|a front-facing selfie screen|time-lapse and slow-motion modes",
    attrs: { video: "1080p60|4K30|4K60|5.3K60", sensor: '1/2.3"|1/1.9"|1"' },
  },
  "camera-accessories": {
    code: "CX",
    count: 35,
    brands: "Pixelon|Skyreach|Acme|Vandelay",
    items: [
      [
        "Travel Tripod",
        29,
        199,
        {
          adjectives: "Carbon Fibre|Aluminium|Compact",
          materials: "carbon fibre legs and a magnesium head|aluminium legs with twist locks",
          features:
            "an Arca-Swiss compatible plate|a load capacity of 8 kg|a folded length of 40 cm|a detachable monopod leg|a ball head with panning base",
        },
      ],
      [
        "Camera Backpack",
        59,
        199,
        {
          materials: "water-repellent ballistic nylon|waxed canvas with leather trims",
          features:
            "a quick side-access opening|customisable padded dividers|a 15-inch laptop sleeve|a tripod holder|a rain cover",
        },
      ],
      [
        "Memory Card Case",
        9,
        24,
        {
          materials: "a crush-resistant water-tight shell|padded EVA foam",
          features: "slots for 12 SD and microSD cards|a water-tight seal|a carabiner loop|a label panel",
        },
      ],
      [
        "LED Video Light",
        29,
        149,
        {
          adjectives: "Bi-Colour|RGB|Pocket",
          materials: "a rechargeable aluminium body|a magnetic aluminium back",
          features:
            "CRI 96+ colour accuracy|a built-in battery with USB-C charging|a 2,700-6,500 K range|cold-shoe mounting|stepless dimming",
        },
      ],
      [
        "Camera Strap",
        15,
        59,
        {
          adjectives: "Leather|Quick-Release|Padded",
          materials: "full-grain leather and brass fittings|seatbelt webbing with aluminium anchors",
          features:
            "quick-release anchors|an adjustable length|a padded shoulder section|one-handed length adjustment",
        },
      ],
      [
        "Smartphone Gimbal",
        69,
        169,
        {
          adjectives: "3-Axis|Foldable|AI-Tracking",
          materials: "a foldable aluminium-alloy frame|a lightweight polycarbonate body",
          features:
            "3-axis stabilisation|subject tracking|a built-in extension rod|one-handed operation|10 hours of battery life",
        },
      ],
      [
        "Lens Cleaning Kit",
        9,
        29,
        {
          materials: "a microfibre cloth and air blower|a carbon-tipped lens pen",
          features: "streak-free cleaning|a travel pouch|a soft brush|an alcohol-free solution",
        },
      ],
    ],
    adjectives: "Travel|Lightweight|Weatherproof|Pro",
    materials:
      "carbon fibre legs and a magnesium head|water-repellent ballistic nylon|full-grain leather and brass fittings|a rechargeable aluminium body",
    uses: "landscape photography|street shooting|travel vlogs|studio product shots",
    features:
      "an Arca-Swiss compatible plate|a quick side-access opening|a built-in battery with USB-C charging|CRI 96+ colour accuracy|one-handed operation|a load capacity of 8 kg",
    attrs: { weight: "180 g|450 g|1.2 kg|1.6 kg" },
  },
};
