import { type ActionFunctionArgs, data, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData } from "@remix-run/react";
import { forgotPasswordInput } from "../../workers/identity/identity.schemas";
import { AuthCard, FormAlert, SubmitButton, TextField } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { apiRequest } from "../lib/api.server";
import { apiFormErrors, formFields, issueErrors } from "../lib/auth-forms.server";
import { assertSameOrigin } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Reset your password | ${SHOP_NAME}` }];

const FIELDS = ["email"] as const;

/**
 * Asks the API to email a reset link. The API answers 202 whether or not the account exists,
 * and so does this page: the same confirmation for every well-formed address.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { email } = formFields(await request.formData(), FIELDS);
  const input = forgotPasswordInput.safeParse({ email });
  if (!input.success) {
    return data({ sent: false as const, email, errors: issueErrors(input.error.issues, FIELDS) }, 400);
  }
  const response = await apiRequest(context, "/api/auth/forgot-password", {
    method: "POST",
    json: input.data,
  });
  if (!response.ok) {
    const { errors } = await apiFormErrors(context, response, FIELDS);
    return data({ sent: false as const, email, errors }, response.status);
  }
  return { sent: true as const, email: input.data.email, errors: null };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  if (result?.sent) {
    return (
      <ShopLayout>
        <AuthCard title="Check your email" footer={<Link to="/login">Back to sign in</Link>}>
          <FormAlert tone="success" testId="reset-requested">
            If an account exists for <strong>{result.email}</strong>, we have sent it a link to reset the
            password. The link works once and expires soon.
          </FormAlert>
          <p className="auth-aside">
            No email after a few minutes? Check your spam folder, or{" "}
            <Link to="/forgot-password" reloadDocument>
              ask for a new link
            </Link>
            .
          </p>
        </AuthCard>
      </ShopLayout>
    );
  }
  return (
    <ShopLayout>
      <AuthCard
        title="Reset your password"
        intro="Enter the email of your account and we will send you a link to choose a new password."
        footer={
          <p>
            Remembered it? <Link to="/login">Sign in</Link>
          </p>
        }
      >
        {result?.errors.form ? <FormAlert testId="form-error">{result.errors.form}</FormAlert> : null}
        <Form method="post" className="auth-form" noValidate>
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            defaultValue={result?.email}
            errors={result?.errors.fields?.email}
          />
          <SubmitButton pending="Sending…">Send reset link</SubmitButton>
        </Form>
      </AuthCard>
    </ShopLayout>
  );
}
