import { and, eq, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import { passwordResets, refreshTokenFamilies, refreshTokens, users } from "../../db/identity/schema";
import type { EmailQueueMessage } from "../../queues/emails.schema";
import { sha256Hex } from "../shared/crypto";
import { AppError } from "../shared/errors";
import { ACCESS_TOKEN_TTL_SECONDS } from "../shared/jwt";
import type {
  AuthSession,
  LoginInput,
  PublicUser,
  RegisterInput,
  UpdateProfileInput,
} from "./identity.schemas";
import { hashPassword, passwordProblems, verifyAgainstDecoy, verifyPassword } from "./password";
import { newRefreshToken, REFRESH_TOKEN_TTL_SECONDS, type SigningConfig, signAccessToken } from "./tokens";

/** Password-reset links work for 30 minutes, once. */
export const RESET_TOKEN_TTL_SECONDS = 30 * 60;

/** What the identity service needs; the routes build it from the worker's env. */
export interface IdentityDeps {
  db: D1Database;
  emails: Queue;
  signing: SigningConfig;
  appUrl: string;
  requestId?: string;
  now?: () => number;
}

type UserRow = typeof users.$inferSelect;

function orm(deps: IdentityDeps): DrizzleD1Database {
  return drizzle(deps.db);
}

function nowMs(deps: IdentityDeps): number {
  return deps.now?.() ?? Date.now();
}

/** The API view of a user row. */
export function publicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function weakPassword(password: string, email: string, path = "password"): AppError | null {
  const problems = passwordProblems(password, email);
  if (problems.length === 0) return null;
  return new AppError("validation_failed", `The password is too weak: ${problems.join(" ")}`, {
    errors: problems.map((message) => ({ path, message })),
  });
}

/** Whether a D1 error (possibly wrapped by drizzle, which keeps it as `cause`) is a UNIQUE violation. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (String(e).includes("UNIQUE constraint failed")) return true;
  }
  return false;
}

async function enqueueEmail(
  deps: IdentityDeps,
  message: Omit<EmailQueueMessage, "id" | "requestId">,
): Promise<void> {
  const full = { ...message, id: crypto.randomUUID(), requestId: deps.requestId } as EmailQueueMessage;
  await deps.emails.send(full);
}

/** Statements that open a new session (a refresh-token family with its first token). */
async function newSessionStatements(deps: IdentityDeps, userId: string) {
  const now = nowMs(deps);
  const familyId = crypto.randomUUID();
  const refresh = await newRefreshToken();
  const db = orm(deps);
  const statements: [BatchItem<"sqlite">, BatchItem<"sqlite">] = [
    db.insert(refreshTokenFamilies).values({ id: familyId, userId, createdAt: now }),
    db.insert(refreshTokens).values({
      id: crypto.randomUUID(),
      familyId,
      tokenHash: refresh.hash,
      expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
      createdAt: now,
    }),
  ];
  return { familyId, refreshToken: refresh.token, statements };
}

async function session(
  deps: IdentityDeps,
  user: UserRow,
  familyId: string,
  refreshToken: string,
): Promise<AuthSession> {
  const accessToken = await signAccessToken(user, deps.signing, familyId);
  return { user: publicUser(user), accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}

/** Creates a customer account and signs it in. 409 when the email is taken (any letter case). */
export async function register(deps: IdentityDeps, input: RegisterInput): Promise<AuthSession> {
  const weak = weakPassword(input.password, input.email);
  if (weak) throw weak;
  const db = orm(deps);
  const now = nowMs(deps);
  const user: UserRow = {
    id: crypto.randomUUID(),
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    role: "customer",
    createdAt: now,
    updatedAt: now,
  };
  const opened = await newSessionStatements(deps, user.id);
  try {
    // One batch is one transaction: the user and the session exist together or not at all.
    await db.batch([db.insert(users).values(user), ...opened.statements]);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "An account with this email already exists.");
    throw error;
  }
  await enqueueEmail(deps, { template: "welcome", to: user.email, data: { name: user.name } });
  return session(deps, user, opened.familyId, opened.refreshToken);
}

/** Signs in with email and password. Unknown email and wrong password look (and take) the same. */
export async function login(deps: IdentityDeps, input: LoginInput): Promise<AuthSession> {
  const db = orm(deps);
  const user = await db.select().from(users).where(eq(users.email, input.email)).get();
  const valid = user
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDecoy(input.password);
  if (!user || !valid) throw new AppError("unauthorized", "Email or password is incorrect.");
  const opened = await newSessionStatements(deps, user.id);
  await db.batch(opened.statements);
  return session(deps, user, opened.familyId, opened.refreshToken);
}

async function revokeFamily(deps: IdentityDeps, familyId: string, reason: string): Promise<void> {
  await orm(deps)
    .update(refreshTokenFamilies)
    .set({ revokedAt: nowMs(deps), revokedReason: reason })
    .where(and(eq(refreshTokenFamilies.id, familyId), isNull(refreshTokenFamilies.revokedAt)));
}

const invalidRefresh = () =>
  new AppError("unauthorized", "The refresh token is invalid or expired. Sign in again.");

/**
 * Rotates a refresh token: the presented token is spent and a new one issued in the same family.
 * Presenting a spent token again means it was copied: the whole family is revoked, so both the
 * thief's and the owner's sessions end (the owner signs in again).
 */
export async function refresh(deps: IdentityDeps, presented: string): Promise<AuthSession> {
  const db = orm(deps);
  const now = nowMs(deps);
  const row = await db
    .select({ token: refreshTokens, family: refreshTokenFamilies, user: users })
    .from(refreshTokens)
    .innerJoin(refreshTokenFamilies, eq(refreshTokens.familyId, refreshTokenFamilies.id))
    .innerJoin(users, eq(refreshTokenFamilies.userId, users.id))
    .where(eq(refreshTokens.tokenHash, await sha256Hex(presented)))
    .get();
  if (!row || row.family.revokedAt !== null) throw invalidRefresh();
  if (row.token.usedAt !== null) {
    await revokeFamily(deps, row.family.id, "reuse_detected");
    throw invalidRefresh();
  }
  if (row.token.expiresAt <= now) throw invalidRefresh();

  // Spend the old token and mint the new one in one transaction. The insert is guarded by the
  // old token still being unspent, so of two concurrent refreshes exactly one wins; the loser
  // sees zero changes and is treated as reuse.
  const next = await newRefreshToken();
  const [inserted, spent] = await deps.db.batch([
    deps.db
      .prepare(
        `INSERT INTO refresh_tokens (id, family_id, token_hash, expires_at, used_at, created_at)
         SELECT ?1, ?2, ?3, ?4, NULL, ?5
         WHERE EXISTS (SELECT 1 FROM refresh_tokens WHERE id = ?6 AND used_at IS NULL)
           AND EXISTS (SELECT 1 FROM refresh_token_families WHERE id = ?2 AND revoked_at IS NULL)`,
      )
      .bind(
        crypto.randomUUID(),
        row.family.id,
        next.hash,
        now + REFRESH_TOKEN_TTL_SECONDS * 1000,
        now,
        row.token.id,
      ),
    deps.db
      .prepare("UPDATE refresh_tokens SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL")
      .bind(now, row.token.id),
  ]);
  if (inserted?.meta.changes !== 1 || spent?.meta.changes !== 1) {
    await revokeFamily(deps, row.family.id, "reuse_detected");
    throw invalidRefresh();
  }
  return session(deps, row.user, row.family.id, next.token);
}

/** Ends the session a refresh token belongs to. Unknown tokens are ignored (nothing to end). */
export async function logout(deps: IdentityDeps, presented: string): Promise<void> {
  const token = await orm(deps)
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await sha256Hex(presented)))
    .get();
  if (token) await revokeFamily(deps, token.familyId, "logout");
}

/** Ends every session of a user. */
export async function logoutAll(deps: IdentityDeps, userId: string, reason = "logout_all"): Promise<void> {
  await orm(deps)
    .update(refreshTokenFamilies)
    .set({ revokedAt: nowMs(deps), revokedReason: reason })
    .where(and(eq(refreshTokenFamilies.userId, userId), isNull(refreshTokenFamilies.revokedAt)));
}

/**
 * Starts a password reset: when the account exists, a single-use link valid for 30 minutes is
 * emailed (earlier unused links stop working). The caller answers 202 either way and runs this
 * after responding, so neither the answer nor its timing tells whether the email is registered.
 */
export async function requestPasswordReset(deps: IdentityDeps, email: string): Promise<void> {
  const db = orm(deps);
  const user = await db.select().from(users).where(eq(users.email, email)).get();
  if (!user) return;
  const now = nowMs(deps);
  const reset = await newRefreshToken();
  await db.batch([
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt))),
    db.insert(passwordResets).values({
      id: crypto.randomUUID(),
      userId: user.id,
      tokenHash: reset.hash,
      expiresAt: now + RESET_TOKEN_TTL_SECONDS * 1000,
      createdAt: now,
    }),
  ]);
  const resetUrl = new URL("/reset-password", deps.appUrl);
  resetUrl.searchParams.set("token", reset.token);
  await enqueueEmail(deps, {
    template: "password_reset",
    to: user.email,
    data: { name: user.name, resetUrl: resetUrl.toString(), expiresInMinutes: RESET_TOKEN_TTL_SECONDS / 60 },
  });
}

const invalidResetToken = () =>
  new AppError("invalid_token", "This reset link is invalid, used or expired. Ask for a new one.");

/**
 * Sets a new password with a reset token. The token is spent, the password changed and every
 * session ended in one transaction; each statement is guarded by the token still being unspent,
 * so a token works exactly once even when presented twice at the same moment.
 */
export async function resetPassword(deps: IdentityDeps, token: string, password: string): Promise<void> {
  const now = nowMs(deps);
  const tokenHash = await sha256Hex(token);
  const found = await orm(deps)
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(passwordResets.userId, users.id))
    .where(eq(passwordResets.tokenHash, tokenHash))
    .get();
  if (!found || found.reset.usedAt !== null || found.reset.expiresAt <= now) throw invalidResetToken();
  const weak = weakPassword(password, found.user.email);
  if (weak) throw weak;
  const passwordHash = await hashPassword(password);
  const unspent =
    "EXISTS (SELECT 1 FROM password_resets WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2)";
  const results = await deps.db.batch([
    deps.db
      .prepare(`UPDATE users SET password_hash = ?3, updated_at = ?2 WHERE id = ?4 AND ${unspent}`)
      .bind(tokenHash, now, passwordHash, found.user.id),
    deps.db
      .prepare(
        `UPDATE refresh_token_families SET revoked_at = ?2, revoked_reason = 'password_reset'
         WHERE user_id = ?3 AND revoked_at IS NULL AND ${unspent}`,
      )
      .bind(tokenHash, now, found.user.id),
    deps.db
      .prepare(
        "UPDATE password_resets SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
      )
      .bind(tokenHash, now),
  ]);
  if (results[2]?.meta.changes !== 1) throw invalidResetToken();
}

/** The caller's own profile; 404 when the account no longer exists. */
export async function getProfile(deps: IdentityDeps, userId: string): Promise<PublicUser> {
  const user = await orm(deps).select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  return publicUser(user);
}

/**
 * Changes name, email (unique) or password (needs the current one; ends every session so a
 * stolen session does not survive a password change).
 */
export async function updateProfile(
  deps: IdentityDeps,
  userId: string,
  input: UpdateProfileInput,
): Promise<PublicUser> {
  const db = orm(deps);
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError("not_found", "This account no longer exists.");
  const changes: Partial<UserRow> = { updatedAt: nowMs(deps) };
  if (input.name !== undefined) changes.name = input.name;
  if (input.email !== undefined) changes.email = input.email;
  const changingPassword = input.newPassword !== undefined;
  if (changingPassword || (input.email !== undefined && input.email !== user.email)) {
    // Sensitive changes need the current password.
    if (!input.currentPassword || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new AppError("validation_failed", "The current password is incorrect.", {
        errors: [{ path: "currentPassword", message: "Enter your current password." }],
      });
    }
  }
  if (input.newPassword !== undefined) {
    const weak = weakPassword(input.newPassword, changes.email ?? user.email, "newPassword");
    if (weak) throw weak;
    changes.passwordHash = await hashPassword(input.newPassword);
  }
  try {
    const update = db.update(users).set(changes).where(eq(users.id, userId));
    if (changingPassword) {
      await db.batch([
        update,
        db
          .update(refreshTokenFamilies)
          .set({ revokedAt: nowMs(deps), revokedReason: "password_changed" })
          .where(and(eq(refreshTokenFamilies.userId, userId), isNull(refreshTokenFamilies.revokedAt))),
      ]);
    } else {
      await update;
    }
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", "An account with this email already exists.");
    throw error;
  }
  return publicUser({ ...user, ...changes });
}
