import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/cloudflare";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { PublicUser } from "../../workers/identity/identity.schemas";
import { updateProfileInput } from "../../workers/identity/identity.schemas";
import { FormAlert, type FormErrors, SubmitButton, TextField } from "../components/auth-form";
import { SHOP_NAME, ShopLayout } from "../components/shop-layout";
import { ApiError, apiRequest } from "../lib/api.server";
import { apiFormErrors, formFields, issueErrors } from "../lib/auth-forms.server";
import { assertSameOrigin, rememberUser, requireUser, signOutEverywhere } from "../lib/session.server";

export const meta: MetaFunction = () => [{ title: `Your account | ${SHOP_NAME}` }];

// Personal data: never stored by a shared cache or the browser's back-forward cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const ROLE_LABELS: Record<PublicUser["role"], string> = {
  customer: "Customer",
  seller: "Seller",
  admin: "Administrator",
};

/** The signed-in user's profile, fresh from the API; anybody else is sent to sign in first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request, context);
  const { name, email, role, createdAt } = user;
  return data({ user: { name, email, role, createdAt } }, { headers });
}

type Intent = "update-name" | "logout-all";
interface AccountActionResult {
  intent: Intent | null;
  saved: boolean;
  values: { name?: string };
  errors: FormErrors | null;
}

function result(partial: Partial<AccountActionResult>): AccountActionResult {
  return { intent: null, saved: false, values: {}, errors: null, ...partial };
}

/** The account page's forms: change the name (`PATCH /api/me`) or sign out everywhere. */
export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "logout-all") return logoutAll(request, context);
  if (intent !== "update-name") {
    return data(result({ errors: { form: "That action is not available." } }), 400);
  }

  const { accessToken, headers } = await requireUser(request, context);
  const { name } = formFields(formData, ["name"]);
  const input = updateProfileInput.safeParse({ name });
  if (!input.success) {
    const errors = issueErrors(input.error.issues, ["name"]);
    return data(result({ intent, values: { name }, errors }), { status: 400, headers });
  }
  const response = await apiRequest(context, "/api/me", {
    method: "PATCH",
    json: input.data,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) {
    const { errors } = await apiFormErrors(context, response, ["name"]);
    return data(result({ intent, values: { name }, errors }), { status: response.status, headers });
  }
  const updated = (await response.json()) as PublicUser;
  return data(result({ intent, saved: true }), { headers: await rememberUser(request, context, updated) });
}

async function logoutAll(request: Request, context: ActionFunctionArgs["context"]) {
  let headers: Headers;
  try {
    headers = await signOutEverywhere(request, context);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const errors = { form: "We could not sign you out everywhere. Please try again in a moment." };
    return data(result({ intent: "logout-all", errors }), 503);
  }
  throw redirect("/login?signedOut=everywhere", { headers });
}

const memberSince = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const nameOutcome = outcome?.intent === "update-name" ? outcome : null;
  return (
    <ShopLayout>
      <section className="container account-page">
        <div className="account-head">
          <h1>Your account</h1>
          <p>
            Hello, <span data-testid="account-greeting">{user.name}</span>. Manage your details and sessions
            here.
          </p>
        </div>
        {outcome?.intent === "logout-all" && outcome.errors?.form ? (
          <FormAlert testId="form-error">{outcome.errors.form}</FormAlert>
        ) : null}
        <div className="account-grid">
          <div className="account-card">
            <h2>Profile</h2>
            <dl className="account-details">
              <div>
                <dt>Name</dt>
                <dd data-testid="account-name">{user.name}</dd>
              </div>
              <div>
                <dt>Email</dt>
                <dd data-testid="account-email">{user.email}</dd>
              </div>
              <div>
                <dt>Account type</dt>
                <dd data-testid="account-role" data-role={user.role}>
                  {ROLE_LABELS[user.role]}
                </dd>
              </div>
              <div>
                <dt>Member since</dt>
                <dd>{memberSince.format(new Date(user.createdAt))}</dd>
              </div>
            </dl>
          </div>

          <div className="account-card">
            <h2>Change your name</h2>
            <p className="account-card-text">This is the name on your orders and reviews.</p>
            {nameOutcome?.saved ? (
              <FormAlert tone="success" testId="name-saved">
                Your name has been saved.
              </FormAlert>
            ) : null}
            {nameOutcome?.errors?.form ? (
              <FormAlert testId="form-error">{nameOutcome.errors.form}</FormAlert>
            ) : null}
            <Form method="post" className="auth-form" noValidate>
              <TextField
                key={user.name}
                label="Name"
                name="name"
                autoComplete="name"
                maxLength={100}
                defaultValue={nameOutcome?.values.name ?? user.name}
                errors={nameOutcome?.errors?.fields?.name}
              />
              <SubmitButton name="intent" value="update-name" pending="Saving…" block={false}>
                Save name
              </SubmitButton>
            </Form>
          </div>

          <div className="account-card">
            <h2>Sessions</h2>
            <p className="account-card-text">
              Sign out here, or end every session of your account, on all your devices. Other devices are
              signed out within 15 minutes.
            </p>
            <div className="account-actions">
              <Form method="post" action="/logout">
                <SubmitButton
                  name="intent"
                  value="logout"
                  pending="Signing out…"
                  variant="secondary"
                  block={false}
                >
                  Sign out
                </SubmitButton>
              </Form>
              <Form method="post">
                <SubmitButton
                  name="intent"
                  value="logout-all"
                  pending="Signing out…"
                  variant="danger"
                  block={false}
                >
                  Sign out everywhere
                </SubmitButton>
              </Form>
            </div>
          </div>
        </div>
      </section>
    </ShopLayout>
  );
}
