/** Types for scripts/seed-reviews.mjs (plain ESM so Node scripts and workerd tests share it). */

export interface DemoReviewer {
  id: string;
  role: "customer";
  name: string;
  /** What identity's displayName makes of `name` ("Priya P."), stored on each review. */
  publicName: string;
  email: string;
  password: string;
}

export interface DemoReview {
  id: string;
  productId: string;
  userId: string;
  authorName: string;
  rating: 1 | 2 | 3 | 4 | 5;
  title: string;
  body: string;
  verified: boolean;
  helpfulCount: number;
  createdAt: number;
}

export interface DemoVote {
  reviewId: string;
  userId: string;
  createdAt: number;
}

/** A seeded product's summary; `histogram[0]` counts 1-star reviews. */
export interface DemoSummary {
  productId: string;
  count: number;
  sum: number;
  histogram: [number, number, number, number, number];
  average: number;
}

export interface DemoReviews {
  reviews: DemoReview[];
  votes: DemoVote[];
  summaries: DemoSummary[];
}

export declare const REVIEWS_SEEDED_AT: number;
export declare const DEMO_REVIEWER_PASSWORD: string;
export declare const DEMO_REVIEWERS: DemoReviewer[];
export declare function demoReviews(): DemoReviews;
export declare function reviewsSeedStatements(): string[];
export declare function reviewsSeedSql(): string;
export declare function catalogRatingsSql(): string;
