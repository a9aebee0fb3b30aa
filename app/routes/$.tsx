import type { MetaFunction } from "@remix-run/cloudflare";
import { NotFound } from "../components/not-found";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";

// Every URL no other route claims: a real 404 status, rendered inside the shop's frame.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: `Page not found | ${SHOP_NAME}` }];

export default function CatchAll() {
  return (
    <ShopLayout>
      <NotFound />
    </ShopLayout>
  );
}
