import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser } from "./browser";

/*
 * The storefront's account pages in a real browser against the whole shop (global-setup.ts).
 * Every test makes its own accounts with unique emails, so tests do not depend on each other.
 */

const shopUrl = inject("shopUrl");
const SESSION_COOKIE = "shop_session";
const ACCESS_COOKIE = "shop_access";

let browser: Browser;
/** Contexts opened by the running test, closed after it; and what their pages threw. */
let contexts: BrowserContext[] = [];
let pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  contexts = [];
  // An uncaught exception in the page (say, a hydration failure) fails the test that caused it.
  const errors = pageErrors;
  pageErrors = [];
  expect(errors).toEqual([]);
});

/** A fresh browser profile (no cookies) on the shop; `javaScript: false` proves forms work without it. */
async function openPage({ javaScript = true } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: shopUrl, javaScriptEnabled: javaScript });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page };
}

interface Account {
  name: string;
  email: string;
  password: string;
}

/** A new, unique account (not yet registered); the password passes the shop's password rule. */
function newAccount(tag: string): Account {
  const id = randomUUID().slice(0, 8);
  return { name: `Test ${tag} ${id}`, email: `${tag}-${id}@e2e.shop.test`, password: `Battery-staple-${id}` };
}

/** Registers through the API directly, for tests about something other than the register form. */
async function registerViaApi(account: Account): Promise<void> {
  const response = await fetch(new URL("/api/auth/register", shopUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

function path(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** The header's account link text (the user's name), or null when it offers "Sign in". */
async function headerUser(page: Page): Promise<string | null> {
  const account = page.getByTestId("account-link");
  await account.or(page.getByTestId("sign-in-link")).waitFor();
  return (await account.count()) > 0 ? ((await account.textContent())?.trim() ?? "") : null;
}

async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((cookie) => cookie.name).sort();
}

async function cookieValue(context: BrowserContext, name: string): Promise<string | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === name)?.value;
}

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in on /login and waits for the account page. */
async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto("/login");
  await fillSignIn(page, account.email, account.password);
  await page.waitForURL("**/account");
  await page.getByTestId("account-name").waitFor();
}

/** The text of the element that `aria-describedby` ties to a field: its error, next to it. */
async function fieldDescription(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const ids = (await input.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}

/**
 * The reset link from the dev outbox (GET /dev/outbox.json?to=), polled until the email queue
 * has delivered it, within a bound. The link names the configured APP_URL; its path and token
 * are opened on the shop under test.
 */
async function resetLinkFor(email: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const outbox = new URL("/dev/outbox.json", shopUrl);
  outbox.searchParams.set("to", email);
  while (Date.now() < deadline) {
    const response = await fetch(outbox);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { text: string }[] };
    for (const item of items) {
      const match = /https?:\/\/\S+?\/reset-password\?token=[^\s"<>]+/.exec(item.text);
      if (match) {
        const link = new URL(match[0]);
        return link.pathname + link.search;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no password-reset email to ${email} within ${timeoutMs} ms`);
}

describe("registering, signing out and in", () => {
  test("a new account lands on /account, signs out to 'Sign in', and signs in again", async () => {
    const { context, page } = await openPage();
    const account = newAccount("register");

    await page.goto("/register");
    expect(await page.title()).toBe("Create an account | Edge Commerce");
    await page.getByLabel("Name", { exact: true }).fill(account.name);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/account");
    await page.getByTestId("account-name").waitFor(); // the URL changes before the page renders

    expect(await page.title()).toBe("Your account | Edge Commerce");
    expect(await page.getByTestId("account-name").textContent()).toBe(account.name);
    expect(await page.getByTestId("account-email").textContent()).toBe(account.email);
    expect(await page.getByTestId("account-role").getAttribute("data-role")).toBe("customer");
    expect(await headerUser(page)).toBe(account.name);
    const cookies = await context.cookies();
    for (const cookie of cookies.filter((c) => c.name === SESSION_COOKIE || c.name === ACCESS_COOKIE)) {
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    }
    expect(await cookieNames(context)).toEqual([ACCESS_COOKIE, SESSION_COOKIE]);
    await page.screenshot({ path: join(tmpdir(), "shop-account.png"), fullPage: true });

    // Changing the name shows at once, on the page and in the header.
    const renamed = `${account.name} Renamed`;
    await page.getByLabel("Name", { exact: true }).fill(renamed);
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByTestId("name-saved").waitFor();
    // The action's answer shows while the page's data is still being reloaded: wait for the data.
    await page.locator("[data-testid=account-name]", { hasText: renamed }).waitFor();
    expect(await page.getByTestId("account-name").textContent()).toBe(renamed);
    expect(await headerUser(page)).toBe(renamed);
    await page.reload();
    expect(await headerUser(page)).toBe(renamed);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByTestId("category-list").waitFor(); // the URL changes before the page renders
    expect(await headerUser(page)).toBeNull();
    expect(await cookieNames(context)).toEqual([]);

    await signIn(page, account);
    expect(await page.getByTestId("account-name").textContent()).toBe(renamed);
    expect(await headerUser(page)).toBe(renamed);
    // Signed in, the sign-in page sends you on.
    await page.goto("/login");
    expect(new URL(page.url()).pathname).toBe("/account");
  });

  test("a wrong password shows an error and starts no session; an unknown email reads the same", async () => {
    const { context, page } = await openPage();
    const account = newAccount("wrongpw");
    await registerViaApi(account);

    await page.goto("/login");
    expect(await page.title()).toBe("Sign in | Edge Commerce");
    await fillSignIn(page, account.email, `${account.password}-wrong`);
    const error = page.getByTestId("form-error");
    await error.waitFor();
    const wrongPasswordMessage = await error.textContent();
    expect(wrongPasswordMessage).toBe("Email or password is incorrect.");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe(account.email);
    expect(await headerUser(page)).toBeNull();
    expect(await cookieNames(context)).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), "shop-login.png"), fullPage: true });

    // No account enumeration: an email nobody registered gets the very same message.
    await page.goto("/login");
    await fillSignIn(page, newAccount("nobody").email, account.password);
    await error.waitFor();
    expect(await error.textContent()).toBe(wrongPasswordMessage);
    expect(await cookieNames(context)).toEqual([]);
  });

  test("a weak password shows the rule it breaks next to the password field", async () => {
    const { context, page } = await openPage();
    const account = newAccount("weak");

    await page.goto("/register");
    await page.getByLabel("Name", { exact: true }).fill(account.name);
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("password-error").waitFor();

    expect(await page.getByLabel("Password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await fieldDescription(page, "Password")).toContain("Use at least 10 characters.");
    expect(await page.getByTestId("form-error").textContent()).toBe("Please check the highlighted fields.");
    // The other fields keep what was typed and have no error.
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(account.name);
    expect(await page.getByLabel("Email", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    expect(new URL(page.url()).pathname).toBe("/register");
    expect(await cookieNames(context)).toEqual([]);
  });
});

describe("password reset", () => {
  test("forgot password -> emailed link -> new password -> sign in with it; the link works once", async () => {
    const { page } = await openPage();
    const account = newAccount("reset");
    await registerViaApi(account);

    // Unknown and known emails get the same confirmation.
    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(newAccount("nobody").email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByTestId("reset-requested").waitFor();
    const unknownConfirmation = (await page.getByTestId("reset-requested").textContent())?.replace(
      /\S+@\S+/,
      "<email>",
    );

    await page.goto("/forgot-password");
    await page.getByLabel("Email", { exact: true }).fill(account.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByTestId("reset-requested").waitFor();
    const knownConfirmation = (await page.getByTestId("reset-requested").textContent())?.replace(
      /\S+@\S+/,
      "<email>",
    );
    expect(knownConfirmation).toBe(unknownConfirmation);

    const link = await resetLinkFor(account.email);
    const newPassword = `New-password-${randomUUID().slice(0, 8)}`;
    await page.goto(link);
    expect(await page.title()).toBe("Choose a new password | Edge Commerce");
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByTestId("reset-done").waitFor();

    await page.getByRole("link", { name: "Sign in", exact: true }).last().click();
    await page.waitForURL("**/login");
    await fillSignIn(page, account.email, account.password);
    await page.getByTestId("form-error").waitFor();
    await fillSignIn(page, account.email, newPassword);
    await page.waitForURL("**/account");
    expect(await page.getByTestId("account-email").textContent()).toBe(account.email);

    // The same link again: a clear message and a way to ask for a new one.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill(`${newPassword}-again`);
    await page.getByLabel("Confirm new password", { exact: true }).fill(`${newPassword}-again`);
    await page.getByRole("button", { name: "Save new password" }).click();
    const invalid = page.getByTestId("reset-invalid");
    await invalid.waitFor();
    expect(await invalid.textContent()).toContain(
      "This reset link is invalid, has been used or has expired.",
    );
    expect(await page.getByRole("link", { name: "Request a new link" }).getAttribute("href")).toBe(
      "/forgot-password",
    );
  });

  test("a reset link without a token says so and offers a new one", async () => {
    const { page } = await openPage();
    await page.goto("/reset-password");
    await page.getByTestId("reset-invalid").waitFor();
    expect(await page.getByRole("link", { name: "Request a new link" }).getAttribute("href")).toBe(
      "/forgot-password",
    );
  });
});

describe("signed-in pages", () => {
  test("/account sends anonymous shoppers to sign in and back (without JavaScript)", async () => {
    const { context, page } = await openPage({ javaScript: false });
    const account = newAccount("redirect");
    await registerViaApi(account);

    await page.goto("/account");
    expect(path(page)).toBe(`/login?redirectTo=${encodeURIComponent("/account")}`);
    await fillSignIn(page, account.email, account.password);
    await page.waitForURL("**/account");
    expect(await page.getByTestId("account-name").textContent()).toBe(account.name);
    expect(await headerUser(page)).toBe(account.name);

    // Signing out works without JavaScript too; /account then asks to sign in again.
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByTestId("category-list").waitFor(); // the URL changes before the page renders
    expect(await cookieNames(context)).toEqual([]);
    await page.goto("/account");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  test("?redirectTo= never leaves the shop", async () => {
    const { page } = await openPage();
    const account = newAccount("offsite");
    await registerViaApi(account);

    await page.goto(`/login?redirectTo=${encodeURIComponent("//evil.example/steal")}`);
    await fillSignIn(page, account.email, account.password);
    await page.waitForURL("**/account");
    expect(new URL(page.url()).origin).toBe(new URL(shopUrl).origin);
  });
});

describe("sign out everywhere", () => {
  /*
   * Access tokens are JWTs checked without calling identity, so a device that holds one stays
   * signed in until it lapses (its cookie, shop_access, expires a minute before the token's 15
   * minutes). The next page load then refreshes with shop_session, which logout-all revoked: the
   * device is signed out. The test lets the access cookie lapse by deleting it, as the browser
   * does when its Max-Age runs out.
   */
  test("ends another browser's session at its next refresh", async () => {
    const account = newAccount("everywhere");
    await registerViaApi(account);
    const a = await openPage();
    const b = await openPage();
    await signIn(a.page, account);
    await signIn(b.page, account);

    // Control: a lapsed access cookie is refreshed silently while the session is alive.
    const sessionBefore = await cookieValue(b.context, SESSION_COOKIE);
    await b.context.clearCookies({ name: ACCESS_COOKIE });
    await b.page.goto("/");
    expect(await headerUser(b.page)).toBe(account.name);
    expect(await cookieNames(b.context)).toEqual([ACCESS_COOKIE, SESSION_COOKIE]);
    expect(await cookieValue(b.context, SESSION_COOKIE)).not.toBe(sessionBefore); // rotated

    await a.page.goto("/account");
    await a.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await a.page.waitForURL("**/login?signedOut=everywhere");
    expect(await a.page.getByTestId("login-notice").textContent()).toBe(
      "You have been signed out on every device.",
    );
    expect(await headerUser(a.page)).toBeNull();
    expect(await cookieNames(a.context)).toEqual([]);

    // B's access token is still valid, so B is still signed in (for at most ~14 minutes) ...
    await b.page.goto("/account");
    expect(await b.page.getByTestId("account-name").textContent()).toBe(account.name);

    // ... until it lapses: the refresh is refused and B is signed out, cookies cleared.
    await b.context.clearCookies({ name: ACCESS_COOKIE });
    await b.page.goto("/");
    expect(await headerUser(b.page)).toBeNull();
    expect(await cookieNames(b.context)).toEqual([]);
    await b.page.goto("/account");
    expect(path(b.page)).toBe(`/login?redirectTo=${encodeURIComponent("/account")}`);
  });
});
