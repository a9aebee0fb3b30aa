import { describe, expect, it } from "vitest";
import { demoCatalog } from "../../../scripts/seed-catalog.mjs";
import {
  catalogRatingsSql,
  DEMO_REVIEWERS,
  demoReviews,
  REVIEWS_SEEDED_AT,
  reviewsSeedSql,
  reviewsSeedStatements,
} from "../../../scripts/seed-reviews.mjs";
import { publicDisplayName } from "../../identity/display-name";
import type { ReviewPage } from "../reviews.schemas";
import { api, catalogRating, testEnv } from "./harness";

const { reviews, votes, summaries } = demoReviews();
const products = new Map(demoCatalog().products.map((p) => [p.id, p]));

async function applyReviewsSeed(): Promise<void> {
  await testEnv.REVIEWS_DB.batch(reviewsSeedStatements().map((s) => testEnv.REVIEWS_DB.prepare(s)));
}

describe("the demo reviews (scripts/seed-reviews.mjs)", () => {
  it("is deterministic and idempotent SQL", () => {
    const sql = reviewsSeedSql();
    expect(reviewsSeedSql()).toBe(sql);
    expect(catalogRatingsSql()).toBe(catalogRatingsSql());
    expect(sql).not.toMatch(/Infinity|NaN|undefined/);
    // Rows by stable ids, never twice; the one plain INSERT is the summaries' upsert.
    const inserts = sql.match(/^INSERT.*$/gm) ?? [];
    expect(inserts.filter((s) => !s.startsWith("INSERT OR IGNORE INTO "))).toEqual([
      "INSERT INTO review_summaries (product_id, count, sum, c1, c2, c3, c4, c5, updated_at)",
    ]);
    expect(sql).toMatch(/ON CONFLICT \(product_id\) DO UPDATE/);
  });

  it("has a few hundred reviews of active products, one per reviewer and product", () => {
    expect(reviews.length).toBeGreaterThanOrEqual(300);
    expect(reviews.length).toBeLessThanOrEqual(800);
    expect(summaries.length).toBeGreaterThanOrEqual(50);
    expect(new Set(reviews.map((r) => `${r.productId}/${r.userId}`)).size).toBe(reviews.length);
    expect(new Set(reviews.map((r) => r.id)).size).toBe(reviews.length);
    const reviewers = new Set(DEMO_REVIEWERS.map((u) => u.id));
    for (const review of reviews) {
      const product = products.get(review.productId);
      expect(product?.status).toBe("active");
      expect(reviewers.has(review.userId)).toBe(true);
      expect(review.userId).not.toBe(product?.sellerId);
      expect([1, 2, 3, 4, 5]).toContain(review.rating);
      expect(review.title.length).toBeGreaterThan(0);
      expect(review.title.length).toBeLessThanOrEqual(120);
      expect(review.body.length).toBeLessThanOrEqual(5000);
      expect(review.verified).toBe(false);
      expect(review.createdAt).toBeGreaterThan(product!.createdAt);
      expect(review.createdAt).toBeLessThan(REVIEWS_SEEDED_AT);
    }
    // Every featured product has reviews, so the home page's products look real.
    const featured = [...products.values()].filter((p) => p.status === "active" && p.featured);
    const reviewed = new Set(summaries.map((s) => s.productId));
    expect(featured.every((p) => reviewed.has(p.id))).toBe(true);
  });

  it("names authors as identity's displayName would", () => {
    for (const reviewer of DEMO_REVIEWERS) expect(reviewer.publicName).toBe(publicDisplayName(reviewer.name));
    const names = new Map(DEMO_REVIEWERS.map((u) => [u.id, u.publicName]));
    expect(reviews.every((r) => r.authorName === names.get(r.userId))).toBe(true);
  });

  it("has votes by other reviewers only, counted in helpfulCount", () => {
    const byReview = new Map(reviews.map((r) => [r.id, r]));
    for (const vote of votes) expect(vote.userId).not.toBe(byReview.get(vote.reviewId)?.userId);
    expect(new Set(votes.map((v) => `${v.reviewId}/${v.userId}`)).size).toBe(votes.length);
    for (const review of reviews) {
      expect(review.helpfulCount).toBe(votes.filter((v) => v.reviewId === review.id).length);
    }
  });

  it("has summaries that agree with the reviews, and catalog ratings that agree with the summaries", () => {
    const sql = catalogRatingsSql();
    for (const summary of summaries) {
      const own = reviews.filter((r) => r.productId === summary.productId);
      expect(summary.count).toBe(own.length);
      expect(summary.sum).toBe(own.reduce((n, r) => n + r.rating, 0));
      expect(summary.histogram).toEqual([1, 2, 3, 4, 5].map((s) => own.filter((r) => r.rating === s).length));
      expect(summary.average).toBe(Math.round((summary.sum / summary.count) * 10) / 10);
      expect(sql).toContain(
        `rating_average = ${summary.average}, rating_count = ${summary.count}, rating_reported_at = ${REVIEWS_SEEDED_AT} WHERE id = '${summary.productId}'`,
      );
    }
  });
});

describe("the demo reviews in D1", () => {
  it("seed the reviews database idempotently; the API answers the seeded summaries", async () => {
    await applyReviewsSeed();
    await applyReviewsSeed();
    const counts = await testEnv.REVIEWS_DB.prepare(
      `SELECT (SELECT COUNT(*) FROM reviews) AS reviews, (SELECT COUNT(*) FROM review_votes) AS votes,
         (SELECT SUM(helpful_count) FROM reviews) AS helpful, (SELECT SUM(count) FROM review_summaries) AS counted`,
    ).first();
    expect(counts).toEqual({
      reviews: reviews.length,
      votes: votes.length,
      helpful: votes.length,
      counted: reviews.length,
    });
    for (const summary of summaries.slice(0, 5)) {
      const page = await api<ReviewPage>("GET", `/api/reviews/product/${summary.productId}`);
      expect(page.body.summary).toEqual({
        average: summary.average,
        count: summary.count,
        histogram: Object.fromEntries(summary.histogram.map((n, i) => [String(i + 1), n])),
      });
    }
  });

  it("writes the catalog's ratings only over an older stamp", async () => {
    const [first, second] = summaries;
    for (const summary of [first!, second!]) {
      await testEnv.CATALOG_DB.batch([
        testEnv.CATALOG_DB.prepare(
          "INSERT OR IGNORE INTO categories (id, slug, name, created_at) VALUES ('cat-seeded', 'cat-seeded', 'Seeded', 0)",
        ),
        testEnv.CATALOG_DB.prepare(
          `INSERT INTO products (id, slug, name, category_id, status, seller_id, created_at, updated_at)
           VALUES (?1, ?1, ?1, 'cat-seeded', 'active', 'seller', 0, 0)`,
        ).bind(summary.productId),
      ]);
    }
    // A real review of the second product was reported after the seed's date.
    await testEnv.CATALOG_DB.prepare(
      "UPDATE products SET rating_average = 1, rating_count = 1, rating_reported_at = ?2 WHERE id = ?1",
    )
      .bind(second!.productId, REVIEWS_SEEDED_AT + 1)
      .run();
    const statements = catalogRatingsSql().split("\n");
    await testEnv.CATALOG_DB.batch(statements.map((s) => testEnv.CATALOG_DB.prepare(s)));
    expect(await catalogRating(first!.productId)).toEqual({
      average: first!.average,
      count: first!.count,
      at: REVIEWS_SEEDED_AT,
    });
    expect(await catalogRating(second!.productId)).toEqual({
      average: 1,
      count: 1,
      at: REVIEWS_SEEDED_AT + 1,
    });
  });
});
