import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idWaveStatus } from "../../hosting/src/i18n/id.waveStatus.js";
import { ensureProgramYear, person, type PersonOptions } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { closeBrowser, expectNoSidewaysScroll, openPhone, submitAccountForm } from "./support.js";

/**
 * The status page's "Gelombang & undian" section before a person has joined a wave. Nobody
 * presses "join" here: another test file may have a wave of its own open, and a person joining
 * it would change its pool.
 */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

/** A person registered through the callable, then signed in through the web app: led to /status. */
async function registeredPersonOnStatusPage(options: PersonOptions): Promise<{ page: Page; pageErrors: string[] }> {
  const account = await accountWith(null, "gelombang");
  expect((await call("register", person(options), account.idToken)).error).toBeUndefined();
  const { page, pageErrors } = await openPhone();
  await submitAccountForm(page, account.email, "Masuk");
  await page.waitForURL("**/status");
  await page.getByTestId("wave-draw").waitFor();
  return { page, pageErrors };
}

describe("waves and draw on the status page", () => {
  it("when an eligible person has not joined a wave, then the next step offers the open wave by its number, or says none is open; no pseudonymous ID yet", async () => {
    const { page, pageErrors } = await registeredPersonOnStatusPage({});
    const section = page.getByTestId("wave-draw");
    expect(await section.getByRole("heading", { name: "Gelombang & undian" }).count()).toBe(1);
    expect(await section.getAttribute("data-in-pool")).toBe("false");
    const step = section.getByTestId("next-step");
    const kind = await step.getAttribute("data-step");
    expect(["join", "wait-for-wave"]).toContain(kind);
    if (kind === "join") {
      const number = await section.getByTestId("open-wave").getByRole("button").textContent();
      expect(await step.textContent()).toContain(`Gelombang ${number?.replace("Ikut gelombang ", "")} sedang dibuka sampai`);
    }
    expect(await section.getByTestId("draw-pid").count()).toBe(0);
    await expectNoSidewaysScroll(page);
    expect(pageErrors).toEqual([]);
  });

  it("when a person does not meet the requirements, then the section says they can join once they do, and offers no wave", async () => {
    const { page, pageErrors } = await registeredPersonOnStatusPage({ occupation: "civil-servant" });
    const section = page.getByTestId("wave-draw");
    expect(await section.getByTestId("next-step").getAttribute("data-step")).toBe("not-eligible");
    expect(await section.textContent()).toContain(idWaveStatus["draw.notEligible"]);
    expect(await section.getByRole("button").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
