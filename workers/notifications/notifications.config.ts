import { z } from "zod";
import { parseEnv } from "../shared/env";
import type { Env } from "./worker-configuration";

/** The notifications worker's vars (wrangler.toml `[vars]`), validated once per isolate. */
export const notificationsVars = z.object({
  ENVIRONMENT: z.string().min(1),
  // "outbox" keeps emails in the Outbox Durable Object; "send_email" really sends them.
  EMAIL_TRANSPORT: z.enum(["outbox", "send_email"]).default("outbox"),
  EMAIL_FROM: z.email(),
  ADMIN_EMAIL: z.email(),
});

export type NotificationsConfig = z.infer<typeof notificationsVars>;

/** The validated vars of `env`; throws a clear error naming every bad var. */
export function notificationsConfig(env: Env): NotificationsConfig {
  return parseEnv(notificationsVars, env);
}

/** Whether the development-only tools (the /dev/outbox pages) may answer. */
export function isDevelopment(env: Env): boolean {
  return notificationsConfig(env).ENVIRONMENT === "development";
}

/** Queue names as in wrangler.toml's `[[queues.consumers]]`; `batch.queue` carries one of them. */
export const EMAILS_QUEUE = "shop-emails";
export const LOW_STOCK_QUEUE = "shop-low-stock";
