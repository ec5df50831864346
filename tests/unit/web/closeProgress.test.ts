import { describe, expect, it } from "vitest";
import { enCloseProgress } from "../../../hosting/src/i18n/en.closeProgress.js";
import { idCloseProgress } from "../../../hosting/src/i18n/id.closeProgress.js";
import { translator } from "../../../hosting/src/i18n/index.js";
import "../../../hosting/src/i18n/closeProgress.js";
import { redriveDone, redriveRefused } from "../../../hosting/src/pages/admin/redriveAnswer.js";

/** A wave's close in the console: what a re-drive's answer says, in both languages. */

/** An error as the callable SDK throws it for a refusal (edge/callable.ts puts the details beside the reason). */
const refusal = (code: string, details: Record<string, unknown>) => Object.assign(new Error("refused"), { code: `functions/${code}`, details });

describe("the re-drive's answer", () => {
  it("when the partition is not stalled, then the answer says its state in words, since when and when it would stall, in Jakarta time", () => {
    const error = refusal("failed-precondition", {
      reason: "partition-not-stalled",
      partition: 2,
      state: "running",
      since: "2026-03-16T02:57:00.000Z",
      stallsAt: "2026-03-16T03:02:00.000Z",
      fields: [],
    });
    const id = redriveRefused(error, "id", translator("id"));
    expect(id).toMatchObject({ ok: false, reason: "partition-not-stalled" });
    expect(id.text).toContain("Bagian 02");
    expect(id.text).toContain("berjalan");
    expect(id.text).toContain("09.57");
    expect(id.text).toContain("10.02");
    const en = redriveRefused(error, "en", translator("en"));
    expect(en.text).toMatch(/Partition 02 .* running since .*09:57.*10:02/);
  });

  it("when the wave has no close, then the shared text names the wave", () => {
    const error = refusal("not-found", { reason: "close-not-found", waveId: "2026-9", fields: [] });
    expect(redriveRefused(error, "en", translator("en")).text).toBe("Wave 2026-9 has not started closing: there is no partition to re-drive.");
  });

  it("when the callable answers, then the answer names the partition and the attempt, or says the request was carried out before", () => {
    expect(redriveDone({ waveId: "2026-1", partition: 7, attempt: 2, redriven: true }, translator("id")).text).toBe(
      "Bagian 07 dijalankan ulang: percobaan ke-2 sudah diantrekan.",
    );
    expect(redriveDone({ waveId: "2026-1", partition: 7, attempt: 2, redriven: false }, translator("en")).text).toBe(
      "This request was carried out before: partition 07, attempt 2.",
    );
  });

  it("when the texts are listed, then both languages have the same keys and no text is empty", () => {
    expect(Object.keys(enCloseProgress).sort()).toEqual(Object.keys(idCloseProgress).sort());
    for (const text of [...Object.values(idCloseProgress), ...Object.values(enCloseProgress)]) expect(text.trim()).not.toBe("");
  });
});
