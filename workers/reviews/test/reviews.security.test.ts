import { describe, expect, it } from "vitest";
import type { Caller } from "../../shared/caller";
import type { Problem } from "../../shared/errors";
import type { Review, ReviewPage } from "../reviews.schemas";
import { api, makeProduct, makeUser, postReview, reviewBody } from "./harness";

describe("reviews: who may do what", () => {
  it("answers 401 to anonymous writes, before looking at the body", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    const writes: [string, string, unknown][] = [
      ["POST", "/api/reviews", { nonsense: true }],
      ["PATCH", `/api/reviews/${review.id}`, { rating: 1 }],
      ["DELETE", `/api/reviews/${review.id}`, undefined],
      ["POST", `/api/reviews/${review.id}/helpful`, undefined],
      ["DELETE", `/api/reviews/${review.id}/helpful`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const res = await api<Problem>(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.code).toBe("unauthorized");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    const unchanged = await api<Review>("GET", `/api/reviews/${review.id}`);
    expect(unchanged.body).toMatchObject({ rating: review.rating, helpfulCount: 0 });
  });

  it("lets anyone read, signed in or not", async () => {
    const productId = await makeProduct();
    await postReview(await makeUser(), productId);
    expect((await api<ReviewPage>("GET", `/api/reviews/product/${productId}`)).body.total).toBe(1);
    const signedIn = await api<ReviewPage>("GET", `/api/reviews/product/${productId}`, {
      as: await makeUser(),
    });
    expect(signedIn.body.total).toBe(1);
  });

  it("does not let anyone else edit a review, not even an admin: 403, nothing changes", async () => {
    const author = await makeUser();
    const review = await postReview(author, await makeProduct(), { rating: 5, body: "Mine." });
    const others: Caller[] = [
      await makeUser(),
      await makeUser("Sal Seller", "seller"),
      { userId: "admin-1", role: "admin" },
    ];
    for (const other of others) {
      const res = await api<Problem>("PATCH", `/api/reviews/${review.id}`, {
        as: other,
        body: { rating: 1, body: "Not mine." },
      });
      expect(res.status, other.role).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    const unchanged = await api<Review>("GET", `/api/reviews/${review.id}`);
    expect(unchanged.body).toMatchObject({ rating: 5, body: "Mine." });
  });

  it("does not let a customer or seller delete someone else's review: 403", async () => {
    const review = await postReview(await makeUser(), await makeProduct());
    for (const other of [await makeUser(), await makeUser("Sal Seller", "seller")]) {
      const res = await api<Problem>("DELETE", `/api/reviews/${review.id}`, { as: other });
      expect(res.status, other.role).toBe(403);
    }
    expect((await api("GET", `/api/reviews/${review.id}`)).status).toBe(200);
  });

  it("does not let a seller review their own product", async () => {
    const seller = await makeUser("Sal Seller", "seller");
    const productId = await makeProduct({ sellerId: seller.userId });
    const res = await api<Problem>("POST", "/api/reviews", { as: seller, body: reviewBody(productId) });
    expect(res.status).toBe(403);
    // Another seller's product is fine: sellers shop too.
    expect((await postReview(seller, await makeProduct())).authorName).toBe("Sal S.");
  });

  it("takes the author's name from identity, never from the client", async () => {
    const author = await makeUser("Mallory");
    const res = await api<Problem>("POST", "/api/reviews", {
      as: author,
      body: reviewBody(await makeProduct(), { authorName: "The Shop Owner" }),
    });
    expect(res.status).toBe(400);
    expect((await postReview(author, await makeProduct())).authorName).toBe("Mallory");
  });

  it("answers 401 when the signed-in account no longer exists", async () => {
    const ghost: Caller = { userId: "user-deleted-long-ago", role: "customer" };
    const res = await api<Problem>("POST", "/api/reviews", {
      as: ghost,
      body: reviewBody(await makeProduct()),
    });
    expect(res.status).toBe(401);
  });

  it("ignores caller headers with an unknown role (anonymous)", async () => {
    const res = await api<Problem>("POST", "/api/reviews", {
      body: reviewBody(await makeProduct()),
      headers: { "x-shop-caller-id": "someone", "x-shop-caller-role": "superuser" },
    });
    expect(res.status).toBe(401);
  });
});
