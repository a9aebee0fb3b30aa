import { describe, expect, it } from "vitest";
import { outboxStub } from "../../../durable-objects/outbox.do";
import { env, uniqueAddress, worker } from "./helpers";

describe("NotificationsService (RPC, as other workers call it)", () => {
  it("lists the outbox for one recipient, newest first", async () => {
    const to = uniqueAddress("rpc");
    const outbox = outboxStub(env.OUTBOX);
    for (const subject of ["older", "newer"]) {
      await outbox.store({
        to,
        from: "shop@example.com",
        subject,
        html: "",
        text: "",
        messageId: crypto.randomUUID(),
      });
    }

    const emails = await worker.NotificationsService.listOutbox(to);
    expect(emails.map((e) => [e.to, e.subject])).toEqual([
      [to, "newer"],
      [to, "older"],
    ]);
  });

  it("lists every recipient without an address", async () => {
    const to = uniqueAddress("rpc-all");
    await outboxStub(env.OUTBOX).store({
      to,
      from: "shop@example.com",
      subject: "x",
      html: "",
      text: "",
      messageId: crypto.randomUUID(),
    });

    const emails = await worker.NotificationsService.listOutbox();
    expect(emails.some((e) => e.to === to)).toBe(true);
  });
});
