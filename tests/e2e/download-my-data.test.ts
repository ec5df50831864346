import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyData } from "../../functions/src/schemas/personalAccess.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { closeBrowser, expectAccessible, openPhone, submitAccountForm } from "./support.js";

/** The right of access in the browser: "Unduh data saya" on /status saves a JSON file with the person's registration opened. */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

describe("download my data", () => {
  it("when a registered person presses “Unduh data saya” on the status page, then a JSON file with their NIK, name and history is saved", async () => {
    const account = await accountWith(null, "mydata");
    const form = person({ districtCode: "317101" });
    expect((await call("register", form, account.idToken)).error).toBeUndefined();
    const { page, pageErrors } = await openPhone();
    await submitAccountForm(page, account.email, "Masuk");
    await page.waitForURL("**/status");
    await page.getByTestId("timeline").waitFor();

    const saving = page.waitForEvent("download");
    await page.getByRole("button", { name: "Unduh data saya" }).click();
    const download = await saving;
    expect(download.suggestedFilename()).toMatch(/^data-saya-prakerja-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile(await download.path(), "utf8")) as MyData;
    expect(data).toMatchObject({
      uid: account.uid,
      registration: { nik: form.nik, kk: form.kk, fullName: form.fullName, birthDate: form.birthDate },
      timeline: [expect.objectContaining({ kind: "registered" })],
    });
    expect(data.registration).not.toHaveProperty("personal");
    expect(data.registration).not.toHaveProperty("nikKey");
    await page.getByText(`Berkas ${download.suggestedFilename()} sudah disimpan.`).waitFor();
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
  });
});
