import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { AuthSession } from "../../workers/identity/identity.schemas";
import { registerInput } from "../../workers/identity/identity.schemas";
import { AuthCard, FormAlert, PASSWORD_HINT, SubmitButton, TextField } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { apiRequest } from "../lib/api.server";
import { apiFormErrors, formFields, issueErrors } from "../lib/auth-forms.server";
import { assertSameOrigin, getSessionUser, safeRedirect, signIn } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Create an account | ${SHOP_NAME}` }];

const FIELDS = ["name", "email", "password"] as const;

/**
 * A 409 from register means the email is taken. Saying so is unavoidable without an
 * email-verification step, so the message at least points to the ways back into an account.
 */
const EMAIL_TAKEN =
  "We could not create an account with this email. If it is yours, sign in or reset your password.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "");
  const { user, headers } = await getSessionUser(request, context);
  if (user) throw redirect(redirectTo || "/account", { headers });
  return data({ redirectTo }, { headers });
}

/** Checks the form with the shared schema, creates the account through the API, signs it in. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await request.formData();
  const { name, email, password, redirectTo } = formFields(formData, [...FIELDS, "redirectTo"]);
  const values = { name, email };
  const input = registerInput.safeParse({ name, email, password });
  if (!input.success) return data({ errors: issueErrors(input.error.issues, FIELDS), values }, 400);
  const response = await apiRequest(context, "/api/auth/register", { method: "POST", json: input.data });
  if (!response.ok) {
    const { code, errors } = await apiFormErrors(context, response, FIELDS);
    const shown =
      code === "conflict"
        ? { form: "Please check the highlighted fields.", fields: { email: [EMAIL_TAKEN] } }
        : errors;
    return data({ errors: shown, values }, response.status);
  }
  const headers = await signIn(request, context, (await response.json()) as AuthSession);
  throw redirect(safeRedirect(redirectTo), { headers });
}

export default function Register() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const loginHref = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";
  return (
    <ShopLayout>
      <AuthCard
        title="Create an account"
        intro="Save your details, follow your orders and check out in seconds."
        footer={
          <p>
            Already have an account? <Link to={loginHref}>Sign in</Link>
          </p>
        }
      >
        {result?.errors.form ? <FormAlert testId="form-error">{result.errors.form}</FormAlert> : null}
        <Form method="post" className="auth-form" noValidate>
          {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
          <TextField
            label="Name"
            name="name"
            autoComplete="name"
            maxLength={100}
            defaultValue={result?.values.name}
            errors={result?.errors.fields?.name}
          />
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
            autoComplete="new-password"
            hint={PASSWORD_HINT}
            errors={result?.errors.fields?.password}
          />
          <SubmitButton pending="Creating your account…">Create account</SubmitButton>
        </Form>
      </AuthCard>
    </ShopLayout>
  );
}
