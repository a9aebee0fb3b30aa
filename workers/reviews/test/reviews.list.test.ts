import { describe, expect, it } from "vitest";
import type { Problem } from "../../shared/errors";
import type { Review, ReviewPage } from "../reviews.schemas";
import { api, makeProduct, makeUser, postReview, testEnv } from "./harness";

/** Reviews of one product with set ratings and creation times (oldest first). */
async function productWithReviews(ratings: number[]) {
  const productId = await makeProduct();
  const reviews: Review[] = [];
  for (const [i, rating] of ratings.entries()) {
    const review = await postReview(await makeUser(), productId, { rating, title: `Review ${i}` });
    // Distinct, increasing creation times without waiting.
    await testEnv.REVIEWS_DB.prepare("UPDATE reviews SET created_at = ?2 WHERE id = ?1")
      .bind(review.id, 1_700_000_000_000 + i * 1000)
      .run();
    reviews.push(review);
  }
  return { productId, reviews };
}

async function list(path: string): Promise<ReviewPage> {
  const res = await api<ReviewPage>("GET", path);
  expect(res.status).toBe(200);
  return res.body;
}

describe("GET /api/reviews/product/:productId", () => {
  it("pages the reviews with total, page, limit and the summary", async () => {
    const { productId } = await productWithReviews([5, 4, 3, 5, 1]);
    const page = await list(`/api/reviews/product/${productId}?sort=newest&page=2&limit=2`);
    expect(page.total).toBe(5);
    expect(page.page).toBe(2);
    expect(page.limit).toBe(2);
    expect(page.items.map((r) => r.title)).toEqual(["Review 2", "Review 1"]);
    expect(page.summary).toEqual({
      average: 3.6,
      count: 5,
      histogram: { "1": 1, "2": 0, "3": 1, "4": 1, "5": 2 },
    });
    const last = await list(`/api/reviews/product/${productId}?sort=newest&page=3&limit=2`);
    expect(last.items.map((r) => r.title)).toEqual(["Review 0"]);
    const past = await list(`/api/reviews/product/${productId}?page=9&limit=2`);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(5);
  });

  it("sorts by newest, by rating (highest first, then newest) and by most helpful (default)", async () => {
    const { productId } = await productWithReviews([3, 5, 1, 5]);
    const titles = async (query: string) =>
      (await list(`/api/reviews/product/${productId}${query}`)).items.map((r) => r.title);
    expect(await titles("?sort=newest")).toEqual(["Review 3", "Review 2", "Review 1", "Review 0"]);
    expect(await titles("?sort=rating")).toEqual(["Review 3", "Review 1", "Review 0", "Review 2"]);
    // No votes yet: most helpful falls back to newest.
    expect(await titles("")).toEqual(["Review 3", "Review 2", "Review 1", "Review 0"]);
  });

  it("answers an empty page and a zero summary for a product without reviews", async () => {
    const page = await list("/api/reviews/product/prod-without-reviews");
    expect(page).toEqual({
      items: [],
      total: 0,
      page: 1,
      limit: 24,
      summary: { average: 0, count: 0, histogram: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 } },
    });
  });

  it("is not cacheable", async () => {
    const res = await api("GET", "/api/reviews/product/prod-x");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("shows votedByMe to a signed-in caller only", async () => {
    const productId = await makeProduct();
    const review = await postReview(await makeUser(), productId);
    const voter = await makeUser();
    await api("POST", `/api/reviews/${review.id}/helpful`, { as: voter });
    const mine = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`, { as: voter });
    expect(mine.body.items[0]?.votedByMe).toBe(true);
    const someoneElse = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`, {
      as: await makeUser(),
    });
    expect(someoneElse.body.items[0]?.votedByMe).toBe(false);
    expect((await list(`/api/reviews/product/${productId}`)).items[0]).not.toHaveProperty("votedByMe");
  });

  it("answers 400 with field errors for a bad sort, page or limit", async () => {
    for (const [query, path] of [
      ["sort=best", "sort"],
      ["page=0", "page"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
    ]) {
      const res = await api<Problem>("GET", `/api/reviews/product/p1?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors?.map((e) => e.path)).toEqual([path]);
    }
  });

  it("answers 400 for an over-long product id rather than querying with it", async () => {
    const res = await api<Problem>("GET", `/api/reviews/product/${"x".repeat(200)}`);
    expect(res.status).toBe(400);
  });
});

describe("GET /api/reviews/:id", () => {
  it("answers one review, or 404", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const res = await api<Review>("GET", `/api/reviews/${review.id}`);
    expect(res.status).toBe(200);
    const { votedByMe: _, ...publicView } = review;
    expect(res.body).toEqual(publicView);
    expect((await api<Problem>("GET", "/api/reviews/nope")).body.code).toBe("not_found");
  });
});
