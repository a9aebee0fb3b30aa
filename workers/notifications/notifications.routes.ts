import { z } from "zod";
import { outboxStub } from "../../durable-objects/outbox.do";
import { createApp } from "../shared/app";
import { AppError } from "../shared/errors";
import { healthReport } from "../shared/health";
import { validate } from "../shared/validate";
import { isDevelopment } from "./notifications.config";
import { DEV_PAGE_HEADERS, outboxEmailPage, outboxListPage } from "./outbox.pages";
import type { Env } from "./worker-configuration";

const outboxQuery = z.object({
  to: z.email().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/**
 * The notifications worker's HTTP surface: its health, and the development outbox (reached
 * through the edge's /dev/outbox forwarding). Sending email happens on the queues, not here.
 */
export const notificationsRoutes = createApp<Env>();

notificationsRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("notifications", {
    outbox: () => outboxStub(c.env.OUTBOX).ping(),
  });
  return c.json(report, status);
});

// Outside development the outbox may hold real people's emails (and reset links): the dev tools
// answer exactly like a route that does not exist.
notificationsRoutes.use("/dev/*", async function developmentOnly(c, next) {
  if (!isDevelopment(c.env)) throw new AppError("not_found", `No route for ${c.req.method} ${c.req.path}.`);
  await next();
});

notificationsRoutes.get("/dev/outbox.json", validate("query", outboxQuery), async (c) => {
  const items = await outboxStub(c.env.OUTBOX).list(c.req.valid("query"));
  return c.json({ items }, 200, { "cache-control": "no-store" });
});

notificationsRoutes.get("/dev/outbox", async (c) => {
  const emails = await outboxStub(c.env.OUTBOX).list({ limit: 200 });
  return c.html(outboxListPage(emails), 200, DEV_PAGE_HEADERS);
});

notificationsRoutes.get("/dev/outbox/:id", async (c) => {
  const email = await outboxStub(c.env.OUTBOX).get(c.req.param("id"));
  if (!email) throw new AppError("not_found", "No email with this id in the outbox.");
  return c.html(outboxEmailPage(email), 200, DEV_PAGE_HEADERS);
});
