import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import { type OutboxDO, outboxStub } from "../../../durable-objects/outbox.do";
import { env, uniqueAddress } from "./helpers";

// Its own file: it fills the outbox to its cap, which would prune other tests' emails.
it("keeps only the newest 1000 emails", async () => {
  const to = uniqueAddress("retention");
  await runInDurableObject(outboxStub(env.OUTBOX), (outbox: OutboxDO) => {
    for (let i = 0; i < 1005; i++) {
      outbox.store({
        to,
        from: "shop@example.com",
        subject: `#${i}`,
        html: "",
        text: "",
        messageId: `r-${i}`,
      });
    }
  });

  const outbox = outboxStub(env.OUTBOX);
  expect(await outbox.ping()).toEqual({ emails: 1000 });
  expect(await outbox.get("r-4")).toBeNull();
  expect(await outbox.get("r-5")).not.toBeNull();
  expect((await outbox.list({ to, limit: 1 }))[0]?.subject).toBe("#1004");
});
