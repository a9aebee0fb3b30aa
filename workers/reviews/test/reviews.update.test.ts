import { afterEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "../../shared/caller";
import type { Problem } from "../../shared/errors";
import type { RatingSummary, Review, ReviewPage } from "../reviews.schemas";
import { api, makeProduct, makeUser, postReview, testEnv, watchSummaries } from "./harness";

afterEach(() => {
  vi.restoreAllMocks();
});

async function summaryOf(productId: string): Promise<RatingSummary> {
  const res = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`);
  expect(res.status).toBe(200);
  return res.body.summary;
}

/** The summary's row recomputed from the reviews themselves: what incremental upkeep must equal. */
async function recomputed(productId: string) {
  return testEnv.REVIEWS_DB.prepare(
    `SELECT COUNT(*) AS count, COALESCE(SUM(rating), 0) AS sum,
       SUM(rating = 1) AS c1, SUM(rating = 2) AS c2, SUM(rating = 3) AS c3, SUM(rating = 4) AS c4, SUM(rating = 5) AS c5
     FROM reviews WHERE product_id = ?1`,
  )
    .bind(productId)
    .first();
}

async function storedSummary(productId: string) {
  return testEnv.REVIEWS_DB.prepare(
    "SELECT count, sum, c1, c2, c3, c4, c5 FROM review_summaries WHERE product_id = ?1",
  )
    .bind(productId)
    .first();
}

function histogram(...counts: number[]) {
  return Object.fromEntries(counts.map((n, i) => [String(i + 1), n]));
}

describe("PATCH /api/reviews/:id", () => {
  it("lets the author change rating, title and body; moves the histogram 4 -> 5", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    await postReview(await makeUser(), productId, { rating: 2 });
    const review = await postReview(author, productId, { rating: 4 });
    expect(await summaryOf(productId)).toEqual({ average: 3, count: 2, histogram: histogram(0, 1, 0, 1, 0) });

    const summaries = watchSummaries();
    const res = await api<Review>("PATCH", `/api/reviews/${review.id}`, {
      as: author,
      body: { rating: 5, title: "Even better", body: "Grew on me." },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: review.id, rating: 5, title: "Even better", body: "Grew on me." });
    expect(res.body.createdAt).toBe(review.createdAt);
    expect(await summaryOf(productId)).toEqual({
      average: 3.5,
      count: 2,
      histogram: histogram(0, 1, 0, 0, 1),
    });
    expect(summaries.messages().map(({ at: _, ...m }) => m)).toEqual([{ productId, average: 3.5, count: 2 }]);
  });

  it("changes only what is given, and sends no summary when the rating stays", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    const review = await postReview(author, productId, { rating: 3, title: "Okay", body: "Fine." });
    const summaries = watchSummaries();
    const res = await api<Review>("PATCH", `/api/reviews/${review.id}`, {
      as: author,
      body: { body: "Fine, really." },
    });
    expect(res.body).toMatchObject({ rating: 3, title: "Okay", body: "Fine, really." });
    expect(summaries.messages()).toEqual([]);
    expect(await summaryOf(productId)).toEqual({ average: 3, count: 1, histogram: histogram(0, 0, 1, 0, 0) });
  });

  it("keeps the summary exact when the author sends many edits at once", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    const review = await postReview(author, productId, { rating: 1 });
    await postReview(await makeUser(), productId, { rating: 5 });
    const results = await Promise.all(
      [2, 3, 4, 5, 1, 2, 3, 4].map((rating) =>
        api("PATCH", `/api/reviews/${review.id}`, { as: author, body: { rating } }),
      ),
    );
    // Each edit either applied or (after three lost races) asked to try again; none half-applied.
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await storedSummary(productId)).toEqual(await recomputed(productId));
    expect((await summaryOf(productId)).count).toBe(2);
  });

  it("answers 400 for an empty or invalid change, and refuses server fields", async () => {
    const author = await makeUser();
    const review = await postReview(author, await makeProduct());
    const cases: [unknown, string][] = [
      [{}, "(root)"],
      [{ rating: 7 }, "rating"],
      [{ title: "" }, "title"],
      [{ body: "x".repeat(5001) }, "body"],
      [{ verified: true }, "verified"],
      [{ productId: "another" }, "(root)"],
    ];
    for (const [body, path] of cases) {
      const res = await api<Problem>("PATCH", `/api/reviews/${review.id}`, { as: author, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toContain(path);
    }
  });

  it("answers 404 for a review that does not exist", async () => {
    const res = await api<Problem>("PATCH", "/api/reviews/nope", {
      as: await makeUser(),
      body: { rating: 3 },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });
});

describe("DELETE /api/reviews/:id", () => {
  it("lets the author delete; the summary and the catalog message follow", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    await postReview(await makeUser(), productId, { rating: 5 });
    const review = await postReview(author, productId, { rating: 2 });
    const summaries = watchSummaries();
    const res = await api("DELETE", `/api/reviews/${review.id}`, { as: author });
    expect(res.status).toBe(204);
    expect(await summaryOf(productId)).toEqual({ average: 5, count: 1, histogram: histogram(0, 0, 0, 0, 1) });
    expect(summaries.messages().map(({ at: _, ...m }) => m)).toEqual([{ productId, average: 5, count: 1 }]);
    expect((await api("GET", `/api/reviews/${review.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/reviews/${review.id}`, { as: author })).status).toBe(404);
  });

  it("lets an admin delete anyone's review, and takes its votes with it", async () => {
    const productId = await makeProduct();
    const review = await postReview(await makeUser(), productId, { rating: 1 });
    await api("POST", `/api/reviews/${review.id}/helpful`, { as: await makeUser() });
    const admin: Caller = { userId: "admin-1", role: "admin" };
    expect((await api("DELETE", `/api/reviews/${review.id}`, { as: admin })).status).toBe(204);
    expect(await summaryOf(productId)).toEqual({ average: 0, count: 0, histogram: histogram(0, 0, 0, 0, 0) });
    const votes = await testEnv.REVIEWS_DB.prepare(
      "SELECT COUNT(*) AS n FROM review_votes WHERE review_id = ?1",
    )
      .bind(review.id)
      .first<{ n: number }>();
    expect(votes?.n).toBe(0);
  });

  it("removes a review once when it is deleted many times at once", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    await postReview(await makeUser(), productId, { rating: 3 });
    const review = await postReview(author, productId, { rating: 4 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api("DELETE", `/api/reviews/${review.id}`, { as: author })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 404, 404, 404, 404, 404]);
    expect(await summaryOf(productId)).toEqual({ average: 3, count: 1, histogram: histogram(0, 0, 1, 0, 0) });
  });
});

describe("the summary after create, edit and delete", () => {
  it("has the exact histogram and the average rounded half-up to one decimal", async () => {
    const productId = await makeProduct();
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeUser()));
    const ratings = [5, 5, 4, 4, 4, 2];
    const reviews = await Promise.all(users.map((u, i) => postReview(u, productId, { rating: ratings[i] })));
    // 24 / 6 = 4.0
    expect(await summaryOf(productId)).toEqual({ average: 4, count: 6, histogram: histogram(0, 1, 0, 3, 2) });
    // 2 -> 3: 25 / 6 = 4.1666… -> 4.2
    await api("PATCH", `/api/reviews/${reviews[5]!.id}`, { as: users[5]!, body: { rating: 3 } });
    expect(await summaryOf(productId)).toEqual({
      average: 4.2,
      count: 6,
      histogram: histogram(0, 0, 1, 3, 2),
    });
    // delete one 5: 20 / 5 = 4.0
    await api("DELETE", `/api/reviews/${reviews[0]!.id}`, { as: users[0]! });
    expect(await summaryOf(productId)).toEqual({ average: 4, count: 5, histogram: histogram(0, 0, 1, 3, 1) });
    // delete the 3: 17 / 4 = 4.25 -> 4.3 (half-up)
    await api("DELETE", `/api/reviews/${reviews[5]!.id}`, { as: users[5]! });
    expect(await summaryOf(productId)).toEqual({
      average: 4.3,
      count: 4,
      histogram: histogram(0, 0, 0, 3, 1),
    });
    expect(await storedSummary(productId)).toEqual(await recomputed(productId));
  });

  it("stays exact under a storm of concurrent creates, edits and deletes", async () => {
    const productId = await makeProduct();
    const users = await Promise.all(Array.from({ length: 12 }, () => makeUser()));
    const reviews = await Promise.all(users.map((u, i) => postReview(u, productId, { rating: 1 + (i % 5) })));
    const late = await Promise.all(Array.from({ length: 6 }, () => makeUser()));
    await Promise.all([
      ...reviews
        .slice(0, 6)
        .map((r, i) =>
          api("PATCH", `/api/reviews/${r.id}`, { as: users[i]!, body: { rating: 5 - (i % 5) } }),
        ),
      ...reviews.slice(6, 10).map((r, i) => api("DELETE", `/api/reviews/${r.id}`, { as: users[6 + i]! })),
      ...late.map((u, i) => postReview(u, productId, { rating: 1 + ((i * 2) % 5) })),
    ]);
    expect(await storedSummary(productId)).toEqual(await recomputed(productId));
    expect((await summaryOf(productId)).count).toBe(12 - 4 + 6);
  });
});
