// Product kinds of the Men's clothing leaves (format: see seed-kinds-audio-computers.mjs).

/** Care and fit notes that close some clothing descriptions. */
export const APPAREL_NOTES =
  "Machine wash cold with similar colours.|True to size; size up for a relaxed fit.|Cut and sewn in a fair-trade certified factory.";

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const MENS_KINDS = {
  "mens-shirts": {
    code: "MS",
    count: 32,
    variants: "apparel",
    colours: "White|Light Blue|Navy|Olive|Charcoal|Rust|Ecru",
    brands: "Harbour & Thread|Marlowe|Fenwick|Northwind|Vandelay",
    items: [
      [
        "Oxford Shirt",
        39,
        99,
        {
          adjectives: "Button-Down|Slim-Fit|Classic",
          materials: "organic cotton Oxford cloth|brushed cotton Oxford",
          attrs: { material: "Cotton" },
        },
      ],
      [
        "Linen Shirt",
        39,
        119,
        {
          adjectives: "Short-Sleeve|Relaxed|Camp-Collar",
          materials: "breathable European linen|garment-dyed linen",
          attrs: { material: "Linen" },
        },
      ],
      [
        "Flannel Shirt",
        34,
        89,
        {
          adjectives: "Brushed|Checked|Heavyweight",
          materials: "brushed cotton flannel|a soft twill flannel",
          attrs: { material: "Cotton flannel" },
        },
      ],
      [
        "Crew Neck T-Shirt",
        14,
        45,
        {
          adjectives: "Organic|Heavyweight|Pima Cotton",
          materials: "combed Pima cotton jersey|organic cotton jersey",
          attrs: { material: "Cotton|Pima cotton" },
        },
      ],
      [
        "Polo Shirt",
        29,
        79,
        {
          adjectives: "Piqué|Merino|Knitted",
          materials: "cotton piqué|fine merino wool knit",
          attrs: { material: "Cotton|Merino" },
        },
      ],
      [
        "Denim Shirt",
        44,
        119,
        {
          adjectives: "Western|Washed|Selvedge",
          materials: "soft chambray denim|rinsed Japanese denim",
          attrs: { material: "Denim" },
        },
      ],
    ],
    seriesRate: 0.25,
    materials:
      "organic cotton Oxford cloth|breathable European linen|brushed cotton flannel|combed Pima cotton jersey|soft chambray denim",
    uses: "the office|weekend plans|summer holidays|layering in autumn|smart-casual dinners",
    features:
      "mother-of-pearl buttons|a tailored fit through the chest|a pre-washed finish that will not shrink|a curved hem that works untucked|reinforced side seams|a chest pocket",
    attrs: { fit: "Slim|Regular|Relaxed", material: "Cotton|Linen|Cotton flannel|Pima cotton|Merino" },
    notes: APPAREL_NOTES,
  },
  "mens-jackets": {
    code: "MJ",
    count: 26,
    variants: "apparel",
    colours: "Black|Navy|Olive|Tan|Stone",
    brands: "Northwind|Marlowe|Fenwick|Umbrella|Ridgeline",
    items: [
      [
        "Waterproof Rain Jacket",
        79,
        299,
        {
          adjectives: "Packable|3-Layer|Hooded",
          materials:
            "a recycled ripstop shell with a waterproof membrane|a 3-layer waterproof, breathable shell",
          attrs: { waterproof: "10,000 mm|20,000 mm" },
        },
      ],
      [
        "Puffer Jacket",
        89,
        349,
        {
          adjectives: "Down|Recycled Insulated|Hooded",
          materials: "responsibly sourced 700-fill down|recycled synthetic insulation in a ripstop shell",
          attrs: { waterproof: "Water-repellent" },
        },
      ],
      [
        "Denim Jacket",
        59,
        149,
        {
          adjectives: "Trucker|Sherpa-Lined|Washed",
          materials: "rigid cotton denim|washed organic denim",
          attrs: { waterproof: "No" },
        },
      ],
      [
        "Wool Overcoat",
        149,
        449,
        {
          adjectives: "Single-Breasted|Tailored|Longline",
          materials: "Italian wool blend|a recycled wool and cashmere blend",
          attrs: { waterproof: "No" },
        },
      ],
      [
        "Field Jacket",
        99,
        249,
        {
          adjectives: "Waxed Cotton|Utility|Four-Pocket",
          materials: "waxed organic cotton|a cotton-nylon ripstop",
          attrs: { waterproof: "Water-repellent" },
        },
      ],
      [
        "Fleece Jacket",
        39,
        129,
        {
          adjectives: "Zip-Up|Sherpa|Recycled",
          materials: "recycled polyester fleece|a high-pile sherpa fleece",
          attrs: { waterproof: "No" },
        },
      ],
    ],
    seriesRate: 0.3,
    materials:
      "a recycled ripstop shell|responsibly sourced 700-fill down|Italian wool blend|waxed organic cotton|recycled polyester fleece",
    uses: "city commutes in the rain|winter walks|autumn layering|weekend hikes",
    features:
      "fully taped seams|an adjustable storm hood|two-way zips|zipped hand pockets|a packable design that fits in its own pocket|a water-repellent finish|an inner media pocket",
    attrs: { fit: "Regular|Relaxed|Tailored", waterproof: "10,000 mm|20,000 mm|Water-repellent|No" },
    notes: APPAREL_NOTES,
  },
  "mens-trousers": {
    code: "MT",
    count: 26,
    variants: "waist",
    colours: "Navy|Khaki|Black|Olive|Indigo",
    brands: "Marlowe|Fenwick|Harbour & Thread|Vandelay",
    items: [
      [
        "Slim Chinos",
        39,
        99,
        { adjectives: "Stretch|Organic|Tapered", materials: "stretch cotton twill|organic cotton twill" },
      ],
      [
        "Straight-Leg Jeans",
        49,
        149,
        {
          adjectives: "Selvedge|Rigid|Stretch",
          materials: "14 oz Japanese selvedge denim|comfort-stretch organic denim",
        },
      ],
      [
        "Cargo Trousers",
        44,
        119,
        { adjectives: "Ripstop|Relaxed|Utility", materials: "durable ripstop cotton|a cotton canvas" },
      ],
      [
        "Wool Trousers",
        79,
        199,
        { adjectives: "Pleated|Tailored|Flannel", materials: "a worsted wool blend|soft wool flannel" },
      ],
      [
        "Joggers",
        29,
        79,
        {
          adjectives: "Fleece|Tech|Brushed-Back",
          materials: "brushed-back organic fleece|a technical stretch knit",
        },
      ],
    ],
    seriesRate: 0.2,
    materials:
      "stretch cotton twill|14 oz Japanese selvedge denim|durable ripstop cotton|a worsted wool blend|brushed-back organic fleece",
    uses: "workdays|weekends away|travel days|everyday wear",
    features:
      "a hidden stretch waistband|reinforced pockets|a gusseted crotch for movement|a tapered leg|a coin pocket|a button fly",
    attrs: { fit: "Slim|Straight|Relaxed|Tapered", rise: "Mid|High|Low" },
    notes: APPAREL_NOTES,
  },
};
