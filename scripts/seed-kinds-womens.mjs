// Product kinds of the Women's clothing leaves (format: see seed-kinds-audio-computers.mjs).

import { APPAREL_NOTES } from "./seed-kinds-mens.mjs";

/** @type {Record<string, import("./seed-catalog.d.mts").LeafKind>} */
export const WOMENS_KINDS = {
  "womens-dresses": {
    code: "WD",
    count: 32,
    variants: "apparel",
    colours: "Black|Ivory|Sage|Terracotta|Navy Floral|Dusty Rose",
    brands: "Juniper Lane|Harbour & Thread|Marlowe|Vandelay",
    items: [
      [
        "Wrap Dress",
        49,
        159,
        {
          adjectives: "Midi|Jersey|Floral",
          materials: "stretch viscose jersey|a fluid crepe",
          attrs: { material: "Viscose" },
        },
      ],
      [
        "Linen Midi Dress",
        59,
        169,
        {
          adjectives: "Tiered|Button-Front|Sleeveless",
          materials: "breathable washed linen|a linen-cotton blend",
          attrs: { material: "Linen" },
        },
      ],
      [
        "Knit Sweater Dress",
        59,
        149,
        {
          adjectives: "Ribbed|Turtleneck|Merino",
          materials: "fine-gauge merino wool|a soft ribbed knit",
          attrs: { material: "Merino" },
        },
      ],
      [
        "Slip Dress",
        39,
        129,
        {
          adjectives: "Satin|Bias-Cut|Maxi",
          materials: "soft recycled satin|washable silk",
          attrs: { material: "Satin" },
        },
      ],
      [
        "Shirt Dress",
        49,
        139,
        {
          adjectives: "Poplin|Belted|Striped",
          materials: "crisp cotton poplin|a soft cotton twill",
          attrs: { material: "Cotton" },
        },
      ],
      [
        "Summer Maxi Dress",
        39,
        129,
        {
          adjectives: "Smocked|Printed|Cotton",
          materials: "lightweight cotton voile|breezy viscose",
          attrs: { material: "Cotton|Viscose" },
        },
      ],
    ],
    seriesRate: 0.25,
    materials:
      "breathable washed linen|soft recycled satin|fine-gauge merino wool|crisp cotton poplin|stretch viscose jersey",
    uses: "summer weddings|office days|holiday evenings|brunch with friends|layering with boots in autumn",
    features:
      "hidden side pockets|an adjustable tie waist|a lined skirt|a flattering V-neck|a midi length that hits below the knee|a relaxed silhouette",
    attrs: { length: "Mini|Knee|Midi|Maxi", material: "Linen|Satin|Merino|Cotton|Viscose" },
    notes: APPAREL_NOTES,
  },
  "womens-tops": {
    code: "WT",
    count: 32,
    variants: "apparel",
    colours: "White|Black|Blush|Cobalt|Oat|Striped Navy",
    brands: "Juniper Lane|Harbour & Thread|Marlowe|Pulsefit",
    items: [
      [
        "Fitted T-Shirt",
        14,
        39,
        {
          adjectives: "Organic|Crew-Neck|Scoop-Neck",
          materials: "organic cotton jersey|soft ribbed modal",
          attrs: { material: "Cotton|Modal" },
        },
      ],
      [
        "Silk Blouse",
        59,
        179,
        {
          adjectives: "Washable|Relaxed|Tie-Neck",
          materials: "washable mulberry silk|sandwashed silk",
          attrs: { material: "Silk" },
        },
      ],
      [
        "Linen Button-Up Shirt",
        39,
        99,
        {
          adjectives: "Oversized|Cropped|Classic",
          materials: "breathable linen|washed European linen",
          attrs: { material: "Linen" },
        },
      ],
      [
        "Breton Top",
        29,
        69,
        {
          adjectives: "Striped|Long-Sleeve|Boat-Neck",
          materials: "heavyweight cotton jersey|organic cotton interlock",
          attrs: { material: "Cotton" },
        },
      ],
      [
        "Tank Top",
        12,
        39,
        {
          adjectives: "Ribbed|Racerback|Seamless",
          materials: "ribbed modal|organic cotton rib",
          attrs: { material: "Modal|Cotton" },
        },
      ],
      [
        "Hoodie",
        39,
        99,
        {
          adjectives: "Cropped|Heavyweight|Zip-Up",
          materials: "French terry cotton|brushed organic fleece",
          attrs: { material: "Cotton" },
        },
      ],
    ],
    seriesRate: 0.25,
    materials:
      "organic cotton jersey|washable mulberry silk|ribbed modal|French terry cotton|breathable linen",
    uses: "everyday layering|the office|relaxed weekends|travel capsules",
    features:
      "a relaxed drop shoulder|a shape that holds wash after wash|a curved hem|a soft brushed interior|tonal stitching|a slightly cropped length",
    attrs: { fit: "Fitted|Regular|Relaxed|Oversized", material: "Cotton|Silk|Modal|Linen" },
    notes: APPAREL_NOTES,
  },
  "womens-knitwear": {
    code: "WK",
    count: 26,
    variants: "apparel",
    colours: "Cream|Camel|Charcoal|Forest|Rose",
    brands: "Juniper Lane|Harbour & Thread|Marlowe|Nordhem",
    items: [
      [
        "Cashmere Sweater",
        99,
        299,
        {
          adjectives: "Crew-Neck|V-Neck|Relaxed",
          materials: "Grade-A Mongolian cashmere",
          attrs: { material: "Cashmere" },
        },
      ],
      [
        "Cable-Knit Cardigan",
        59,
        169,
        {
          adjectives: "Chunky|Button-Front|Longline",
          materials: "organic cotton cable knit|a chunky wool blend",
          attrs: { material: "Cotton|Wool blend" },
        },
      ],
      [
        "Merino Turtleneck",
        59,
        149,
        {
          adjectives: "Fine-Knit|Ribbed|Fitted",
          materials: "extra-fine merino wool",
          attrs: { material: "Merino" },
        },
      ],
      [
        "Knitted Vest",
        39,
        99,
        {
          adjectives: "Cropped|Argyle|Cotton",
          materials: "organic cotton|a lambswool blend",
          attrs: { material: "Cotton|Lambswool" },
        },
      ],
      [
        "Alpaca Blend Jumper",
        79,
        199,
        {
          adjectives: "Brushed|Oversized|Mock-Neck",
          materials: "soft baby alpaca blended with wool",
          attrs: { material: "Alpaca blend" },
        },
      ],
    ],
    seriesRate: 0.2,
    materials:
      "Grade-A Mongolian cashmere|extra-fine merino wool|soft baby alpaca blended with wool|organic cotton cable knit",
    uses: "cold mornings|layering over shirts|cosy weekends|winter travel",
    features:
      "ribbed cuffs and hem|a pill-resistant finish|a relaxed fit that layers easily|natural temperature regulation|fully fashioned shoulders",
    attrs: { material: "Cashmere|Merino|Alpaca blend|Cotton", gauge: "Fine|Medium|Chunky" },
    notes: "Hand wash cold and dry flat.|Store folded to keep its shape.",
  },
};
