import { describe, expect, it } from "vitest";
import type { Problem } from "../../shared/errors";
import type { Review, ReviewPage } from "../reviews.schemas";
import { api, makeProduct, makeUser, makeUsers, postReview, testEnv } from "./harness";

async function helpfulCount(reviewId: string): Promise<number> {
  const res = await api<Review>("GET", `/api/reviews/${reviewId}`);
  return res.body.helpfulCount;
}

async function storedVotes(reviewId: string): Promise<number> {
  const row = await testEnv.REVIEWS_DB.prepare("SELECT COUNT(*) AS n FROM review_votes WHERE review_id = ?1")
    .bind(reviewId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("POST /api/reviews/:id/helpful", () => {
  it("counts a vote and answers the review with votedByMe", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voter = await makeUser();
    const res = await api<Review>("POST", `/api/reviews/${review.id}/helpful`, { as: voter });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: review.id, helpfulCount: 1, votedByMe: true });
    // Others see the count, and their own votedByMe.
    const other = await api<Review>("GET", `/api/reviews/${review.id}`, { as: await makeUser() });
    expect(other.body).toMatchObject({ helpfulCount: 1, votedByMe: false });
    const anonymous = await api<Review>("GET", `/api/reviews/${review.id}`);
    expect(anonymous.body.helpfulCount).toBe(1);
    expect(anonymous.body).not.toHaveProperty("votedByMe");
  });

  it("voting again changes nothing and answers the same", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voter = await makeUser();
    const first = await api<Review>("POST", `/api/reviews/${review.id}/helpful`, { as: voter });
    const second = await api<Review>("POST", `/api/reviews/${review.id}/helpful`, { as: voter });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(await helpfulCount(review.id)).toBe(1);
  });

  it("counts 30 users voting at once exactly: 30", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voters = await makeUsers(30);
    const results = await Promise.all(
      voters.map((as) => api<Review>("POST", `/api/reviews/${review.id}/helpful`, { as })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await helpfulCount(review.id)).toBe(30);
    expect(await storedVotes(review.id)).toBe(30);
  });

  it("counts one user voting 10 times at once as 1", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voter = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api<Review>("POST", `/api/reviews/${review.id}/helpful`, { as: voter }),
      ),
    );
    expect(results.every((r) => r.status === 200 && r.body.votedByMe === true)).toBe(true);
    expect(await helpfulCount(review.id)).toBe(1);
  });

  it("stays exact when votes and withdrawals race", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voters = await makeUsers(20);
    await Promise.all(voters.map((as) => api("POST", `/api/reviews/${review.id}/helpful`, { as })));
    await Promise.all(
      voters.flatMap((as, i) =>
        i % 2 === 0
          ? [api("DELETE", `/api/reviews/${review.id}/helpful`, { as })]
          : [api("POST", `/api/reviews/${review.id}/helpful`, { as })],
      ),
    );
    expect(await helpfulCount(review.id)).toBe(10);
    expect(await storedVotes(review.id)).toBe(10);
  });

  it("refuses a vote on your own review: 403 with reason own_review", async () => {
    const author = await makeUser();
    const review = await postReview(author, await makeProduct());
    const res = await api<Problem>("POST", `/api/reviews/${review.id}/helpful`, { as: author });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "forbidden", reason: "own_review" });
    expect(await helpfulCount(review.id)).toBe(0);
  });

  it("answers 404 for a review that does not exist", async () => {
    const res = await api<Problem>("POST", "/api/reviews/nope/helpful", { as: await makeUser() });
    expect(res.status).toBe(404);
  });

  it("orders 'most helpful' by the votes", async () => {
    const productId = await makeProduct();
    const [a, b, c] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const low = await postReview(a!, productId);
    const high = await postReview(b!, productId);
    const none = await postReview(c!, productId);
    const voters = await makeUsers(3);
    await Promise.all(voters.map((as) => api("POST", `/api/reviews/${high.id}/helpful`, { as })));
    await api("POST", `/api/reviews/${low.id}/helpful`, { as: voters[0]! });
    const page = await api<ReviewPage>("GET", `/api/reviews/product/${productId}?sort=helpful`);
    expect(page.body.items.map((r) => [r.id, r.helpfulCount])).toEqual([
      [high.id, 3],
      [low.id, 1],
      [none.id, 0],
    ]);
  });
});

describe("DELETE /api/reviews/:id/helpful", () => {
  it("withdraws the vote; again changes nothing and answers the same", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const voter = await makeUser();
    await api("POST", `/api/reviews/${review.id}/helpful`, { as: voter });
    await api("POST", `/api/reviews/${review.id}/helpful`, { as: await makeUser() });
    const first = await api<Review>("DELETE", `/api/reviews/${review.id}/helpful`, { as: voter });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ helpfulCount: 1, votedByMe: false });
    const again = await api<Review>("DELETE", `/api/reviews/${review.id}/helpful`, { as: voter });
    expect(again.body).toEqual(first.body);
  });

  it("is a no-op for a user who never voted", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const res = await api<Review>("DELETE", `/api/reviews/${review.id}/helpful`, { as: await makeUser() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ helpfulCount: 0, votedByMe: false });
  });

  it("answers 404 for a review that does not exist", async () => {
    const res = await api<Problem>("DELETE", "/api/reviews/nope/helpful", { as: await makeUser() });
    expect(res.status).toBe(404);
  });
});
