import type { AppLoadContext } from "@remix-run/cloudflare";
import { apiRequest } from "./api.server";

/** The shop's health as the footer shows it. */
export type ApiStatus =
  | { state: "operational" }
  | { state: "degraded"; services: string[] }
  | { state: "unknown" };

/**
 * Reads `GET /api/health` (`{ status, services: { identity: "ok", ... } }`). A degraded system
 * may answer 503 with the same body, so the body is read whatever the status.
 */
export async function getApiStatus(context: AppLoadContext): Promise<ApiStatus> {
  const response = await apiRequest(context, "/api/health");
  const body: unknown = await response.json().catch(() => null);
  const services =
    typeof body === "object" && body !== null && "services" in body && typeof body.services === "object"
      ? (body.services as Record<string, unknown> | null)
      : null;
  if (!services) throw new Error(`GET /api/health: unexpected answer (${response.status})`);
  const degraded = Object.entries(services)
    .filter(([, state]) => state !== "ok")
    .map(([name]) => name)
    .sort();
  if (degraded.length > 0) return { state: "degraded", services: degraded };
  if (!response.ok) throw new Error(`GET /api/health answered ${response.status}`);
  return { state: "operational" };
}
