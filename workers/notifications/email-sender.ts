import { EmailMessage } from "cloudflare:email";
import { type OutboxDO, outboxStub } from "../../durable-objects/outbox.do";
import { buildMimeMessage } from "./email-mime";
import { notificationsConfig } from "./notifications.config";
import type { Env } from "./worker-configuration";

/** A rendered email, addressed and identified, ready to go out. */
export interface OutgoingEmail {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per logical email: a redelivered queue message yields the same id. */
  messageId: string;
}

/** Delivers one email. Throws when delivery failed and may succeed later (the caller retries). */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
}

/** Keeps every email in the Outbox Durable Object (development and tests): nothing leaves. */
export function outboxSender(outbox: DurableObjectNamespace<OutboxDO>): EmailSender {
  return {
    async send(email) {
      await outboxStub(outbox).store(email);
    },
  };
}

/**
 * Sends through Cloudflare Email Routing's send_email binding as a multipart/alternative MIME
 * message (the binding takes raw MIME, so the text and HTML versions both reach the reader).
 */
export function sendEmailSender(mail: SendEmail, options: { now?: () => Date } = {}): EmailSender {
  return {
    async send(email) {
      const raw = buildMimeMessage(email, { date: options.now?.() });
      await mail.send(new EmailMessage(email.from, email.to, raw));
    },
  };
}

/** The sender that env.EMAIL_TRANSPORT chooses: "outbox" (the default) or "send_email". */
export function senderFor(env: Env): EmailSender {
  return notificationsConfig(env).EMAIL_TRANSPORT === "send_email"
    ? sendEmailSender(env.MAIL)
    : outboxSender(env.OUTBOX);
}
