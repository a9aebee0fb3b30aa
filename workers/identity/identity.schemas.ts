import { z } from "zod";

/**
 * Request and response shapes of the identity API. Imports no runtime code beyond zod, so the
 * storefront's forms can share them.
 */

/** Emails are compared and stored trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address."));

const passwordField = z.string().min(1, "Enter a password.").max(1024, "Use at most 128 characters.");
const nameSchema = z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters.");

export const registerInput = z.object({ email: emailSchema, password: passwordField, name: nameSchema });
export const loginInput = z.object({ email: emailSchema, password: passwordField });
export const refreshInput = z.object({ refreshToken: z.string().min(1).max(200) });
export const forgotPasswordInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: z.string().min(1).max(200), password: passwordField });
export const updateProfileInput = z
  .object({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    currentPassword: z.string().max(1024).optional(),
    newPassword: passwordField.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one field to change.");

export type RegisterInput = z.infer<typeof registerInput>;
export type LoginInput = z.infer<typeof loginInput>;
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

/** A user as the API shows it (never the password hash). */
export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: "customer" | "seller" | "admin";
  createdAt: string;
}

/** What register, login and refresh answer. */
export interface AuthSession {
  user: PublicUser;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
