import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { resetPasswordInput } from "../../workers/identity/identity.schemas";
import { AuthCard, FormAlert, PASSWORD_HINT, SubmitButton, TextField } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { apiRequest } from "../lib/api.server";
import { apiFormErrors, formFields, issueErrors } from "../lib/auth-forms.server";
import { assertSameOrigin, signOut } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Choose a new password | ${SHOP_NAME}` }];

// The token is in the URL: keep it out of Referer headers and out of caches.
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

const FIELDS = ["password", "confirmPassword"] as const;
const INVALID_LINK = "This reset link is invalid, has been used or has expired.";

/** The link's token (from the email), checked only for presence: the API checks it on submit. */
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

type ResetResult =
  | { done: true; invalidLink: false; errors: null }
  | { done: false; invalidLink: boolean; errors: { form?: string; fields?: Record<string, string[]> } };

/**
 * Sets the new password through the API (`POST /api/auth/reset-password`), which spends the
 * token and ends every session of the account; this browser's cookies are cleared too.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { token, password, confirmPassword } = formFields(await request.formData(), ["token", ...FIELDS]);
  const input = resetPasswordInput.safeParse({ token, password });
  if (!input.success) {
    const errors = issueErrors(input.error.issues, FIELDS);
    const invalidLink = input.error.issues.some((issue) => issue.path[0] === "token");
    return data<ResetResult>(
      { done: false, invalidLink, errors: invalidLink ? { form: INVALID_LINK } : errors },
      400,
    );
  }
  if (password !== confirmPassword) {
    const errors = {
      form: "Please check the highlighted fields.",
      fields: { confirmPassword: ["The passwords do not match."] },
    };
    return data<ResetResult>({ done: false, invalidLink: false, errors }, 400);
  }
  const response = await apiRequest(context, "/api/auth/reset-password", {
    method: "POST",
    json: input.data,
  });
  if (!response.ok) {
    const { code, errors } = await apiFormErrors(context, response, FIELDS);
    const invalidLink = code === "invalid_token";
    return data<ResetResult>(
      { done: false, invalidLink, errors: invalidLink ? { form: INVALID_LINK } : errors },
      response.status,
    );
  }
  // Every session of the account has just ended; this browser's cookies are dead weight now.
  const headers = await signOut(request, context);
  return data<ResetResult>({ done: true, invalidLink: false, errors: null }, { headers });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.done) {
    return (
      <ShopLayout>
        <AuthCard title="Password changed">
          <FormAlert tone="success" testId="reset-done">
            Your password has been changed. For your safety, every device signed in to your account has been
            signed out.
          </FormAlert>
          <Link to="/login" className="button button-block">
            Sign in
          </Link>
        </AuthCard>
      </ShopLayout>
    );
  }
  if (!token || result?.invalidLink) {
    return (
      <ShopLayout>
        <AuthCard title="This link does not work">
          <FormAlert testId="reset-invalid">
            {INVALID_LINK} Reset links work once and only for a short while.
          </FormAlert>
          <Link to="/forgot-password" className="button button-block">
            Request a new link
          </Link>
        </AuthCard>
      </ShopLayout>
    );
  }
  return (
    <ShopLayout>
      <AuthCard title="Choose a new password" intro="Pick a password you do not use anywhere else.">
        {result?.errors.form ? <FormAlert testId="form-error">{result.errors.form}</FormAlert> : null}
        <Form method="post" className="auth-form" noValidate>
          <input type="hidden" name="token" value={token} />
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint={PASSWORD_HINT}
            errors={result?.errors.fields?.password}
          />
          <TextField
            label="Confirm new password"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            errors={result?.errors.fields?.confirmPassword}
          />
          <SubmitButton pending="Saving…">Save new password</SubmitButton>
        </Form>
      </AuthCard>
    </ShopLayout>
  );
}
