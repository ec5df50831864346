import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { PROJECT_ID, URLS } from "../../scripts/stack/config.js";
import { AUTH_URL } from "../support/stack.js";

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
  await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
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
  const { width, outside } = await page.evaluate((limit) => {
    // The innermost elements that reach past the screen's edge, so a failure names what sticks out.
    const past = Array.from(document.querySelectorAll("body *")).filter((element) => element.getBoundingClientRect().right > limit);
    const innermost = past.filter((element) => !past.some((other) => other !== element && element.contains(other)));
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className && typeof element.className === "string" ? `.${element.className.split(" ").join(".")}` : ""} (right ${Math.round(element.getBoundingClientRect().right)})`;
    return { width: document.documentElement.scrollWidth, outside: innermost.slice(0, 5).map(describe) };
  }, PHONE.width);
  expect(width, `sticking out: ${outside.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
}

/** At 200% text size (the root font size doubled) on the same screen: still nothing sideways. */
export async function expectNoSidewaysScrollAtDoubleText(page: Page): Promise<void> {
  const sizes = await page.evaluate(async () => {
    const root = document.documentElement;
    root.style.fontSize = "200%";
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const { scrollWidth, clientWidth } = document.scrollingElement!;
    root.style.fontSize = "";
    return { scrollWidth, clientWidth };
  });
  expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.clientWidth);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  });
  expect(violations).toEqual([]);
}

/** The last code the Auth emulator "sent" by SMS to a number (it sends none: it lists them). */
export async function smsCode(phoneNumber: string): Promise<string> {
  const response = await fetch(`${AUTH_URL}/emulator/v1/projects/${PROJECT_ID}/verificationCodes`);
  const { verificationCodes } = (await response.json()) as { verificationCodes: { phoneNumber: string; code: string }[] };
  const sent = verificationCodes.filter((entry) => entry.phoneNumber === phoneNumber);
  if (sent.length === 0) throw new Error(`The Auth emulator sent no code to ${phoneNumber}`);
  return sent[sent.length - 1].code;
}

/** Opens the sign-in page from the menu and asks for a code for the number, typed as given. */
export async function askForSmsCode(page: Page, typed: string): Promise<void> {
  await page.goto(URLS.webApp);
  await page.getByRole("link", { name: "Masuk", exact: true }).click();
  await page.getByLabel("Nomor HP", { exact: true }).fill(typed);
  await page.getByRole("button", { name: "Kirim kode SMS" }).click();
  await page.getByTestId("phone-sent").waitFor();
}
