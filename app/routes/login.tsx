import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { AuthSession } from "../../workers/identity/identity.schemas";
import { loginInput } from "../../workers/identity/identity.schemas";
import { AuthCard, FormAlert, SubmitButton, TextField } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { apiRequest } from "../lib/api.server";
import { apiFormErrors, formFields, issueErrors } from "../lib/auth-forms.server";
import { assertSameOrigin, getSessionUser, safeRedirect, signIn } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Sign in | ${SHOP_NAME}` }];

const FIELDS = ["email", "password"] as const;

/** Notices other pages send shoppers here with (`/login?signedOut=everywhere`). */
const NOTICES: Record<string, string> = {
  everywhere: "You have been signed out on every device.",
};

/** Signed-in shoppers go straight on; everyone else gets the form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  const { user, headers } = await getSessionUser(request, context);
  if (user) throw redirect(redirectTo || "/account", { headers });
  const notice = NOTICES[url.searchParams.get("signedOut") ?? ""] ?? null;
  return data({ redirectTo, notice }, { headers });
}

/** Checks the form with the shared schema, signs in through the API, then goes on. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await request.formData();
  const { email, password, redirectTo } = formFields(formData, [...FIELDS, "redirectTo"]);
  const values = { email };
  const input = loginInput.safeParse({ email, password });
  if (!input.success) return data({ errors: issueErrors(input.error.issues, FIELDS), values }, 400);
  const response = await apiRequest(context, "/api/auth/login", { method: "POST", json: input.data });
  if (!response.ok) {
    const { errors } = await apiFormErrors(context, response, FIELDS);
    return data({ errors, values }, response.status);
  }
  const headers = await signIn(request, context, (await response.json()) as AuthSession);
  throw redirect(safeRedirect(redirectTo), { headers });
}

export default function Login() {
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const registerHref = redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : "/register";
  return (
    <ShopLayout>
      <AuthCard
        title="Sign in"
        intro="Welcome back. Sign in to see your orders and check out faster."
        footer={
          <p>
            New here? <Link to={registerHref}>Create an account</Link>
          </p>
        }
      >
        {notice && !result ? (
          <FormAlert tone="info" testId="login-notice">
            {notice}
          </FormAlert>
        ) : null}
        {result?.errors.form ? <FormAlert testId="form-error">{result.errors.form}</FormAlert> : null}
        <Form method="post" className="auth-form" noValidate>
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            defaultValue={result?.values.email}
            errors={result?.errors.fields?.email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            errors={result?.errors.fields?.password}
          />
          <p className="auth-aside">
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
          <SubmitButton pending="Signing in…">Sign in</SubmitButton>
        </Form>
      </AuthCard>
    </ShopLayout>
  );
}
