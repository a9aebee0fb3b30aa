// Deterministic demo reviews: a few hundred reviews of popular products (every featured product
// and one product per leaf category) by a dozen demo customers, with helpful votes among them.
// Pure JavaScript with no Node or Workers imports, so the seed (scripts/seed.mjs) and tests (in
// workerd) share it.
//
//   DEMO_REVIEWERS       the demo customers who wrote them (scripts/seed.mjs creates the accounts)
//   demoReviews()        the reviews, their votes and each product's summary
//   reviewsSeedSql()     idempotent SQL for the reviews database
//   catalogRatingsSql()  the matching rating projection for the catalog database
import { demoCatalog } from "./seed-catalog.mjs";
import { createRandom, uuidFrom } from "./seed-random.mjs";
import { inserts, quote } from "./sql.mjs";

/**
 * When the seed "happened": every seeded review is older, and the catalog's rating projection is
 * stamped with it (`rating_reported_at`), so a real review written since (its summary's `at` is
 * later) is never overwritten by seeding again.
 */
export const REVIEWS_SEEDED_AT = Date.UTC(2026, 0, 1);

/** The password of every demo reviewer account (local development only, documented). */
export const DEMO_REVIEWER_PASSWORD = "reviewer-demo-2026";

/**
 * The demo customers who wrote the seeded reviews. `publicName` is what identity's
 * `displayName` makes of `name` (workers/identity/display-name.ts; a test keeps them in step):
 * reviews store it, as they would for a review written through the API.
 */
export const DEMO_REVIEWERS = [
  ["101", "Priya Patel", "priya"],
  ["102", "Liam O'Connor", "liam"],
  ["103", "Mei Chen", "mei"],
  ["104", "Jonas Berg", "jonas"],
  ["105", "Amara Okafor", "amara"],
  ["106", "Diego Alvarez", "diego"],
  ["107", "Hannah Schmidt", "hannah"],
  ["108", "Kenji Watanabe", "kenji"],
  ["109", "Sofia Rossi", "sofia"],
  ["110", "Noah Williams", "noah"],
  ["111", "Fatima Haddad", "fatima"],
  ["112", "Olivia Brown", "olivia"],
].map(([n, name, login]) => ({
  id: `00000000-0000-4000-a000-000000000${n}`,
  role: "customer",
  name,
  publicName: `${name.split(" ")[0]} ${name.split(" ").at(-1)[0]}.`,
  email: `${login}@shop.test`,
  password: DEMO_REVIEWER_PASSWORD,
}));

const TITLES = {
  5: "Exactly what I wanted|Love it|Worth every penny|Excellent quality|Better than expected|Five stars, no notes|Would buy again|Superb",
  4: "Very good|Great, with one small gripe|Happy with it|Solid choice|Good value|Does the job well",
  3: "It's okay|Decent, not amazing|Mixed feelings|Fine for the price|Average",
  2: "Disappointed|Not as described|Expected more|Meh",
  1: "Would not recommend|Broke quickly|Returned it|Poor quality",
};

const OPENERS = {
  5: "I have used it almost every day since it arrived and it has not let me down.|The quality is obvious the moment you take it out of the box.|I did a lot of research before buying and I am glad I picked this one.|Bought this as a gift and ended up ordering a second one for myself.",
  4: "Really pleased with it overall.|It does everything I need, and does it well.|Good quality for the money, with one or two small things I would change.|After a few weeks of use I am happy with this purchase.",
  3: "It is fine, but nothing special.|Does the job, although I expected a bit more at this price.|Some things I like, some I do not.|It works, but the finish could be better.",
  2: "Not what I hoped for.|The photos make it look better than it is.|It works, just about, but I would not buy it again.|Quality is below what I expected from this brand.",
  1: "Stopped working properly within a couple of weeks.|Very disappointed with this one.|It arrived with a fault and the replacement was no better.|Unfortunately I had to send it back.",
};

const MIDDLES =
  "Delivery was quick and it was well packed.|Setting it up took a few minutes, no instructions needed.|It is lighter than I expected.|The size is exactly as described.|It feels sturdy and well made.|It is a little louder than I would like.|The colour is slightly different from the photos.|Cleaning it is easy.|Battery life and comfort are as advertised.|The materials feel good in the hand.";

const CLOSERS = {
  5: "Highly recommended.|Could not be happier.|I would buy it again without thinking twice.",
  4: "I would recommend it.|Minor niggles aside, a good buy.|Happy to recommend it.",
  3: "Okay if it is on sale.|Not bad, not great.|Worth a look, but compare alternatives.",
  2: "I would look elsewhere.|Not really worth the price.|Hoping the next version is better.",
  1: "Avoid.|Save your money.|I would not buy this again.",
};

const split = (pool) => pool.split("|");

/** The products that get reviews: every featured product and one product of each leaf category. */
function popularProducts() {
  const active = demoCatalog().products.filter((p) => p.status === "active");
  const chosen = new Map(active.filter((p) => p.featured).map((p) => [p.id, p]));
  const byLeaf = new Map();
  for (const product of active) {
    if (!byLeaf.has(product.categorySlug)) byLeaf.set(product.categorySlug, []);
    byLeaf.get(product.categorySlug).push(product);
  }
  for (const [leaf, products] of byLeaf) {
    const pick = createRandom(`popular/${leaf}`).pick(products);
    chosen.set(pick.id, pick);
  }
  return [...chosen.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A star rating around a product's `quality` (most products do well; a few do not). */
function ratingAround(rng, quality) {
  const spread = (rng.next() + rng.next() + rng.next() - 1.5) * 1.8;
  return Math.min(5, Math.max(1, Math.round(quality + spread)));
}

function reviewText(rng, rating) {
  const sentences = [rng.pick(split(OPENERS[rating]))];
  if (rng.chance(0.8)) sentences.push(...rng.sample(split(MIDDLES), rng.int(1, 2)));
  sentences.push(rng.pick(split(CLOSERS[rating])));
  return { title: rng.pick(split(TITLES[rating])), body: sentences.join(" ") };
}

let memo;

/**
 * The demo reviews. Deterministic: every call (on any machine) returns the same data; computed
 * once per process, so treat the result as read-only.
 * @returns {import("./seed-reviews.d.mts").DemoReviews}
 */
export function demoReviews() {
  if (memo) return memo;
  const reviews = [];
  const votes = [];
  const summaries = [];
  for (const product of popularProducts()) {
    const rng = createRandom(`reviews/${product.id}`);
    const quality = 3 + rng.next() * 1.9;
    const count = product.featured ? rng.int(5, 12) : rng.int(1, 7);
    const authors = rng.sample(DEMO_REVIEWERS, count);
    // Reviews come after the product was listed and before the seed's date.
    const window = REVIEWS_SEEDED_AT - product.createdAt;
    const histogram = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const author of authors) {
      const r = createRandom(`review/${product.id}/${author.id}`);
      const rating = ratingAround(r, quality);
      const createdAt = product.createdAt + Math.floor(window * (0.02 + 0.96 * r.next()));
      const id = uuidFrom(`review/${product.id}/${author.id}`);
      const voters = r.sample(
        DEMO_REVIEWERS.filter((u) => u.id !== author.id),
        r.chance(0.55) ? r.int(1, rating >= 4 || rating === 1 ? 6 : 3) : 0,
      );
      const votedAt = createdAt + Math.floor((REVIEWS_SEEDED_AT - createdAt) / 2);
      for (const voter of voters) votes.push({ reviewId: id, userId: voter.id, createdAt: votedAt });
      reviews.push({
        id,
        productId: product.id,
        userId: author.id,
        authorName: author.publicName,
        rating,
        ...reviewText(r, rating),
        // No demo orders exist, so no seeded review is a verified purchase: the badge means the
        // server saw an order, and nothing else may set it.
        verified: false,
        helpfulCount: voters.length,
        createdAt,
      });
      histogram[rating - 1]++;
      sum += rating;
    }
    summaries.push({
      productId: product.id,
      count: authors.length,
      sum,
      histogram,
      average: Math.floor((sum * 20 + authors.length) / (authors.length * 2)) / 10,
    });
  }
  memo = { reviews, votes, summaries };
  return memo;
}

/**
 * The reviews database's seed as statements: reviews and votes by stable ids (INSERT OR IGNORE,
 * so a second run adds nothing and edits made since stay), then each seeded product's
 * helpful counts and summary recomputed from the rows themselves, so they are exact whatever
 * happened in between (a review deleted and re-seeded, a vote withdrawn and re-seeded).
 * @returns {string[]}
 */
export function reviewsSeedStatements() {
  const { reviews, votes, summaries } = demoReviews();
  const productIds = `(${summaries.map((s) => quote(s.productId)).join(", ")})`;
  return [
    ...inserts(
      "reviews",
      [
        "id",
        "product_id",
        "user_id",
        "author_name",
        "rating",
        "title",
        "body",
        "verified",
        "helpful_count",
        "created_at",
        "updated_at",
      ],
      reviews.map((r) => [
        r.id,
        r.productId,
        r.userId,
        r.authorName,
        r.rating,
        r.title,
        r.body,
        r.verified ? 1 : 0,
        r.helpfulCount,
        r.createdAt,
        r.createdAt,
      ]),
      50,
    ),
    ...inserts(
      "review_votes",
      ["review_id", "user_id", "created_at"],
      votes.map((v) => [v.reviewId, v.userId, v.createdAt]),
      100,
    ),
    `UPDATE reviews SET helpful_count = (SELECT COUNT(*) FROM review_votes v WHERE v.review_id = reviews.id)
WHERE product_id IN ${productIds};`,
    `INSERT INTO review_summaries (product_id, count, sum, c1, c2, c3, c4, c5, updated_at)
SELECT product_id, COUNT(*), SUM(rating), SUM(rating = 1), SUM(rating = 2), SUM(rating = 3), SUM(rating = 4),
  SUM(rating = 5), ${REVIEWS_SEEDED_AT}
FROM reviews WHERE product_id IN ${productIds} GROUP BY product_id
ON CONFLICT (product_id) DO UPDATE SET count = excluded.count, sum = excluded.sum, c1 = excluded.c1,
  c2 = excluded.c2, c3 = excluded.c3, c4 = excluded.c4, c5 = excluded.c5,
  updated_at = max(updated_at, excluded.updated_at);`,
  ];
}

/** The reviews database's seed as SQL for `wrangler d1 execute --file` (scripts/seed.mjs). */
export function reviewsSeedSql() {
  return reviewsSeedStatements().join("\n");
}

/**
 * The catalog's rating projection of the seeded products, as the `shop-review-summaries` consumer
 * would write it, stamped `REVIEWS_SEEDED_AT` and applied only over an older stamp: run after the
 * catalog seed (its INSERT OR IGNORE leaves ratings at 0), it makes listings agree with the
 * reviews database without the queue, and never overwrites a summary a real review sent since.
 * @returns {string}
 */
export function catalogRatingsSql() {
  return demoReviews()
    .summaries.map(
      (s) =>
        `UPDATE products SET rating_average = ${s.average}, rating_count = ${s.count}, rating_reported_at = ${REVIEWS_SEEDED_AT} WHERE id = ${quote(s.productId)} AND rating_reported_at < ${REVIEWS_SEEDED_AT};`,
    )
    .join("\n");
}
