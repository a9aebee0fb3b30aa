import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { edge, testEnv } from "../../gateway/test/harness";
import worker from "../index";

async function seedCategories(prefix: string) {
  const db = (testEnv as unknown as { CATALOG_DB: D1Database }).CATALOG_DB;
  const now = Date.now();
  await db.batch([
    db
      .prepare(
        "INSERT INTO categories (id, slug, name, parent_id, position, created_at) VALUES (?, ?, ?, NULL, 0, ?)",
      )
      .bind(`${prefix}-root`, `${prefix}-garden`, "Garden & Patio", now),
    db
      .prepare(
        "INSERT INTO categories (id, slug, name, parent_id, position, created_at) VALUES (?, ?, ?, ?, 0, ?)",
      )
      .bind(`${prefix}-child`, `${prefix}-grills`, "Grills <&> Smokers", `${prefix}-root`, now),
  ]);
}

describe("storefront through the edge worker", () => {
  it("renders the home page server-side with categories from the catalog worker", async () => {
    await seedCategories("sf1");
    const res = await edge(
      new Request("https://shop.test/", { headers: { "cf-connecting-ip": "203.0.113.50" } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    // browser -> edge -> Remix loader -> gateway -> service binding -> catalog -> D1
    expect(html).toContain('data-testid="category-list"');
    expect(html).toContain("Garden &amp; Patio");
    // Names are escaped, never injected as markup.
    expect(html).toContain("Grills &lt;&amp;&gt; Smokers");
    expect(html).toContain('data-testid="api-status"');
  });

  it("answers an unknown page with the shop's 404 page", async () => {
    const res = await edge(new Request("https://shop.test/no/such/page"));
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('data-testid="not-found"');
  });

  it("answers the benchmarks' /dev/ping with an empty 204, in development only", async () => {
    const request = () =>
      new Request("https://shop.test/dev/ping") as Request<unknown, IncomingRequestCfProperties>;
    const res = await edge(request());
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    const production = { ...testEnv, ENVIRONMENT: "production" };
    expect((await worker.fetch(request(), production, createExecutionContext())).status).toBe(404);
  });

  it("serves the dev outbox in development only", async () => {
    // The handler expects an incoming request (with Cloudflare's cf properties).
    const request = () =>
      new Request("https://shop.test/dev/outbox.json") as Request<unknown, IncomingRequestCfProperties>;
    expect((await edge(request())).status).toBe(200);
    const production = { ...testEnv, ENVIRONMENT: "production" };
    const res = await worker.fetch(request(), production, createExecutionContext());
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});
