import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { handleEmailBatch, retryDelaySeconds } from "../emails.consumer";
import { handleLowStockBatch } from "../low-stock.consumer";
import {
  delivery,
  memorySender,
  passwordResetMessage,
  type QueueDelivery,
  type QueueResult,
  recordingQueue,
  testDeps,
  uniqueAddress,
  welcomeMessage,
} from "./helpers";

/** A batch from `messages`, with `retry` spied on: getQueueResult does not report delays. */
function batchOf(queue: string, messages: QueueDelivery[]) {
  const batch = createMessageBatch<unknown>(queue, messages);
  const retries = batch.messages.map((message) => vi.spyOn(message, "retry"));
  return { batch, retries };
}

async function resultOf(batch: MessageBatch<unknown>): Promise<QueueResult> {
  return getQueueResult(batch, createExecutionContext());
}

describe("retryDelaySeconds", () => {
  it("doubles from 10 seconds and stops at 10 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });
});

describe("handleEmailBatch", () => {
  it("sends a valid message from the configured address and acks it", async () => {
    const sender = memorySender();
    const to = uniqueAddress("unit");
    const message = welcomeMessage(to);
    const { batch } = batchOf("shop-emails", [delivery(message, { id: "m1" })]);

    await handleEmailBatch(batch, testDeps({ sender, from: "hello@shop.test" }));

    expect((await resultOf(batch)).explicitAcks).toEqual(["m1"]);
    expect(sender.sent).toEqual([
      expect.objectContaining({ to, from: "hello@shop.test", messageId: message.id }),
    ]);
  });

  it("retries with exponential backoff when the sender fails, and does not ack", async () => {
    const deps = testDeps({ sender: memorySender(new Error("provider down")) });
    const { batch, retries } = batchOf("shop-emails", [
      delivery(welcomeMessage(uniqueAddress("fail")), { id: "first-try", attempts: 1 }),
      delivery(welcomeMessage(uniqueAddress("fail")), { id: "third-try", attempts: 3 }),
      delivery(welcomeMessage(uniqueAddress("fail")), { id: "many-tries", attempts: 12 }),
    ]);

    await handleEmailBatch(batch, deps);

    const result = await resultOf(batch);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["first-try", "third-try", "many-tries"]);
    expect(retries[0]).toHaveBeenCalledWith({ delaySeconds: 10 });
    expect(retries[1]).toHaveBeenCalledWith({ delaySeconds: 40 });
    expect(retries[2]).toHaveBeenCalledWith({ delaySeconds: 600 });
  });

  it("dead-letters an invalid message with the reason and acks it without sending", async () => {
    const deps = testDeps();
    const deadLetters = recordingQueue();
    const body = { id: "x", template: "welcome", to: "not-an-address", data: { name: "Ada" } };
    const { batch, retries } = batchOf("shop-emails", [delivery(body, { id: "bad", attempts: 1 })]);

    await handleEmailBatch(batch, { ...deps, deadLetters });

    expect((await resultOf(batch)).explicitAcks).toEqual(["bad"]);
    expect(retries[0]).not.toHaveBeenCalled();
    expect(deps.sender.send).not.toHaveBeenCalled();
    expect(deadLetters.sent).toEqual([
      expect.objectContaining({
        queue: "shop-emails",
        messageId: "bad",
        reason: "invalid emails message",
        errors: [expect.objectContaining({ path: "to" })],
        body,
      }),
    ]);
  });

  it("dead-letters a reset link that is not http(s): no retry can make it safe", async () => {
    const deadLetters = recordingQueue();
    const message = passwordResetMessage(uniqueAddress("js"));
    const hostile = { ...message, data: { ...message.data, resetUrl: "javascript:alert(1)" } };
    const { batch } = batchOf("shop-emails", [delivery(hostile, { id: "js-link" })]);

    await handleEmailBatch(batch, testDeps({ deadLetters }));

    expect((await resultOf(batch)).explicitAcks).toEqual(["js-link"]);
    expect(deadLetters.sent[0]?.reason).toMatch(/http\(s\)/);
  });

  it("retries rather than loses an invalid message when the dead-letter queue is unreachable", async () => {
    const deadLetters = recordingQueue();
    deadLetters.send = async () => {
      throw new Error("queue unavailable");
    };
    const { batch, retries } = batchOf("shop-emails", [
      delivery({ nonsense: true }, { id: "stuck", attempts: 2 }),
    ]);

    await handleEmailBatch(batch, testDeps({ deadLetters }));

    const result = await resultOf(batch);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toEqual([{ msgId: "stuck" }]);
    expect(retries[0]).toHaveBeenCalledWith({ delaySeconds: 20 });
  });
});

describe("handleLowStockBatch", () => {
  it("emails the admin, with an id derived from the event so a redelivery is deduplicated", async () => {
    const sender = memorySender();
    const event = { sku: "TEE-RED-M", available: 1, threshold: 3, at: 1_767_225_600_000 };
    const { batch } = batchOf("shop-low-stock", [delivery(event, { id: "a" }), delivery(event, { id: "b" })]);

    await handleLowStockBatch(batch, { ...testDeps({ sender }), adminEmail: "ops@shop.test" });

    expect((await resultOf(batch)).explicitAcks.sort()).toEqual(["a", "b"]);
    expect(sender.sent.map((e) => [e.to, e.messageId, e.subject])).toEqual([
      ["ops@shop.test", "low-stock:TEE-RED-M:1767225600000", "Low stock: TEE-RED-M (1 left)"],
      ["ops@shop.test", "low-stock:TEE-RED-M:1767225600000", "Low stock: TEE-RED-M (1 left)"],
    ]);
  });

  it("dead-letters an invalid event with the queue it came from", async () => {
    const deadLetters = recordingQueue();
    const { batch } = batchOf("shop-low-stock", [delivery({ sku: "X" }, { id: "bad-event" })]);

    await handleLowStockBatch(batch, testDeps({ deadLetters }));

    expect((await resultOf(batch)).explicitAcks).toEqual(["bad-event"]);
    expect(deadLetters.sent[0]).toMatchObject({
      queue: "shop-low-stock",
      reason: "invalid low-stock message",
    });
  });

  it("retries with backoff when the admin email cannot be sent", async () => {
    const event = { sku: "MUG-1", available: 0, threshold: 2, at: Date.now() };
    const { batch, retries } = batchOf("shop-low-stock", [delivery(event, { id: "down", attempts: 2 })]);

    await handleLowStockBatch(batch, testDeps({ sender: memorySender(new Error("smtp down")) }));

    expect((await resultOf(batch)).retryMessages).toEqual([{ msgId: "down" }]);
    expect(retries[0]).toHaveBeenCalledWith({ delaySeconds: 20 });
  });
});
