import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import * as schema from "../../../db/reviews/schema";
import { describeWorkerContract } from "../../../test/worker-contract";
import { roundedAverage } from "../review-summary";
import { call, catalogRating, eventually, makeProduct, makeUser, postReview, testEnv } from "./harness";

const db = () => drizzle(testEnv.REVIEWS_DB, { schema });

/** Runs a statement expected to break a constraint and returns the database's reason. */
async function constraintFailure(statement: { run(): Promise<unknown> }): Promise<string> {
  try {
    await statement.run();
  } catch (err) {
    return String((err as Error & { cause?: Error }).cause?.message ?? err);
  }
  throw new Error("the statement was expected to fail");
}

function review(productId: string, userId: string, rating = 5) {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    productId,
    userId,
    authorName: "Ada",
    rating,
    title: "Great",
    body: "Fits well.",
    createdAt: now,
    updatedAt: now,
  };
}

describeWorkerContract({
  service: "reviews",
  checks: { database: "ok" },
  call,
  unknown: { path: "/api/reviews/product/p1/extra" },
});

describe("reviews schema", () => {
  it("allows one review per user and product", async () => {
    await db().insert(schema.reviews).values(review("p-once", "u1"));
    await db().insert(schema.reviews).values(review("p-once", "u2"));
    expect(await constraintFailure(db().insert(schema.reviews).values(review("p-once", "u1")))).toMatch(
      /UNIQUE constraint failed: reviews.product_id, reviews.user_id/,
    );
  });

  it("accepts ratings 1 to 5 only", async () => {
    await db()
      .insert(schema.reviews)
      .values(review("p-rating", "u1", 1));
    for (const rating of [0, 6]) {
      const insert = db()
        .insert(schema.reviews)
        .values(review("p-rating", `u-${rating}`, rating));
      expect(await constraintFailure(insert)).toMatch(/CHECK constraint failed: reviews_rating_check/);
    }
  });

  it("counts one helpful vote per user: a second vote inserts nothing", async () => {
    const r = review("p-votes", "author");
    await db().insert(schema.reviews).values(r);
    const vote = { reviewId: r.id, userId: "voter", createdAt: Date.now() };
    const first = await db().insert(schema.reviewVotes).values(vote).onConflictDoNothing().run();
    const again = await db().insert(schema.reviewVotes).values(vote).onConflictDoNothing().run();
    expect([first.meta.changes, again.meta.changes]).toEqual([1, 0]);
  });
});

describe("review summaries schema", () => {
  it("refuses a summary whose count or sum disagrees with its histogram", async () => {
    const insert = (count: number, sum: number) =>
      testEnv.REVIEWS_DB.prepare(
        `INSERT INTO review_summaries (product_id, count, sum, c1, c2, c3, c4, c5, updated_at)
         VALUES (?1, ?2, ?3, 0, 0, 0, 1, 1, 1)`,
      ).bind(crypto.randomUUID(), count, sum);
    expect(await constraintFailure(insert(3, 9))).toMatch(/review_summaries_count_check/);
    expect(await constraintFailure(insert(2, 8))).toMatch(/review_summaries_sum_check/);
    await insert(2, 9).run();
  });
});

describe("roundedAverage", () => {
  it("rounds half-up to one decimal in integer arithmetic", () => {
    expect(roundedAverage(0, 0)).toBe(0);
    expect(roundedAverage(17, 4)).toBe(4.3); // 4.25
    expect(roundedAverage(25, 6)).toBe(4.2); // 4.1666…
    expect(roundedAverage(9, 2)).toBe(4.5);
    expect(roundedAverage(10, 3)).toBe(3.3); // 3.333…
    expect(roundedAverage(11, 3)).toBe(3.7); // 3.666…
    expect(roundedAverage(5, 1)).toBe(5);
    expect(roundedAverage(1, 1)).toBe(1);
    // 1.05 is not exact in binary; integer arithmetic still rounds it up.
    expect(roundedAverage(21, 20)).toBe(1.1);
  });
});

describe("the catalog follows (shop-review-summaries, consumed by the real catalog worker)", () => {
  it("updates the product's rating_average and rating_count within seconds", async () => {
    const productId = await makeProduct();
    const [a, b] = await Promise.all([makeUser(), makeUser()]);
    await postReview(a!, productId, { rating: 5 });
    const review = await postReview(b!, productId, { rating: 4 });
    const both = await eventually(async () => {
      const rating = await catalogRating(productId);
      return rating?.count === 2 ? rating : undefined;
    });
    expect(both.average).toBe(4.5);

    await call(`/api/reviews/${review.id}`, {
      method: "DELETE",
      headers: { "x-shop-caller-id": b!.userId, "x-shop-caller-role": "customer" },
    });
    const one = await eventually(async () => {
      const rating = await catalogRating(productId);
      return rating?.count === 1 ? rating : undefined;
    });
    expect(one.average).toBe(5);
    expect(one.at).toBeGreaterThan(both.at);
  }, 40_000);
});
