import { type EmailMessage, emailQueueMessage } from "../../queues/emails.schema";
import { type FieldError, fieldErrors } from "../shared/errors";
import { log } from "../shared/log";
import { backoffSeconds } from "../shared/queue-messages";
import type { EmailSender } from "./email-sender";
import { renderEmail, TemplateDataError } from "./email-templates";

/** What the email consumers need; tests pass a sender that fails or a dead-letter recorder. */
export interface ConsumerDeps {
  sender: EmailSender;
  /** Producer of the dead-letter queue, for messages that can never be delivered. */
  deadLetters: Queue;
  /** The From address of every email. */
  from: string;
}

/** What a dead-lettered message carries: the original body and why it was given up. */
export interface DeadLetter {
  queue: string;
  messageId: string;
  reason: string;
  errors?: FieldError[];
  attempts: number;
  body: unknown;
}

/** An email to send: a template with its data, plus the id that makes its delivery idempotent. */
export type TemplatedEmail = EmailMessage & { id: string; requestId?: string };

const RETRY_BASE_SECONDS = 10;
const RETRY_MAX_SECONDS = 10 * 60;

/**
 * Exponential backoff for the next delivery: 10 s, 20 s, 40 s, ... capped at 10 minutes, so a
 * mail provider that is down for a while is not hammered. `attempts` starts at 1.
 */
export function retryDelaySeconds(attempts: number): number {
  return backoffSeconds(attempts, RETRY_BASE_SECONDS, RETRY_MAX_SECONDS);
}

/**
 * Gives up on a message that can never be delivered (retrying cannot fix bad data): forwards it
 * with the reason to the dead-letter queue, then acks it. If even that fails, the message is
 * retried rather than lost.
 */
export async function deadLetter(
  message: Message,
  queue: string,
  reason: string,
  deps: Pick<ConsumerDeps, "deadLetters">,
  errors?: FieldError[],
): Promise<void> {
  const letter: DeadLetter = {
    queue,
    messageId: message.id,
    reason,
    errors,
    attempts: message.attempts,
    body: message.body,
  };
  try {
    await deps.deadLetters.send(letter);
    log("warn", "message dead-lettered", { queue, messageId: message.id, reason, errors });
    message.ack();
  } catch (error) {
    const delaySeconds = retryDelaySeconds(message.attempts);
    log("error", "dead-lettering failed; retrying", { queue, messageId: message.id, error: String(error) });
    message.retry({ delaySeconds });
  }
}

/**
 * Renders and sends one email for `message`, then acks it; a send failure retries it with
 * backoff (after max_retries the platform moves it to the dead-letter queue), and data that
 * can never render is dead-lettered at once.
 */
export async function deliverEmail(
  message: Message,
  queue: string,
  email: TemplatedEmail,
  deps: ConsumerDeps,
): Promise<void> {
  const context = {
    queue,
    messageId: message.id,
    emailId: email.id,
    template: email.template,
    requestId: email.requestId,
  };
  try {
    const rendered = renderEmail(email.template, email.data);
    await deps.sender.send({ ...rendered, to: email.to, from: deps.from, messageId: email.id });
    log("info", "email sent", context);
    message.ack();
  } catch (error) {
    if (error instanceof TemplateDataError) {
      await deadLetter(message, queue, error.message, deps);
      return;
    }
    // Anything else (provider down, outbox unreachable, even a rendering bug a deploy fixes)
    // may succeed later.
    const delaySeconds = retryDelaySeconds(message.attempts);
    log("warn", "email not sent; retrying", {
      ...context,
      attempts: message.attempts,
      delaySeconds,
      error: String(error),
    });
    message.retry({ delaySeconds });
  }
}

/**
 * Consumer of the `shop-emails` queue: every message is validated against the queue schema,
 * then sent; each one is acked or retried explicitly, independently of the others.
 */
export async function handleEmailBatch(batch: MessageBatch<unknown>, deps: ConsumerDeps): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = emailQueueMessage.safeParse(message.body);
      if (!parsed.success) {
        await deadLetter(
          message,
          batch.queue,
          "invalid emails message",
          deps,
          fieldErrors(parsed.error.issues),
        );
        return;
      }
      await deliverEmail(message, batch.queue, parsed.data, deps);
    }),
  );
}
