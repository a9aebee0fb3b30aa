import { DurableObject } from "cloudflare:workers";
import type { OutgoingEmail } from "../workers/notifications/email-sender";
import type { Env } from "../workers/notifications/worker-configuration";

/** An email as the outbox keeps it: what was sent, keyed by its message id, and when. */
export interface StoredEmail {
  id: string;
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Epoch milliseconds. */
  storedAt: number;
}

/** Filters for `OutboxDO.list`. */
export interface OutboxQuery {
  /** Only emails to this address (case-insensitive). */
  to?: string;
  /** At most this many (default 50, at most 200). */
  limit?: number;
}

/** The outbox is one object: a development tool needs one ordered list, not throughput. */
export const OUTBOX_NAME = "outbox";

/**
 * The outbox keeps the newest emails only: it is a development tool, and a long `wrangler dev`
 * session or a load test must not grow it without bound.
 */
const MAX_KEPT = 1000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

type Row = {
  id: string;
  to_address: string;
  from_address: string;
  subject: string;
  html: string;
  text: string;
  stored_at: number;
};

function toStoredEmail(row: Row): StoredEmail {
  return {
    id: row.id,
    to: row.to_address,
    from: row.from_address,
    subject: row.subject,
    html: row.html,
    text: row.text,
    storedAt: row.stored_at,
  };
}

/**
 * The dev/test email outbox: with `EMAIL_TRANSPORT = "outbox"` every email the shop sends lands
 * here instead of in a mailbox, readable at /dev/outbox and over RPC by other workers' tests.
 */
export class OutboxDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // No call may run before the table exists.
    void ctx.blockConcurrencyWhile(async () => {
      // `seq` orders emails stored within the same millisecond; `id` makes `store` idempotent.
      ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS emails (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        to_address TEXT NOT NULL COLLATE NOCASE,
        from_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        stored_at INTEGER NOT NULL
      )`);
      ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS emails_to ON emails (to_address, seq)");
    });
  }

  /**
   * Keeps `email` under its message id. A redelivered queue message has the same id, so
   * storing it again changes nothing and answers `stored: false`.
   */
  store(email: OutgoingEmail): { stored: boolean } {
    // RETURNING yields a row only when the insert happened (rowsWritten also counts the
    // conflicting lookup, so it cannot tell a duplicate apart).
    const inserted = this.ctx.storage.sql
      .exec(
        `INSERT INTO emails (id, to_address, from_address, subject, html, text, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
        email.messageId,
        email.to,
        email.from,
        email.subject,
        email.html,
        email.text,
        Date.now(),
      )
      .toArray();
    const stored = inserted.length > 0;
    if (stored) {
      this.ctx.storage.sql.exec(
        "DELETE FROM emails WHERE seq <= (SELECT seq FROM emails ORDER BY seq DESC LIMIT 1 OFFSET ?)",
        MAX_KEPT,
      );
    }
    return { stored };
  }

  /** Stored emails, newest first, optionally only those to one address. */
  list(query: OutboxQuery = {}): StoredEmail[] {
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
    const rows =
      query.to === undefined
        ? this.ctx.storage.sql.exec<Row>("SELECT * FROM emails ORDER BY seq DESC LIMIT ?", limit)
        : this.ctx.storage.sql.exec<Row>(
            "SELECT * FROM emails WHERE to_address = ? ORDER BY seq DESC LIMIT ?",
            query.to,
            limit,
          );
    return rows.toArray().map(toStoredEmail);
  }

  /** One stored email by its message id, or null. */
  get(id: string): StoredEmail | null {
    const rows = this.ctx.storage.sql.exec<Row>("SELECT * FROM emails WHERE id = ?", id).toArray();
    return rows[0] ? toStoredEmail(rows[0]) : null;
  }

  /** Forgets every stored email; answers how many there were. */
  clear(): { deleted: number } {
    return { deleted: this.ctx.storage.sql.exec("DELETE FROM emails").rowsWritten };
  }

  /** A cheap round trip through the object and its storage, for health checks. */
  ping(): { emails: number } {
    const row = this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM emails").one();
    return { emails: row.n };
  }
}

/** The one outbox object. */
export function outboxStub(namespace: DurableObjectNamespace<OutboxDO>): DurableObjectStub<OutboxDO> {
  return namespace.getByName(OUTBOX_NAME);
}
