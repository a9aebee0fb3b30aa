import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import * as schema from "../../../db/reviews/schema";
import { describeWorkerContract } from "../../../test/worker-contract";
import { call, testEnv } from "./harness";

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
  unknown: { path: "/api/reviews/product/p1" },
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
