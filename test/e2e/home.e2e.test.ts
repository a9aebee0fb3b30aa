import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser } from "./browser";

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
    expect(names).toEqual(["Electronics", "Home & Kitchen", "Sports & Outdoors", "Fashion"]);
    expect(
      await page
        .locator("[data-testid=category][data-slug=electronics] .subcategory-list a")
        .allTextContents(),
    ).toEqual(["Audio", "Computers"]);

    const status = page.getByTestId("api-status");
    expect(await status.getAttribute("data-state")).toBe("operational");
    expect((await status.textContent())?.trim()).toBe("All systems operational");

    expect(await page.getByTestId("sign-in-link").getAttribute("href")).toBe("/login");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
