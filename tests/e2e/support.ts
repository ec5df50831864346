import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { URLS } from "../../scripts/stack/config.js";

/**
 * Browser helpers shared by the e2e tests: Debian's Chromium (a Playwright browser download
 * does not work here) on a cheap phone's screen, and signing in through the web app itself.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const PASSWORD = "rahasia-123";
export const PHONE = { width: 360, height: 740 };

let browser: Browser | undefined;

/** Call from each test file's afterAll: a test file never leaves a browser running. */
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** A fresh phone-sized page (no stored language, no session) with its uncaught errors collected. */
export async function openPhone(): Promise<{ page: Page; pageErrors: string[] }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  }
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

/** Opens the web app and fills the sign-in form; `action` is the button to press. */
export async function submitAccountForm(page: Page, email: string, action: "Masuk" | "Daftar akun baru"): Promise<void> {
  await page.goto(URLS.webApp);
  await page.getByRole("link", { name: "Masuk", exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Kata sandi").fill(PASSWORD);
  await page.getByRole("button", { name: action, exact: true }).click();
}

/** Signs in an existing account and waits for the account page to show its role. */
export async function signInAs(page: Page, email: string, role: string): Promise<void> {
  await submitAccountForm(page, email, "Masuk");
  const shown = page.getByTestId("account-role");
  await shown.waitFor();
  expect(await shown.textContent()).toBe(role);
}

/** Readable on a 360 px screen: nothing pushes the page sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}
