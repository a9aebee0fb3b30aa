import type { Context } from "hono";
import { createApp, type WorkerHono } from "../shared/app";
import { requireCaller, requireRole } from "../shared/caller";
import { AppError, fieldErrors, PROBLEM_CONTENT_TYPE } from "../shared/errors";
import { healthReport } from "../shared/health";
import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import { placeOrder } from "./checkout.saga";
import { listOrders } from "./order-reads";
import { ordersDeps } from "./orders.deps";
import {
  adminOrdersQuery,
  checkoutInput,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  orderAccessQuery,
  orderIdParam,
  ownOrdersQuery,
  statusPatchInput,
} from "./orders.schemas";
import { cancelOrder, changeStatus, orderFor } from "./orders.service";
import type { Env } from "./worker-configuration";

/**
 * The orders worker's HTTP API (API.md "Orders and payments"): checkout, the customer's orders,
 * cancellation, and the admin's status changes and order list. Another customer's order answers
 * 404, exactly like one that does not exist.
 */
export const ordersRoutes = createApp<Env>();

ordersRoutes.get("/health", async (c) => {
  const { report, status } = await healthReport("orders", {
    database: () => c.env.ORDERS_DB.prepare("SELECT 1").first(),
  });
  return c.json(report, status);
});

/** The `Idempotency-Key` header, checked before the body (a missing key is 400 on its own). */
function idempotencyKeyOf(c: Context<WorkerHono<Env>>): string {
  const parsed = idempotencyKeySchema.safeParse(c.req.header(IDEMPOTENCY_KEY_HEADER));
  if (!parsed.success) {
    throw new AppError("validation_failed", "Send an Idempotency-Key header with every checkout.", {
      errors: fieldErrors(parsed.error.issues).map((e) => ({ ...e, path: "Idempotency-Key" })),
    });
  }
  return parsed.data;
}

ordersRoutes.post(
  "/api/orders",
  async function requireIdempotencyKey(c, next) {
    idempotencyKeyOf(c);
    await next();
  },
  validate("json", checkoutInput),
  async (c) => {
    const answer = await placeOrder(ordersDeps(c.env), {
      input: c.req.valid("json"),
      caller: c.get("caller"),
      idempotencyKey: idempotencyKeyOf(c),
    });
    const problem = answer.status >= 400;
    return new Response(
      JSON.stringify(problem ? { ...answer.body, requestId: c.get("requestId") } : answer.body),
      {
        status: answer.status,
        headers: {
          "content-type": problem ? PROBLEM_CONTENT_TYPE : "application/json",
          ...(answer.replayed ? { "idempotent-replayed": "true" } : {}),
        },
      },
    );
  },
);

ordersRoutes.get("/api/orders", validate("query", ownOrdersQuery), async (c) => {
  const caller = requireCaller(c.get("caller"));
  const { page, limit } = c.req.valid("query");
  return c.json(await listOrders(ordersDeps(c.env).db, { userId: caller.userId }, page, limit));
});

ordersRoutes.get(
  "/api/orders/:id",
  validate("param", orderIdParam),
  validate("query", orderAccessQuery),
  async (c) => {
    const order = await orderFor(
      ordersDeps(c.env),
      c.req.valid("param").id,
      c.get("caller"),
      c.req.valid("query").token,
    );
    return c.json(order);
  },
);

ordersRoutes.post(
  "/api/orders/:id/cancel",
  validate("param", orderIdParam),
  validate("query", orderAccessQuery),
  async (c) => {
    const { id } = c.req.valid("param");
    return c.json(await cancelOrder(ordersDeps(c.env), id, c.get("caller"), c.req.valid("query").token));
  },
);

// The role is checked before the body, so a customer learns nothing from validation.
ordersRoutes.patch(
  "/api/orders/:id/status",
  onlyRoles("admin"),
  validate("param", orderIdParam),
  validate("json", statusPatchInput),
  async (c) => {
    const admin = requireRole(c.get("caller"), "admin");
    return c.json(await changeStatus(ordersDeps(c.env), c.req.valid("param").id, admin, c.req.valid("json")));
  },
);

ordersRoutes.get("/api/admin/orders", onlyRoles("admin"), validate("query", adminOrdersQuery), async (c) => {
  const { status, from, to, page, limit } = c.req.valid("query");
  const filter = {
    ...(status ? { status } : {}),
    ...(from ? { from: Date.parse(from) } : {}),
    ...(to ? { to: Date.parse(to) } : {}),
  };
  return c.json(await listOrders(ordersDeps(c.env).db, filter, page, limit));
});
