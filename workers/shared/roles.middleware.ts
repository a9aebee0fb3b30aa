import { createMiddleware } from "hono/factory";
import type { WorkerHono } from "./app";
import { type Role, requireRole } from "./caller";

/**
 * Lets a request through only for callers with one of `roles` (401 anonymous, 403 otherwise).
 * Put it before the body validator, so a caller without the role learns nothing from
 * validation messages.
 */
export function onlyRoles(...roles: Role[]) {
  return createMiddleware<WorkerHono<object>>(async function onlyRolesCheck(c, next) {
    requireRole(c.get("caller"), ...roles);
    await next();
  });
}
