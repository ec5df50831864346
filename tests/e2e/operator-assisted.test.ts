import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REFUSAL_TEXT } from "../../functions/src/schemas/refusalMessages.js";
import { OPERATOR_REASON_TEXT } from "../../functions/src/schemas/registrationMessages.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith } from "../support/stack.js";
import { fillPerson, maskedNik } from "./registrationForm.js";
import { closeBrowser, expectNoSidewaysScroll, openPhone, signInAs } from "./support.js";

/**
 * A regional operator registers people who came to the office for help: someone of their
 * region is registered (once, on the operator's record); someone of another region is refused.
 */

beforeAll(ensureProgramYear);
afterAll(closeBrowser);

const registeredBy = async (operatorUid: string) => (await adminDb.collection("applicants").where("registeredBy", "==", operatorUid).get()).docs;

describe("assisted registration", () => {
  it("when a Jakarta operator registers a person of Jakarta, then it succeeds; a person of Lombok Barat is refused as outside the region", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    const { page, pageErrors } = await openPhone();
    await signInAs(page, operator.email, "Operator Disnaker");
    await page.getByRole("link", { name: "Pendaftaran dibantu", exact: true }).click();
    await page.waitForURL("**/operator");
    await page.getByTestId("assisted-form").waitFor();
    expect(await page.getByTestId("operator-region").textContent()).toBe("Daerah Khusus Ibukota Jakarta (31)");

    const local = person({ districtCode: "317101" });
    await fillPerson(page, local);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const result = page.getByTestId("assisted-result");
    await result.waitFor();
    expect(await result.textContent()).toContain("Pendaftaran berhasil.");
    expect(await page.getByTestId("assisted-nik").textContent()).toBe(maskedNik(local.nik));
    expect(await page.getByTestId("assisted-account").textContent()).toContain(`+62${local.phone.slice(1)}`);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(local.nik);
    await expectNoSidewaysScroll(page);
    const records = await registeredBy(operator.uid);
    expect(records).toHaveLength(1);
    expect(records[0].data()).toMatchObject({ nikMasked: maskedNik(local.nik), districtCode: "317101", consent: { by: "operator" } });

    await page.getByRole("button", { name: "Daftarkan orang lain" }).click();
    await fillPerson(page, person({ districtCode: "520101" }));
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const districtError = page.getByTestId("assisted-districtCode-error");
    await districtError.waitFor();
    expect(await districtError.textContent()).toBe(REFUSAL_TEXT["outside-region"].id);
    expect(await page.getByLabel("Kecamatan").getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("assisted-districtCode");
    expect(await registeredBy(operator.uid)).toHaveLength(1);

    // Registered but not eligible: the reasons speak of the person at the desk, not to "you".
    await page.reload();
    await page.getByTestId("assisted-form").waitFor();
    await fillPerson(page, person({ districtCode: "317101", occupation: "civil-servant", inFormalEducation: true }));
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await result.waitFor();
    expect(await result.locator("[data-reason]").evaluateAll((items) => items.map((item) => item.getAttribute("data-reason")))).toEqual([
      "in-formal-education",
      "excluded-occupation",
    ]);
    const reasons = await result.getByTestId("reasons").innerText();
    expect(reasons).toContain(OPERATOR_REASON_TEXT["excluded-occupation"].id);
    expect(reasons).toContain(OPERATOR_REASON_TEXT["in-formal-education"].id);
    expect(reasons).not.toMatch(/\bAnda\b/);
    expect(await registeredBy(operator.uid)).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });
});
