import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/** What an account form's action answers when it cannot go on: a form message and field messages. */
export interface FormErrors {
  /** About the whole form: the API's `detail`, or a summary when fields are at fault. */
  form?: string;
  /** Messages by field name (a field may break several rules at once). */
  fields?: Record<string, string[]>;
}

/** The identity API's password rule (workers/identity/password.ts), in the shopper's words. */
export const PASSWORD_HINT = "At least 10 characters, mixing letters with digits or symbols.";

/** The centred card every account form sits in. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-title">{title}</h1>
        {intro ? <p className="auth-intro">{intro}</p> : null}
        {children}
      </div>
      {footer ? <div className="auth-footer">{footer}</div> : null}
    </section>
  );
}

/** A message about the whole form, announced to screen readers when it appears. */
export function FormAlert({
  children,
  tone = "error",
  testId,
}: {
  children: ReactNode;
  tone?: "error" | "success" | "info";
  testId?: string;
}) {
  return (
    <div
      className={`form-alert form-alert-${tone}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

/**
 * A labelled input with its hint and its errors underneath, tied to it with
 * `aria-describedby` and `aria-invalid`, so the error is next to the field for everyone.
 */
export function TextField({
  label,
  name,
  type = "text",
  autoComplete,
  defaultValue,
  errors,
  hint,
  required = true,
  maxLength,
}: {
  label: string;
  name: string;
  type?: "text" | "email" | "password" | "hidden";
  autoComplete?: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  maxLength?: number;
}) {
  const id = `field-${name}`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  // An error states the broken rule already; the hint would only repeat it.
  const hintId = hint && !errorId ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={errors?.length ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
      {errorId ? (
        <p id={errorId} className="field-error" data-testid={`${name}-error`}>
          {errors?.join(" ")}
        </p>
      ) : null}
      {hintId ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The form's main button; says what is happening while the form is on its way (with JavaScript). */
export function SubmitButton({
  children,
  pending,
  name,
  value,
  variant = "primary",
  block = true,
}: {
  children: ReactNode;
  pending: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "danger";
  /** Full width (the default, in the auth cards). */
  block?: boolean;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && (name === undefined || navigation.formData?.get(name) === value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={`button button-${variant}${block ? " button-block" : ""}`}
      disabled={busy}
    >
      {busy ? pending : children}
    </button>
  );
}
