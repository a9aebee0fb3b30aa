import { createMessageBatch } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { outboxStub } from "../../../durable-objects/outbox.do";
import { type OutgoingEmail, sendEmailSender, senderFor } from "../email-sender";
import type { Env } from "../worker-configuration";
import { delivery, env, runQueue, uniqueAddress, welcomeMessage } from "./helpers";

function anEmail(to: string): OutgoingEmail {
  return {
    to,
    from: env.EMAIL_FROM,
    subject: "Grüße from the shop",
    html: "<p>Hallo</p>",
    text: "Hallo",
    messageId: `m-${crypto.randomUUID()}`,
  };
}

describe("sendEmailSender", () => {
  it("hands the binding an EmailMessage with the envelope addresses", async () => {
    const sent: EmailMessage[] = [];
    const mail = {
      async send(message: EmailMessage) {
        sent.push(message);
        return { messageId: "x" };
      },
    } as unknown as SendEmail;
    const email = anEmail(uniqueAddress("fake-mail"));

    await sendEmailSender(mail).send(email);

    expect(sent.map((m) => [m.from, m.to])).toEqual([[email.from, email.to]]);
  });

  it("sends a MIME message the local send_email binding parses and accepts", async () => {
    // Miniflare's binding parses the raw message and rejects it without a Message-ID or with a
    // From header that differs from the envelope.
    await expect(
      sendEmailSender(env.MAIL).send(anEmail(uniqueAddress("real-mail"))),
    ).resolves.toBeUndefined();
  });

  it("lets a failure of the binding reach the caller, so the message is retried", async () => {
    const mail = { send: async () => Promise.reject(new Error("quota exceeded")) } as unknown as SendEmail;
    await expect(sendEmailSender(mail).send(anEmail(uniqueAddress("quota")))).rejects.toThrow(
      "quota exceeded",
    );
  });
});

describe("senderFor (EMAIL_TRANSPORT)", () => {
  it("stores in the outbox by default", async () => {
    const email = anEmail(uniqueAddress("outbox-transport"));
    await senderFor(env).send(email);
    expect(await outboxStub(env.OUTBOX).get(email.messageId)).not.toBeNull();
  });

  it("sends through the send_email binding and skips the outbox when told to", async () => {
    const email = anEmail(uniqueAddress("send-transport"));
    await senderFor({ ...env, EMAIL_TRANSPORT: "send_email" }).send(email);
    expect(await outboxStub(env.OUTBOX).get(email.messageId)).toBeNull();
  });

  it("rejects an unknown transport", () => {
    expect(() => senderFor({ ...env, EMAIL_TRANSPORT: "pigeon" })).toThrow(/EMAIL_TRANSPORT/);
  });
});

describe("the queue handler in production mode", () => {
  it("sends a welcome email through send_email and acks it", async () => {
    const production: Env = { ...env, ENVIRONMENT: "production", EMAIL_TRANSPORT: "send_email" };
    const to = uniqueAddress("prod");
    const message = delivery(welcomeMessage(to));

    const result = await runQueue(createMessageBatch<unknown>("shop-emails", [message]), production);

    expect(result.explicitAcks).toEqual([message.id]);
    expect(await outboxStub(env.OUTBOX).list({ to })).toEqual([]);
  });
});
