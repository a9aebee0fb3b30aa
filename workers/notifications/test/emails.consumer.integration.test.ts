import { createMessageBatch } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { outboxStub } from "../../../durable-objects/outbox.do";
import {
  delivery,
  env,
  passwordResetMessage,
  type QueueResult,
  runQueue,
  uniqueAddress,
  welcomeMessage,
  worker,
} from "./helpers";

const outbox = () => outboxStub(env.OUTBOX);

/** Runs the worker's queue handler on `bodies` like the platform would, and reports the outcome. */
async function consume(queue: string, bodies: unknown[]): Promise<{ result: QueueResult; ids: string[] }> {
  const messages = bodies.map((body) => delivery(body));
  const result = await runQueue(createMessageBatch<unknown>(queue, messages));
  return { result, ids: messages.map((m) => m.id) };
}

describe("shop-emails consumer (worker queue handler, outbox transport)", () => {
  it("stores a welcome email in the outbox and acks the message", async () => {
    const to = uniqueAddress("welcome");
    const { result, ids } = await consume("shop-emails", [welcomeMessage(to, "Grace")]);

    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    const [email, ...others] = await outbox().list({ to });
    expect(others).toEqual([]);
    expect(email).toMatchObject({ to, from: env.EMAIL_FROM, subject: "Welcome to Edge Commerce" });
    expect(email?.text).toContain("Hi Grace,");
    expect(email?.html).toContain("Hi Grace,");
  });

  it("stores a password reset email whose text carries the reset URL with its token", async () => {
    const to = uniqueAddress("reset");
    const token = `tok_${crypto.randomUUID()}`;
    const message = passwordResetMessage(to, token);
    const { result, ids } = await consume("shop-emails", [message]);

    expect(result.explicitAcks).toEqual(ids);
    const [email] = await outbox().list({ to });
    expect(email?.subject).toBe("Reset your Edge Commerce password");
    expect(email?.id).toBe(message.id);
    expect(email?.text).toContain(`https://shop.test/reset-password?token=${token}`);
    expect(email?.text).toContain("expires in 30 minutes");
    // In the HTML the URL sits in an attribute, so its "&" and quotes would be escaped.
    expect(email?.html).toContain(`href="https://shop.test/reset-password?token=${token}"`);
  });

  it("escapes a hostile name in the HTML but keeps it verbatim in the text", async () => {
    const to = uniqueAddress("xss");
    await consume("shop-emails", [welcomeMessage(to, "<script>alert(1)</script>")]);

    const [email] = await outbox().list({ to });
    expect(email?.html).not.toContain("<script>");
    expect(email?.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(email?.text).toContain("Hi <script>alert(1)</script>,");
  });

  it("stores an email once when the same message id is delivered twice", async () => {
    const to = uniqueAddress("dup");
    const message = welcomeMessage(to);
    const first = await consume("shop-emails", [message]);
    const second = await consume("shop-emails", [message]);

    expect(first.result.explicitAcks).toEqual(first.ids);
    expect(second.result.explicitAcks).toEqual(second.ids);
    expect(await outbox().list({ to })).toHaveLength(1);
  });

  it("acks an invalid message after dead-lettering it, and sends nothing", async () => {
    const to = uniqueAddress("invalid");
    const { result, ids } = await consume("shop-emails", [
      { id: "bad-1", template: "welcome", to, data: {} },
    ]);

    expect(result.explicitAcks).toEqual(ids);
    expect(result.retryMessages).toEqual([]);
    expect(await outbox().list({ to })).toEqual([]);
  });

  it("handles each message of a mixed batch on its own", async () => {
    const to = uniqueAddress("mixed");
    const { result, ids } = await consume("shop-emails", [welcomeMessage(to), { nonsense: true }]);

    expect(result.explicitAcks.sort()).toEqual([...ids].sort());
    expect(await outbox().list({ to })).toHaveLength(1);
  });
});

describe("shop-low-stock consumer", () => {
  it("turns a low-stock event into an email to the admin", async () => {
    const sku = `SKU-${crypto.randomUUID().slice(0, 8)}`;
    const { result, ids } = await consume("shop-low-stock", [
      { sku, available: 2, threshold: 5, at: Date.now() },
    ]);

    expect(result.explicitAcks).toEqual(ids);
    const alert = (await outbox().list({ to: env.ADMIN_EMAIL })).find((e) => e.subject.includes(sku));
    expect(alert?.subject).toBe(`Low stock: ${sku} (2 left)`);
    expect(alert?.text).toContain(`SKU ${sku} has 2 units available, at or below its alert threshold of 5.`);
  });

  it("dead-letters and acks an invalid low-stock event", async () => {
    const { result, ids } = await consume("shop-low-stock", [{ sku: "", available: "two" }]);
    expect(result.explicitAcks).toEqual(ids);
  });
});

describe("end to end: a password reset finished offline", () => {
  it("goes from the queue handler to the outbox, where /dev/outbox.json shows the reset link", async () => {
    const to = uniqueAddress("e2e");
    const token = `e2e_${crypto.randomUUID()}`;
    const { result, ids } = await consume("shop-emails", [passwordResetMessage(to, token)]);
    expect(result.explicitAcks).toEqual(ids);

    const res = await worker.default.fetch(
      `https://notifications.internal/dev/outbox.json?to=${encodeURIComponent(to)}`,
    );
    expect(res.status).toBe(200);
    const { items } = await res.json<{ items: { text: string }[] }>();
    const link = items[0]?.text.match(/https:\/\/\S+token=(\S+)/);
    expect(link?.[1]).toBe(token);
  });
});
