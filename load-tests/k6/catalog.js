// k6 load test of the catalog against a deployed shop: the scenarios of ../scenarios.js (the same
// ones `npm run bench` runs locally with autocannon), one after another, each with 50 virtual
// users by default and a p95 threshold from issue 3 where one applies.
//
//   BASE_URL=https://shop.example.com k6 run load-tests/k6/catalog.js
//   BASE_URL=... VUS=100 DURATION=30 SCENARIOS=search,suggest k6 run load-tests/k6/catalog.js
//   BASE_URL=... SHOP_EMAIL=... SHOP_PASSWORD=... k6 run ...   (enables suggest-signed-in)
//
// Not runnable on the project's machines (k6 is not installable there); see ../README.md.
import { check, fail } from "k6";
import exec from "k6/execution";
import http from "k6/http";
import { categorySlugs, SCENARIOS, TARGETS } from "../scenarios.js";

const BASE_URL = (__ENV.BASE_URL || "").replace(/\/+$/, "");
const VUS = Number(__ENV.VUS || 50);
const DURATION_S = Number(__ENV.DURATION || 10);
const WARMUP_S = Number(__ENV.WARMUP || 2);
/** Seconds between scenarios, so one's tail does not overlap the next one's start. */
const GAP_S = 2;
const ONLY = __ENV.SCENARIOS ? __ENV.SCENARIOS.split(",") : null;
const CREDENTIALS = __ENV.SHOP_EMAIL && __ENV.SHOP_PASSWORD;

const selected = SCENARIOS.filter(
  (s) => !s.localOnly && (!ONLY || ONLY.indexOf(s.name) >= 0) && (!s.signedIn || CREDENTIALS),
);

/**
 * One k6 scenario per load scenario, run in sequence. The warm-up is part of each k6 scenario
 * (k6 has no per-scenario warm-up), so thresholds only look at requests tagged `phase:measure`.
 */
function k6Options() {
  const scenarios = {};
  const thresholds = {};
  selected.forEach((s, n) => {
    scenarios[s.name] = {
      executor: "constant-vus",
      vus: VUS,
      duration: `${WARMUP_S + DURATION_S}s`,
      startTime: `${n * (WARMUP_S + DURATION_S + GAP_S)}s`,
      exec: "request",
      env: { SCENARIO: s.name },
      gracefulStop: "5s",
    };
    const measured = `{scenario:${s.name},phase:measure}`;
    thresholds[`http_req_failed${measured}`] = ["rate<0.01"];
    thresholds[`http_req_duration${measured}`] = s.target ? [`p(95)<${TARGETS[s.target]}`] : ["p(95)<1000"];
  });
  return {
    scenarios,
    thresholds,
    summaryTrendStats: ["avg", "med", "p(95)", "p(99)", "max"],
  };
}

export const options = k6Options();

/** Catalog facts the URLs are built from, and a shopper's token for the signed-in scenario. */
export function setup() {
  if (!BASE_URL) fail("set BASE_URL, e.g. BASE_URL=https://shop.example.com");
  const categories = http.get(`${BASE_URL}/api/categories`, { tags: { phase: "setup" } });
  let token = null;
  if (CREDENTIALS) {
    const login = http.post(
      `${BASE_URL}/api/auth/login`,
      JSON.stringify({ email: __ENV.SHOP_EMAIL, password: __ENV.SHOP_PASSWORD }),
      { headers: { "content-type": "application/json" }, tags: { phase: "setup" } },
    );
    if (login.status !== 200) fail(`sign-in answered ${login.status}`);
    token = login.json("accessToken");
  }
  return {
    categories: categorySlugs(categories.status === 200 ? categories.json() : null),
    salt: Math.floor(Math.random() * 1000000000),
    token,
  };
}

/** One request of the running scenario; numbered across all its VUs, as the local runner does. */
export function request(data) {
  const scenario = SCENARIOS.filter((s) => s.name === __ENV.SCENARIO)[0];
  const index = exec.scenario.iterationInTest;
  const headers = { accept: "application/json" };
  if (scenario.signedIn && data.token) headers.authorization = `Bearer ${data.token}`;
  const elapsed = (Date.now() - exec.scenario.startTime) / 1000;
  const res = http.get(`${BASE_URL}${scenario.path(index, data)}`, {
    headers,
    // One metric series per scenario, not one per URL (uncached scenarios never repeat a URL).
    tags: { name: scenario.name, phase: elapsed < WARMUP_S ? "warmup" : "measure" },
  });
  check(res, {
    "status 200": (r) => r.status === 200,
    "edge cache as expected": (r) => {
      const cache = r.headers["X-Cache"] || r.headers["x-cache"];
      if (scenario.cache === "miss") return cache === "MISS";
      if (scenario.cache === "bypass") return cache === "BYPASS";
      return cache === "HIT" || cache === "MISS";
    },
  });
}
