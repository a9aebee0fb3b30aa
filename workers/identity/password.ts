import { base64url, fromBase64url, timingSafeEqual } from "../shared/crypto";

/**
 * Password hashing with PBKDF2-HMAC-SHA256. 100,000 iterations is the most the Workers runtime
 * allows for PBKDF2 (it rejects more); that costs roughly 30-60 ms of CPU, well inside Workers'
 * limits. Hashes carry their parameters (`pbkdf2-sha256$<iterations>$<salt>$<hash>`) so the
 * cost can change later without invalidating stored hashes.
 */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(password.normalize("NFKC")),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${base64url(salt)}$${base64url(hash)}`;
}

/** Checks a password against a stored hash in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split("$");
  const iterations = Number(iterationsText);
  if (scheme !== "pbkdf2-sha256" || !Number.isInteger(iterations) || !saltText || !hashText) return false;
  if (iterations < 1 || iterations > PBKDF2_ITERATIONS) return false;
  const actual = await derive(password, fromBase64url(saltText), iterations);
  return timingSafeEqual(actual, fromBase64url(hashText));
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same work as a real verification when the account does not exist, so login time
 * does not reveal which emails are registered.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(password, await decoy);
  return false;
}

/**
 * The shop's password rule, as one message per unmet requirement (empty when the password is
 * acceptable). Length beats composition rules, so: 10+ characters, not only letters or only
 * digits, not the email's name part, not one repeated character.
 */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push("Use at least 10 characters.");
  if (password.length > 128) problems.push("Use at most 128 characters.");
  if (/^[\p{L}]+$/u.test(password) || /^\d+$/.test(password)) {
    problems.push("Mix letters with digits or symbols.");
  }
  if (/^(.)\1+$/u.test(password)) problems.push("Do not repeat a single character.");
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    problems.push("Do not use your email address in your password.");
  }
  return problems;
}
