/** What every worker's `GET /health` answers. */
export interface HealthReport {
  service: string;
  status: "ok" | "degraded";
  checks: Record<string, "ok" | "failed">;
}

/**
 * Runs a worker's dependency checks (e.g. a D1 `SELECT 1`, a Durable Object ping) and reports
 * each; one failing check makes the service `degraded` and the answer 503.
 */
export async function healthReport(
  service: string,
  checks: Record<string, () => Promise<unknown>>,
): Promise<{ report: HealthReport; status: 200 | 503 }> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, "ok"] as const;
      } catch {
        return [name, "failed"] as const;
      }
    }),
  );
  const failed = entries.some(([, result]) => result === "failed");
  return {
    report: { service, status: failed ? "degraded" : "ok", checks: Object.fromEntries(entries) },
    status: failed ? 503 : 200,
  };
}
