import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { outboxStub } from "../../../durable-objects/outbox.do";
import type { OutgoingEmail } from "../email-sender";
import type { Env } from "../worker-configuration";
import { env, handler, uniqueAddress, worker } from "./helpers";

const base = "https://notifications.internal";

/** Seeds one email straight into the outbox (the factory of these tests). */
async function seedEmail(overrides: Partial<OutgoingEmail> = {}): Promise<OutgoingEmail> {
  const email: OutgoingEmail = {
    to: uniqueAddress("route"),
    from: "shop@example.com",
    subject: "Your order",
    html: "<p>Hello <b>there</b></p>",
    text: "Hello there",
    messageId: `m-${crypto.randomUUID()}`,
    ...overrides,
  };
  await outboxStub(env.OUTBOX).store(email);
  return email;
}

/** Calls the worker's fetch with an env copy, as another deployment would configure it. */
function fetchWith(overrides: Partial<Env>, path: string): Promise<Response> {
  const request = new Request(`${base}${path}`) as Request<unknown, IncomingRequestCfProperties>;
  return Promise.resolve(handler.fetch!(request, { ...env, ...overrides }, createExecutionContext()));
}

describe("GET /health", () => {
  it("reports the outbox as reachable", async () => {
    const res = await worker.default.fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: "notifications", status: "ok", checks: { outbox: "ok" } });
  });
});

describe("GET /dev/outbox (development)", () => {
  it("lists stored emails newest first with links, escaping what they contain", async () => {
    const older = await seedEmail({ subject: "Older" });
    const newer = await seedEmail({ subject: "<i>Newer</i>" });

    const res = await worker.default.fetch(`${base}/dev/outbox`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain(
      `<a href="/dev/outbox/${encodeURIComponent(newer.messageId)}">&lt;i&gt;Newer&lt;/i&gt;</a>`,
    );
    expect(page).toContain(older.to);
    expect(page).not.toContain("<i>Newer</i>");
    expect(page.indexOf("Newer")).toBeLessThan(page.indexOf("Older"));
  });

  it("shows one email: its HTML escaped into a sandboxed iframe, and its text", async () => {
    const email = await seedEmail({ html: `<p class="x">Hi & bye</p>`, text: "Hi & bye <text>" });

    const res = await worker.default.fetch(`${base}/dev/outbox/${encodeURIComponent(email.messageId)}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<iframe sandbox srcdoc="&lt;p class=&quot;x&quot;&gt;Hi &amp; bye&lt;/p&gt;"');
    expect(page).toContain("<pre>Hi &amp; bye &lt;text&gt;</pre>");
    expect(page).toContain(email.to);
  });

  it("answers 404 problem+json for an unknown email", async () => {
    const res = await worker.default.fetch(`${base}/dev/outbox/no-such-email`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });
});

describe("GET /dev/outbox.json (development)", () => {
  it("returns one recipient's emails, newest first", async () => {
    const to = uniqueAddress("json");
    await seedEmail({ to, subject: "first" });
    await seedEmail({ to, subject: "second" });
    await seedEmail({ subject: "someone else's" });

    const res = await worker.default.fetch(`${base}/dev/outbox.json?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    const { items } = await res.json<{
      items: { to: string; subject: string; text: string; html: string }[];
    }>();
    expect(items.map((i) => [i.to, i.subject])).toEqual([
      [to, "second"],
      [to, "first"],
    ]);
    expect(items[0]).toHaveProperty("text");
    expect(items[0]).toHaveProperty("html");
  });

  it("rejects a malformed address with 400 validation_failed", async () => {
    const res = await worker.default.fetch(`${base}/dev/outbox.json?to=not-an-email`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "to" }] });
  });
});

describe("dev routes outside development", () => {
  it("answer 404 problem+json, like routes that do not exist, and reveal no email", async () => {
    const email = await seedEmail();
    for (const path of [
      "/dev/outbox",
      "/dev/outbox.json",
      `/dev/outbox/${encodeURIComponent(email.messageId)}`,
    ]) {
      const res = await fetchWith({ ENVIRONMENT: "production" }, path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ code: "not_found", status: 404 });
      expect(body).not.toContain(email.to);
    }
  });

  it("still serve /health", async () => {
    const res = await fetchWith({ ENVIRONMENT: "production" }, "/health");
    expect(res.status).toBe(200);
  });
});

describe("misconfiguration", () => {
  it("fails loudly on an invalid var instead of guessing", async () => {
    const res = await fetchWith({ EMAIL_FROM: "not-an-address" }, "/dev/outbox");
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: "internal_error" });
  });
});
