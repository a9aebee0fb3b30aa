import { describe, expect, it } from "vitest";
import { outboxStub } from "../../../durable-objects/outbox.do";
import type { OutgoingEmail } from "../email-sender";
import { env, uniqueAddress } from "./helpers";

const outbox = () => outboxStub(env.OUTBOX);

function anEmail(to: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to,
    from: "shop@example.com",
    subject: "Hello",
    html: "<p>Hello</p>",
    text: "Hello",
    messageId: `m-${crypto.randomUUID()}`,
    ...overrides,
  };
}

describe("OutboxDO", () => {
  it("stores an email and reads it back by id", async () => {
    const email = anEmail(uniqueAddress("get"));
    const before = Date.now();
    expect(await outbox().store(email)).toEqual({ stored: true });

    const stored = await outbox().get(email.messageId);
    expect(stored).toMatchObject({
      id: email.messageId,
      to: email.to,
      subject: "Hello",
      html: "<p>Hello</p>",
    });
    expect(stored?.storedAt).toBeGreaterThanOrEqual(before);
    expect(await outbox().get("no-such-id")).toBeNull();
  });

  it("is idempotent by message id: the second store keeps the first row", async () => {
    const to = uniqueAddress("idem");
    const first = anEmail(to, { subject: "First" });
    expect(await outbox().store(first)).toEqual({ stored: true });
    expect(await outbox().store({ ...first, subject: "Second" })).toEqual({ stored: false });

    const list = await outbox().list({ to });
    expect(list.map((e) => e.subject)).toEqual(["First"]);
  });

  it("lists newest first, filtered by recipient (case-insensitively) and limited", async () => {
    const to = uniqueAddress("list");
    for (const subject of ["one", "two", "three"]) await outbox().store(anEmail(to, { subject }));
    await outbox().store(anEmail(uniqueAddress("someone-else")));

    expect((await outbox().list({ to })).map((e) => e.subject)).toEqual(["three", "two", "one"]);
    expect((await outbox().list({ to: to.toUpperCase() })).map((e) => e.subject)).toEqual([
      "three",
      "two",
      "one",
    ]);
    expect((await outbox().list({ to, limit: 2 })).map((e) => e.subject)).toEqual(["three", "two"]);
    expect((await outbox().list({ to, limit: 0 })).map((e) => e.subject)).toEqual(["three"]);
  });

  it("lists every recipient without a filter", async () => {
    const a = anEmail(uniqueAddress("all-a"));
    const b = anEmail(uniqueAddress("all-b"));
    await outbox().store(a);
    await outbox().store(b);

    const ids = (await outbox().list()).map((e) => e.id);
    expect(ids.indexOf(b.messageId)).toBeLessThan(ids.indexOf(a.messageId));
  });

  it("clears everything", async () => {
    const email = anEmail(uniqueAddress("clear"));
    await outbox().store(email);

    const { deleted } = await outbox().clear();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await outbox().get(email.messageId)).toBeNull();
    expect(await outbox().ping()).toEqual({ emails: 0 });
  });
});
