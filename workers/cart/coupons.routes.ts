import type { Hono } from "hono";
import { COUPONS_OBJECT } from "../../durable-objects/coupons.do";
import type { WorkerHono } from "../shared/app";
import { AppError } from "../shared/errors";
import { onlyRoles } from "../shared/roles.middleware";
import { validate } from "../shared/validate";
import {
  type Coupon,
  type CouponPatch,
  type CouponUpdateInput,
  type CouponWrite,
  couponCodeParam,
  couponCreateInput,
  couponListQuery,
  couponUpdateInput,
} from "./coupon.schemas";
import type { Env } from "./worker-configuration";

const instant = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** A PATCH body as stored terms: instants as epoch ms, absent fields left out. */
function toPatch(input: CouponUpdateInput): CouponPatch {
  const { startsAt, endsAt, ...rest } = input;
  return {
    ...rest,
    ...(startsAt !== undefined ? { startsAt: instant(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: instant(endsAt) } : {}),
  };
}

function couponOrThrow(write: CouponWrite): Coupon {
  if (write.ok) return write.coupon;
  if (write.code === "validation_failed") {
    throw new AppError("validation_failed", write.detail, { errors: write.errors });
  }
  throw new AppError(write.code, write.detail);
}

/**
 * Coupon administration (`/api/coupons`, admins only): list, create, read and change. Coupons
 * are never deleted (orders refer to them): set `active: false` to stop one.
 */
export function couponRoutes(app: Hono<WorkerHono<Env>>): void {
  // Before validation, so a caller without the role learns nothing from validation messages.
  const adminsOnly = onlyRoles("admin");
  app.use("/api/coupons", adminsOnly);
  app.use("/api/coupons/*", adminsOnly);

  app.get("/api/coupons", validate("query", couponListQuery), async (c) => {
    const { page, limit } = c.req.valid("query");
    const { items, total } = await c.env.COUPONS.getByName(COUPONS_OBJECT).list(page, limit);
    return c.json({ items, total, page, limit });
  });

  app.post("/api/coupons", validate("json", couponCreateInput), async (c) => {
    const input = c.req.valid("json");
    const terms = { ...input, startsAt: instant(input.startsAt), endsAt: instant(input.endsAt) };
    return c.json(couponOrThrow(await c.env.COUPONS.getByName(COUPONS_OBJECT).create(terms)), 201);
  });

  app.get("/api/coupons/:code", validate("param", couponCodeParam), async (c) => {
    const { code } = c.req.valid("param");
    const coupon = await c.env.COUPONS.getByName(COUPONS_OBJECT).get(code);
    if (!coupon) throw new AppError("not_found", `No coupon ${code}.`);
    return c.json(coupon);
  });

  app.patch(
    "/api/coupons/:code",
    validate("param", couponCodeParam),
    validate("json", couponUpdateInput),
    async (c) => {
      const { code } = c.req.valid("param");
      const patch = toPatch(c.req.valid("json"));
      return c.json(couponOrThrow(await c.env.COUPONS.getByName(COUPONS_OBJECT).update(code, patch)));
    },
  );
}
