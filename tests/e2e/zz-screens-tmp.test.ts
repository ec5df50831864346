import { it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { ensureProgramYear, person } from "../support/people.js";
import { accountWith, call } from "../support/stack.js";
import { storeDrawnWave } from "./publishedDraw.js";
import { closeBrowser, openPhone, submitAccountForm } from "./support.js";

it("screens", async () => {
  await ensureProgramYear();
  const drawn = await storeDrawnWave();
  const { page, pageErrors } = await openPhone();
  await page.goto(`${URLS.webApp}/transparansi/${drawn.waveId}`);
  await page.getByTestId("draw-result").waitFor();
  await page.getByTestId("draw-result").screenshot({ path: "/tmp/screens/result.png" });
  await page.getByTestId("province-table").screenshot({ path: "/tmp/screens/table.png" });
  const account = await accountWith(null, "screens");
  await call("register", person(), account.idToken);
  const m = drawn.publication.manifest;
  await page.route("**/getMyStatus", async (route) => {
    const real = await route.fetch();
    const body = (await real.json()) as { result: Record<string, unknown> };
    body.result.draw = { pid: "Xy3_kq9Lr0TnQ2pZ8vW1aBcDeFgHiJkLmNoPqRsTuVw", inPool: true, latest: { waveId: drawn.waveId, selected: false, rank: "f3a9".repeat(16), cutoff: { national: m.result.national.cutoff!.rank, stratum: "4b1c".repeat(16) }, withinCutoff: false } };
    await route.fulfill({ response: real, json: body });
  });
  await submitAccountForm(page, account.email, "Masuk");
  await page.waitForURL("**/status");
  await page.getByTestId("latest-draw").waitFor();
  await page.getByTestId("wave-draw").screenshot({ path: "/tmp/screens/status2.png" });
  console.log("ERRORS", pageErrors);
  await closeBrowser();
});
