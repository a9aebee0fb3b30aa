import type { EdgeEnv } from "../edge/edge-env";
import { SERVICES, type ServiceName } from "./upstreams";

export type ServiceHealth = "ok" | "degraded" | "unreachable";

/** How long one worker's health check may take before it counts as unreachable. */
const HEALTH_TIMEOUT_MS = 2_000;

async function check(env: EdgeEnv, service: ServiceName, requestId: string): Promise<ServiceHealth> {
  try {
    const res = await env[SERVICES[service]].fetch(`https://${service}.internal/health`, {
      headers: { "x-request-id": requestId },
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    const body = (await res.json()) as { status?: string };
    return res.ok && body.status === "ok" ? "ok" : "degraded";
  } catch {
    return "unreachable";
  }
}

/**
 * Asks every domain worker's `GET /health` at once. The system is `ok` only when all are;
 * otherwise `degraded`, naming each service's own state.
 */
export async function systemHealth(env: EdgeEnv, requestId: string) {
  const names = Object.keys(SERVICES) as ServiceName[];
  const results = await Promise.all(names.map((name) => check(env, name, requestId)));
  const services = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<
    ServiceName,
    ServiceHealth
  >;
  const status = results.every((r) => r === "ok") ? "ok" : "degraded";
  return { status, services } as const;
}
