import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { demoCatalog } from "../../scripts/seed-catalog.mjs";
import { launchBrowser } from "./browser";

/** What the home page must show: the demo seed's top-level categories and their children. */
const { categories: seeded } = demoCatalog();
const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
const topLevel = seeded.filter((c) => c.parentId === null).sort(byPosition);
const electronics = seeded.find((c) => c.slug === "electronics");
const electronicsChildren = seeded.filter((c) => c.parentId === electronics?.id).sort(byPosition);

const shopUrl = inject("shopUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("home page", () => {
  test("shows the seeded categories, the system status and a way to sign in", async () => {
    const context = await browser.newContext({ baseURL: shopUrl });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain("Edge Commerce");

    const categories = page.getByTestId("category");
    await categories.first().waitFor();
    const names = await page.locator("[data-testid=category] .category-name").allTextContents();
    expect(names).toEqual(topLevel.map((c) => c.name));
    expect(
      await page
        .locator("[data-testid=category][data-slug=electronics] .subcategory-list a")
        .allTextContents(),
    ).toEqual(electronicsChildren.map((c) => c.name));

    const status = page.getByTestId("api-status");
    expect(await status.getAttribute("data-state")).toBe("operational");
    expect((await status.textContent())?.trim()).toBe("All systems operational");

    expect(await page.getByTestId("sign-in-link").getAttribute("href")).toBe("/login");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
