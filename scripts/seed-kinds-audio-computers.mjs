// Product kinds of the Audio and Computers leaves. The format, shared by every seed-kinds-*.mjs:
//   code        SKU infix of the leaf (unique);  count: active products to generate
//   brands      brand names that sell here ("|"-separated, as are all the pools below)
//   items       [noun, min $, max $, opts?]: what a product is and the price range of its cheapest
//               variant. opts may set `variants`, `adjectives`, `capacity` (where a capacity
//               ladder starts) and replace the leaf's `materials`, `uses`, `features` or `attrs`
//               (an attrs key set to null drops that attribute) where the leaf's do not fit
//   adjectives  optional words between brand/series and noun in names
//   materials, uses, features  description phrases ("with <material>", "for <use>", "you get <feature>")
//   attrs       attribute pools: one value is picked per key
//   variants    the default variant shape (see seed-variants.mjs); colours: its colour pool
//   seriesRate  how often names carry a model line (default 0.55); notes: leaf closing sentences

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const AUDIO_COMPUTER_KINDS = {
  headphones: {
    code: "HP",
    count: 60,
    variants: "colour",
    colours: "Black|Silver|Midnight Blue|Sand|White|Forest Green",
    brands: "Sonique|Auralis|Northwind|Acme|Hooli|Globex",
    items: [
      ["Over-Ear Headphones", 49, 399],
      ["On-Ear Headphones", 29, 199],
      ["Studio Monitor Headphones", 79, 349, { adjectives: "Closed-Back|Reference|Professional" }],
      ["Gaming Headset", 39, 229],
      ["Kids' Headphones", 19, 59, { adjectives: "Volume-Limited|Foldable|Bluetooth" }],
      ["Open-Back Headphones", 99, 499, { adjectives: "Audiophile|Hi-Res|Reference" }],
    ],
    adjectives: "Wireless|Noise-Cancelling|Bluetooth|Foldable|Lightweight|Hi-Res",
    materials:
      "memory-foam ear cushions and an aluminium headband|protein-leather pads and a steel-reinforced band|breathable velour cushions|recycled plastics and soft-touch finishes",
    uses: "daily commutes|long-haul flights|home studio mixing|late-night gaming|focused work in open offices|podcast editing",
    features:
      "active noise cancelling|up to 40 hours of battery life|multipoint Bluetooth 5.3 pairing|USB-C fast charging|a detachable boom microphone|40 mm dynamic drivers|a transparency mode|on-cup touch controls|LDAC and AAC codec support|a foldable travel design",
    attrs: {
      connectivity: "Bluetooth 5.3|Bluetooth 5.2|3.5 mm wired|Bluetooth and 3.5 mm",
      battery: "30 hours|40 hours|60 hours|Not applicable",
      warranty: "1 year|2 years",
    },
  },
  speakers: {
    code: "SP",
    count: 45,
    variants: "colour",
    colours: "Charcoal|Stone Grey|Ocean Blue|Coral|Olive",
    brands: "Sonique|Auralis|Hooli|Globex|Northwind",
    items: [
      ["Portable Bluetooth Speaker", 29, 199],
      ["Smart Speaker", 49, 299],
      ["Bookshelf Speakers", 129, 699, { adjectives: "Powered|Passive|Studio" }],
      ["Soundbar", 149, 899, { adjectives: "Dolby Atmos|Compact|Wireless" }],
      ["Waterproof Shower Speaker", 19, 59],
      ["Party Speaker", 149, 499],
    ],
    adjectives: "Wireless|Rugged|Waterproof|Compact|360-Degree",
    materials:
      "a woven fabric grille and a silicone base|an aluminium housing|a shock-absorbing rubber shell|a real-wood cabinet",
    uses: "beach days|backyard parties|movie nights|kitchen radio|camping trips|desktop listening",
    features:
      "IP67 water and dust resistance|12 hours of playback|stereo pairing with a second speaker|a built-in speakerphone|room-filling 360-degree sound|voice assistant support|Wi-Fi multi-room streaming|a passive bass radiator|an HDMI eARC input",
    attrs: {
      connectivity: "Bluetooth 5.3|Wi-Fi and Bluetooth|HDMI eARC and Bluetooth",
      power: "10 W|20 W|40 W|100 W",
    },
  },
  earbuds: {
    code: "EB",
    count: 45,
    variants: "colour",
    colours: "Black|White|Graphite|Lilac|Mint",
    brands: "Sonique|Auralis|Hooli|Acme|Pulsefit",
    items: [
      ["True Wireless Earbuds", 29, 279],
      ["Sport Earbuds", 39, 179, { adjectives: "Sweat-Proof|Secure-Fit|Wireless" }],
      ["Noise-Cancelling Earbuds", 79, 299, { adjectives: "Wireless|Pro|Hybrid" }],
      ["Wired Earphones", 9, 49, { adjectives: "In-Ear|Hi-Res|Tangle-Free" }],
      ["Sleep Earbuds", 59, 229, { adjectives: "Ultra-Slim|Wireless|Soft" }],
    ],
    adjectives: "Wireless|Compact|Bluetooth|Everyday",
    materials:
      "soft silicone ear tips in three sizes|memory-foam tips and a pocketable case|lightweight polycarbonate shells",
    uses: "gym sessions|the morning run|phone calls on the move|falling asleep|commuting by train",
    features:
      "an IPX5 sweat rating|a wireless charging case|8 hours per charge plus 24 in the case|hybrid active noise cancelling|beamforming microphones for clear calls|low-latency game mode|in-ear detection|an app with a custom equaliser",
    attrs: { battery: "6 hours|8 hours|10 hours", water: "IPX4|IPX5|IP55|IPX7" },
  },
  laptops: {
    code: "LT",
    count: 40,
    variants: "laptop",
    brands: "Kestrel|Globex|Hooli|Initech|Bytecraft",
    items: [
      ["13-inch Ultrabook", 699, 1499],
      ["14-inch Laptop", 499, 1299],
      ["15-inch Laptop", 549, 1399],
      ["16-inch Creator Laptop", 1199, 1599],
      ["Gaming Laptop", 999, 1549],
      ["2-in-1 Convertible Laptop", 599, 1299],
      ["Chromebook", 249, 549, { variants: "none" }],
    ],
    adjectives: "Thin and Light|Performance|Business|Student|OLED",
    materials:
      "an anodised aluminium chassis|a magnesium-alloy frame|a spill-resistant backlit keyboard|a recycled-aluminium unibody",
    uses: "coursework and streaming|remote work|video editing on the go|business travel|AAA gaming|photo retouching",
    features:
      "an all-day 18-hour battery|a 2.8K OLED display|Wi-Fi 6E|two Thunderbolt 4 ports|a 1080p webcam with privacy shutter|a fingerprint reader|a 165 Hz display|a precision glass touchpad|a quiet dual-fan cooling system|fast charging to 50% in 30 minutes",
    attrs: {
      display: '13.3" 2560x1600|14" 1920x1200|15.6" 1920x1080|16" 2880x1800 OLED',
      processor: "8-core|10-core|12-core|14-core",
      weight: "1.1 kg|1.3 kg|1.6 kg|2.2 kg",
    },
  },
  accessories: {
    code: "CA",
    count: 60,
    variants: "colour",
    colours: "Black|Space Grey|White|Navy",
    brands: "Initech|Bytecraft|Acme|Globex|Voltra|Kestrel",
    items: [
      ["Wireless Mouse", 14, 99],
      ["Mechanical Keyboard", 49, 229, { adjectives: "Tenkeyless|Low-Profile|Hot-Swappable|Compact" }],
      [
        "USB-C Hub",
        24,
        89,
        {
          adjectives: "7-in-1|10-in-1|Travel|Aluminium",
          features:
            "USB-C passthrough charging at 100 W|4K HDMI output|gigabit Ethernet|SD and microSD card readers|plug-and-play setup with no drivers",
        },
      ],
      [
        "Laptop Stand",
        19,
        79,
        {
          adjectives: "Adjustable|Foldable|Aluminium|Ventilated",
          features:
            "adjustable height and angle|open airflow that keeps laptops cool|a foldable design for travel|silicone pads that protect the laptop|a stable base for typing",
          attrs: { connectivity: null },
        },
      ],
      ["Webcam", 39, 199, { adjectives: "1080p|4K|Streaming|Auto-Focus" }],
      [
        "Laptop Sleeve",
        15,
        59,
        {
          adjectives: "Padded|Water-Resistant|Felt|Slim",
          features:
            "a plush lining that prevents scratches|a front pocket for a charger|a water-resistant shell|a slim fit for 13- to 16-inch laptops|a hidden carry handle",
          attrs: { connectivity: null, compatibility: "13-inch laptops|14-inch laptops|16-inch laptops" },
        },
      ],
      ["Ergonomic Vertical Mouse", 24, 89],
      [
        "Desk Mat",
        12,
        45,
        {
          adjectives: "Extended|Felt|Non-Slip|Leather-Look",
          features:
            "a non-slip base|stitched edges that do not fray|a surface tuned for mouse tracking|a water-resistant coating|room for keyboard and mouse",
          attrs: { connectivity: null, compatibility: "Universal" },
        },
      ],
    ],
    adjectives: "Wireless|Ergonomic|Bluetooth|Quiet|Rechargeable",
    materials:
      "a brushed aluminium body|PBT keycaps and a steel plate|recycled felt and soft microfibre|durable ABS with a matte finish",
    uses: "home office setups|hybrid work|coding marathons|video calls|travel with a laptop",
    features:
      "silent clicks|multi-device switching across three computers|a 70-day rechargeable battery|hot-swappable switches|a built-in privacy cover|plug-and-play setup with no drivers|customisable buttons",
    attrs: {
      connectivity: "Bluetooth|2.4 GHz receiver|USB-C|Bluetooth and USB-C",
      compatibility: "Windows, macOS and Linux|Windows and macOS|Universal",
    },
  },
  monitors: {
    code: "MN",
    count: 35,
    brands: "Pixelon|Globex|Kestrel|Hooli|Initech",
    items: [
      ['24" Full HD Monitor', 99, 229],
      ['27" QHD Monitor', 199, 449],
      ['27" 4K Monitor', 299, 699],
      ['34" Ultrawide Monitor', 399, 999],
      ['32" 4K Monitor', 349, 899],
      ['15.6" Portable Monitor', 129, 299],
      ['27" Gaming Monitor', 249, 749, { adjectives: "165 Hz|240 Hz|Curved|IPS" }],
    ],
    adjectives: "Anti-Glare|USB-C|Frameless|Eye-Care|HDR",
    materials:
      "a height-adjustable stand and slim bezels|a VESA-compatible aluminium stand|a matte anti-glare panel",
    uses: "spreadsheets and coding|photo editing|competitive gaming|dual-screen setups|working from a laptop",
    features:
      "USB-C with 90 W power delivery|factory colour calibration|99% sRGB coverage|a 1 ms response time|flicker-free backlight|a built-in KVM switch|HDR400 support|pivot, tilt and swivel adjustment",
    attrs: {
      panel: "IPS|VA|OLED",
      refresh: "60 Hz|75 Hz|144 Hz|165 Hz|240 Hz",
      ports: "HDMI, DisplayPort|HDMI, USB-C|HDMI, DisplayPort, USB-C",
    },
  },
  storage: {
    code: "ST",
    count: 35,
    variants: "capacity",
    brands: "Ferrox|Globex|Bytecraft|Initech",
    items: [
      [
        "Portable SSD",
        59,
        129,
        { capacity: "512 GB", attrs: { interface: "USB 3.2 Gen 2|USB-C 3.2|Thunderbolt 4" } },
      ],
      ["NVMe M.2 SSD", 39, 99, { capacity: "512 GB", attrs: { interface: "PCIe 4.0 x4|PCIe 3.0 x4" } }],
      ["External Hard Drive", 49, 99, { capacity: "1 TB", attrs: { interface: "USB 3.2 Gen 1|USB-C 3.2" } }],
      [
        "USB Flash Drive",
        9,
        29,
        { capacity: "32 GB", attrs: { interface: "USB 3.2 Gen 1|USB-C and USB-A" } },
      ],
      ["microSD Card", 9, 39, { capacity: "64 GB", attrs: { interface: "UHS-I U3 V30|UHS-II" } }],
      ["Desktop Hard Drive", 59, 129, { capacity: "2 TB", attrs: { interface: "SATA 6 Gb/s" } }],
    ],
    adjectives: "Rugged|High-Speed|Compact|Encrypted|Pro",
    materials:
      "a shock-resistant rubber sleeve|an aluminium heat-spreading enclosure|a keyring-sized metal casing",
    uses: "backing up a laptop|editing 4K video from the drive|moving files between computers|expanding a games console|storing photo libraries",
    features:
      "fast sustained transfer speeds|hardware AES 256-bit encryption|drop protection up to 2 metres|a five-year limited warranty|automatic backup software|cross-platform formatting|a temperature-proof, X-ray-proof build",
  },
};
