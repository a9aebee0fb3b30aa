import { afterEach, describe, expect, it, vi } from "vitest";
import type { Problem } from "../../shared/errors";
import { createReview } from "../review-writes";
import { reviewsDeps } from "../reviews.deps";
import type { Review, ReviewPage } from "../reviews.schemas";
import {
  api,
  call,
  makeProduct,
  makeUser,
  placeOrder,
  postReview,
  reviewBody,
  testEnv,
  watchSummaries,
} from "./harness";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /api/reviews", () => {
  it("creates a review with the author's public name and answers 201 with it", async () => {
    const productId = await makeProduct();
    const author = await makeUser("Grace Brewster Hopper");
    const res = await api<Review>("POST", "/api/reviews", {
      as: author,
      body: reviewBody(productId, { rating: 4, title: "  Solid  ", body: "Good value." }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/reviews/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.any(String),
      productId,
      authorName: "Grace H.",
      rating: 4,
      title: "Solid",
      body: "Good value.",
      verified: false,
      helpfulCount: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: res.body.createdAt,
      votedByMe: false,
    });
    // Read anonymously, the same review without `votedByMe`.
    const { votedByMe: _, ...publicView } = res.body;
    const page = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`);
    expect(page.body.items).toEqual([publicView]);
    expect(page.body.summary).toEqual({
      average: 4,
      count: 1,
      histogram: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 },
    });
  });

  it("tells the catalog the product's new summary", async () => {
    const productId = await makeProduct();
    const summaries = watchSummaries();
    await postReview(await makeUser(), productId, { rating: 3 });
    await postReview(await makeUser(), productId, { rating: 4 });
    const sent = summaries.messages();
    expect(sent.map(({ at: _, ...m }) => m)).toEqual([
      { productId, average: 3, count: 1 },
      { productId, average: 3.5, count: 2 },
    ]);
    expect(sent[1]!.at).toBeGreaterThan(sent[0]!.at);
  });

  it("answers 409 for a second review of the same product by the same user", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    await postReview(author, productId);
    const again = await api<Problem>("POST", "/api/reviews", { as: author, body: reviewBody(productId) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("conflict");
    // Another product, or another user on this product, is fine.
    await postReview(author, await makeProduct());
    await postReview(await makeUser(), productId);
  });

  it("creates exactly one review when the same user posts ten at once (the others 409)", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    const summaries = watchSummaries();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api("POST", "/api/reviews", { as: author, body: reviewBody(productId, { rating: 1 + (i % 5) }) }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    const page = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`);
    expect(page.body.total).toBe(1);
    expect(page.body.summary.count).toBe(1);
    expect(summaries.messages()).toHaveLength(1);
  });

  it("answers 404 for a product that does not exist, is a draft or is archived", async () => {
    const author = await makeUser();
    const missing = await api<Problem>("POST", "/api/reviews", { as: author, body: reviewBody("prod-nope") });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
    for (const status of ["draft", "archived"] as const) {
      const productId = await makeProduct({ status });
      const res = await api<Problem>("POST", "/api/reviews", { as: author, body: reviewBody(productId) });
      expect(res.status, status).toBe(404);
    }
  });

  it("answers 400 validation_failed with field errors", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    const cases: [unknown, string[]][] = [
      [{}, ["productId", "rating", "title", "body"]],
      [reviewBody(productId, { rating: 0 }), ["rating"]],
      [reviewBody(productId, { rating: 6 }), ["rating"]],
      [reviewBody(productId, { rating: 4.5 }), ["rating"]],
      [reviewBody(productId, { rating: "5" }), ["rating"]],
      [reviewBody(productId, { title: "   " }), ["title"]],
      [reviewBody(productId, { title: "x".repeat(121) }), ["title"]],
      [reviewBody(productId, { body: "" }), ["body"]],
      [reviewBody(productId, { body: "x".repeat(5001) }), ["body"]],
      [reviewBody(productId, { productId: "" }), ["productId"]],
    ];
    for (const [body, paths] of cases) {
      const res = await api<Problem>("POST", "/api/reviews", { as: author, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe("validation_failed");
      expect(res.body.errors?.map((e) => e.path).sort()).toEqual([...paths].sort());
    }
    // The limits themselves are fine.
    const longest = reviewBody(productId, { title: "t".repeat(120), body: "b".repeat(5000) });
    expect((await api("POST", "/api/reviews", { as: author, body: longest })).status).toBe(201);
  });

  it("answers 400 invalid_json for a malformed body", async () => {
    const res = await api<Problem>("POST", "/api/reviews", {
      as: await makeUser(),
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("invalid_json");
  });

  it("answers 503 and writes nothing when a service it asks is down", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const productId = await makeProduct();
    const author = await makeUser();
    // A twin of orders that fails (over RPC, a rejection would leak in vitest-pool-workers).
    const deps = {
      ...reviewsDeps(testEnv),
      orders: { hasPurchased: () => Promise.reject(new Error("orders is down")) },
    };
    const input = { productId, rating: 5, title: "Great", body: "Really." };
    await expect(createReview(deps, author, input)).rejects.toMatchObject({
      status: 503,
      code: "service_unavailable",
    });
    const page = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`);
    expect(page.body.total).toBe(0);
  });
});

describe("verified purchase", () => {
  it("is true for a user with a confirmed (or later) order containing the product", async () => {
    for (const status of ["confirmed", "processing", "shipped", "delivered"]) {
      const productId = await makeProduct();
      const buyer = await makeUser();
      await placeOrder(buyer.userId, productId, status);
      expect((await postReview(buyer, productId)).verified, status).toBe(true);
    }
  });

  it("is false without such an order: none, unpaid, cancelled, refunded, or of another product", async () => {
    const productId = await makeProduct();
    expect((await postReview(await makeUser(), productId)).verified).toBe(false);
    for (const status of ["pending_payment", "expired", "cancelled", "refunded"]) {
      const buyer = await makeUser();
      await placeOrder(buyer.userId, productId, status);
      expect((await postReview(buyer, productId)).verified, status).toBe(false);
    }
    const otherBuyer = await makeUser();
    await placeOrder(otherBuyer.userId, await makeProduct(), "delivered");
    expect((await postReview(otherBuyer, productId)).verified).toBe(false);
  });

  it("cannot be set by the client: `verified` (and other server fields) are refused", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    for (const field of ["verified", "authorName", "helpfulCount", "userId"]) {
      const value = field === "helpfulCount" ? 99 : field === "verified" ? true : "Mallory";
      const res = await api<Problem>("POST", "/api/reviews", {
        as: author,
        body: reviewBody(productId, { [field]: value }),
      });
      expect(res.status, field).toBe(400);
      expect(res.body.errors).toEqual([{ path: field, message: `${field} is set by the server.` }]);
    }
    const unknown = await api<Problem>("POST", "/api/reviews", {
      as: author,
      body: reviewBody(productId, { badge: "gold" }),
    });
    expect(unknown.status).toBe(400);
    const page = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`);
    expect(page.body.total).toBe(0);
  });

  it("is checked again on edit, both ways", async () => {
    const productId = await makeProduct();
    const author = await makeUser();
    const review = await postReview(author, productId);
    expect(review.verified).toBe(false);
    const orderId = await placeOrder(author.userId, productId, "delivered");
    const edited = await api<Review>("PATCH", `/api/reviews/${review.id}`, {
      as: author,
      body: { rating: 4 },
    });
    expect(edited.body.verified).toBe(true);
    await testEnv.ORDERS_DB.prepare("UPDATE orders SET status = 'refunded' WHERE id = ?1")
      .bind(orderId)
      .run();
    const again = await api<Review>("PATCH", `/api/reviews/${review.id}`, {
      as: author,
      body: { title: "Hmm" },
    });
    expect(again.body.verified).toBe(false);
  });
});

describe("review text is data, never markup", () => {
  const payloads = [
    `<script>alert("x")</script>`,
    `<img src=x onerror=alert(1)>`,
    `"><svg/onload=alert(1)>`,
    `&lt;b&gt; already escaped &amp; stays so`,
    `javascript:alert(1) ' OR 1=1 --`,
  ];

  it("stores and returns XSS payloads unchanged, as plain JSON strings", async () => {
    const productId = await makeProduct();
    for (const payload of payloads) {
      const author = await makeUser();
      const created = await postReview(author, productId, { title: payload.slice(0, 120), body: payload });
      expect(created.body).toBe(payload);
      const stored = await testEnv.REVIEWS_DB.prepare("SELECT title, body FROM reviews WHERE id = ?1")
        .bind(created.id)
        .first<{ title: string; body: string }>();
      expect(stored).toEqual({ title: payload.slice(0, 120), body: payload });
    }
    const res = await api<ReviewPage>("GET", `/api/reviews/product/${productId}?sort=newest&limit=100`);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body.items.map((r) => r.body).sort()).toEqual([...payloads].sort());
  });

  it("answers JSON that a browser will not sniff as HTML", async () => {
    const productId = await makeProduct();
    await postReview(await makeUser(), productId, { body: "<script>alert(1)</script>" });
    const res = await call(`/api/reviews/product/${productId}`);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    // The payload is inside a JSON string literal; JSON.parse gives it back byte for byte.
    expect(text).toContain(JSON.stringify("<script>alert(1)</script>"));
    expect((JSON.parse(text) as ReviewPage).items[0]?.body).toBe("<script>alert(1)</script>");
  });
});
