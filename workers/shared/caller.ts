import { z } from "zod";
import { AppError } from "./errors";

/** The roles of the shop. */
export const ROLES = ["customer", "seller", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling, as established by the gateway from a verified access token. */
export interface Caller {
  userId: string;
  role: Role;
}

/**
 * Headers in which the gateway passes the verified caller to domain workers. The gateway strips
 * them from every incoming request and sets them itself; domain workers have no public route, so
 * only the gateway (over a service binding) can reach them.
 */
export const CALLER_ID_HEADER = "x-shop-caller-id";
export const CALLER_ROLE_HEADER = "x-shop-caller-role";

/** Reads the caller the gateway set, or null for an anonymous request. */
export function callerFrom(headers: Headers): Caller | null {
  const userId = headers.get(CALLER_ID_HEADER);
  const role = roleSchema.safeParse(headers.get(CALLER_ROLE_HEADER));
  if (!userId || !role.success) return null;
  return { userId, role: role.data };
}

/** The caller, or 401 when the request is anonymous. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError("unauthorized", "Sign in to do this.");
  return caller;
}

/** The caller when it has one of `roles`; 401 when anonymous, 403 otherwise. */
export function requireRole(caller: Caller | null, ...roles: Role[]): Caller {
  const known = requireCaller(caller);
  if (!roles.includes(known.role))
    throw new AppError("forbidden", `This needs the ${roles.join(" or ")} role.`);
  return known;
}
