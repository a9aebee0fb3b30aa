import { afterEach, describe, expect, it, vi } from "vitest";
import {
  hashPassword,
  PBKDF2_ITERATIONS,
  passwordProblems,
  verifyAgainstDecoy,
  verifyPassword,
} from "../password";

describe("password hashing", () => {
  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("correct-horse-42");
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct-horse-42", hash)).toBe(true);
    expect(await verifyPassword("correct-horse-43", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same-password-1")).not.toBe(await hashPassword("same-password-1"));
  });

  it("never matches a malformed or tampered hash", async () => {
    const hash = await hashPassword("correct-horse-42");
    expect(await verifyPassword("correct-horse-42", "plain-text")).toBe(false);
    expect(await verifyPassword("correct-horse-42", hash.replace("pbkdf2-sha256", "md5"))).toBe(false);
    expect(await verifyPassword("correct-horse-42", hash.replace("$100000$", "$1000000$"))).toBe(false);
  });
});

describe("login for an unknown account", () => {
  afterEach(() => vi.restoreAllMocks());

  it("does the same key-derivation work as a real verification", async () => {
    const hash = await hashPassword("correct-horse-42");
    await verifyAgainstDecoy("warm-up-password-1"); // the decoy hash is made once per isolate
    const derive = vi.spyOn(crypto.subtle, "deriveBits");
    await verifyPassword("wrong-guess-123", hash);
    await verifyAgainstDecoy("wrong-guess-123");
    expect(derive).toHaveBeenCalledTimes(2);
    const iterations = derive.mock.calls.map((args) => (args[0] as Pbkdf2Params).iterations);
    expect(iterations).toEqual([PBKDF2_ITERATIONS, PBKDF2_ITERATIONS]);
  });
});

describe("password rule", () => {
  it("accepts a long mixed password", () => {
    expect(passwordProblems("correct-horse-42", "ada@example.com")).toEqual([]);
  });

  it("explains each unmet requirement", () => {
    expect(passwordProblems("abc")).toEqual([
      "Use at least 10 characters.",
      "Mix letters with digits or symbols.",
    ]);
    expect(passwordProblems("1234567890")).toEqual(["Mix letters with digits or symbols."]);
    expect(passwordProblems("##########")).toEqual(["Do not repeat a single character."]);
    expect(passwordProblems("lovelace-2024", "lovelace@example.com")).toEqual([
      "Do not use your email address in your password.",
    ]);
    expect(passwordProblems(`${"x".repeat(120)}-12345678`)).toEqual(["Use at most 128 characters."]);
  });
});
