import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/cloudflare";
import { Form } from "@remix-run/react";
import { AuthCard, SubmitButton } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { assertSameOrigin, getSessionUser, signOut } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Sign out | ${SHOP_NAME}` }];

/**
 * Signing out is a POST (a link or a prefetch must never sign anyone out). A GET shows a
 * confirmation to signed-in shoppers and sends everyone else home.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, headers } = await getSessionUser(request, context);
  if (!user) throw redirect("/", { headers });
  return data(null, { headers });
}

/** Revokes this browser's session at the API, clears the cookies and goes home. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const headers = await signOut(request, context);
  throw redirect("/", { headers });
}

export default function Logout() {
  return (
    <ShopLayout>
      <AuthCard title="Sign out" intro="Sign out of your account on this device?">
        <Form method="post" className="auth-form">
          <SubmitButton pending="Signing out…">Sign out</SubmitButton>
        </Form>
      </AuthCard>
    </ShopLayout>
  );
}
