import { createExecutionContext, getQueueResult } from "cloudflare:test";
import { env as runtimeEnv, exports as runtimeExports } from "cloudflare:workers";
import { vi } from "vitest";
import type { EmailQueueMessage } from "../../../queues/emails.schema";
import type { EmailSender, OutgoingEmail } from "../email-sender";
import type { ConsumerDeps, DeadLetter } from "../emails.consumer";
import notifications, { type NotificationsService } from "../index";
import type { Env } from "../worker-configuration";

// The project's tsconfig covers every worker, so the global `Cloudflare.Env` and main-module
// types stay empty; each test folder narrows `env` and `exports` to its own worker here.

/** This worker's bindings, as in its wrangler.toml. */
export const env = runtimeEnv as unknown as Env;

/** The worker's entry as the platform sees it: called with (batch or request, env, ctx). */
export const handler: ExportedHandler<Env> = notifications;

/**
 * Runs the worker's queue handler on `batch` with `workerEnv` (this worker's env by default) and
 * reports what happened to each message.
 */
export async function runQueue(batch: MessageBatch<unknown>, workerEnv: Env = env): Promise<QueueResult> {
  const ctx = createExecutionContext();
  await handler.queue!(batch, workerEnv, ctx);
  return getQueueResult(batch, ctx);
}

/**
 * A queue batch's outcome as `getQueueResult` reports it (its types are not in our runtime types).
 * vitest-pool-workers 0.15 never fills in `delaySeconds`: to check a backoff, spy on `retry`.
 */
export interface QueueResult {
  outcome: string;
  ackAll: boolean;
  retryBatch: { retry: boolean; delaySeconds?: number };
  explicitAcks: string[];
  retryMessages: { msgId: string; delaySeconds?: number }[];
}

/** One message as the platform delivers it (what `createMessageBatch` takes). */
export interface QueueDelivery {
  id: string;
  timestamp: Date;
  attempts: number;
  body: unknown;
}

/**
 * The worker's own exports as loopback bindings (through workerd, like the platform calls it).
 * Their `queue()` is not usable in vitest-pool-workers 0.15 (the handler receives no MessageBatch), so
 * queue tests call the default export's handler with `createMessageBatch` instead.
 */
export const worker = runtimeExports as unknown as {
  default: Fetcher;
  NotificationsService: Fetcher<NotificationsService>;
};

/** A recipient no other test uses: storage is shared by every test in a file. */
export function uniqueAddress(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.test`;
}

/** A queue message as the platform delivers it (first attempt unless told otherwise). */
export function delivery(body: unknown, overrides: Partial<QueueDelivery> = {}): QueueDelivery {
  return { id: `msg-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body, ...overrides };
}

/** A valid welcome message for `to`. */
export function welcomeMessage(to: string, name = "Ada"): EmailQueueMessage {
  return { id: `welcome-${crypto.randomUUID()}`, template: "welcome", to, data: { name } };
}

/** A valid password reset message for `to` with a recognisable token. */
export function passwordResetMessage(to: string, token: string = crypto.randomUUID()): EmailQueueMessage {
  return {
    id: `reset-${crypto.randomUUID()}`,
    template: "password_reset",
    to,
    data: { name: "Ada", resetUrl: `https://shop.test/reset-password?token=${token}`, expiresInMinutes: 30 },
  };
}

/** A dead-letter queue producer that records what it was given. */
export function recordingQueue(): Queue & { sent: DeadLetter[] } {
  const sent: DeadLetter[] = [];
  return {
    sent,
    async send(message: unknown) {
      sent.push(message as DeadLetter);
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } } as unknown as QueueSendResponse;
    },
    async sendBatch() {
      throw new Error("not used");
    },
    async metrics() {
      throw new Error("not used");
    },
  };
}

/** A sender that keeps emails in memory, or fails every time with `failWith`. */
export function memorySender(failWith?: Error): EmailSender & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    send: vi.fn(async (email: OutgoingEmail) => {
      if (failWith) throw failWith;
      sent.push(email);
    }),
  };
}

/** Consumer dependencies with in-memory doubles. */
export function testDeps(overrides: Partial<ConsumerDeps> = {}): ConsumerDeps & { adminEmail: string } {
  return {
    sender: memorySender(),
    deadLetters: recordingQueue(),
    from: "shop@example.com",
    adminEmail: "admin@shop.test",
    ...overrides,
  };
}
