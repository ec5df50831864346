import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS } from "../../scripts/stack/config.js";
import { adminDb } from "../support/admin.js";
import { ensureProgramYear, person } from "../support/people.js";
import { nikKey } from "../support/secrets.js";
import { accountWith, call } from "../support/stack.js";
import { calendarDateIn } from "../../functions/src/domain/calendar.js";
import { invitationKey, invitationText, PRIORITY_RULE } from "../../functions/src/domain/priority.js";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import type { PriorityImportDoc } from "../../functions/src/schemas/priority.js";

/**
 * A priority list end to end on the emulators: importPriorityList over real HTTP marks the person
 * already registered, seals the numbers, and its invitation pass (a real task queue) texts each
 * person on the list who has not registered, once; someone registering later is marked by
 * registration. Each run uses its own list ID, so counts asserted here are this run's. A wave
 * declares the list and its share of seats (drawn first among its people), and its plan says so
 * in words.
 */

beforeAll(ensureProgramYear);

const createdWaves: string[] = [];

afterAll(async () => {
  // The wave opens in 2193 and only this file looks at it; removed so no other test's wave clashes with it.
  for (const id of createdWaves) await Promise.all([adminDb.doc(`waves/${id}`).delete(), adminDb.doc(`waveSecrets/${id}`).delete()]);
});

const IMPORT_URL = `${URLS.functions}/importPriorityList`;

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function importList(listId: string, csv: string, idToken: string): Promise<{ status: number; done?: Record<string, unknown> }> {
  const query = new URLSearchParams({ listId, name: "Korban PHK uji", description: "Pekerja terkena PHK (uji)", source: "BPJS Ketenagakerjaan (uji)" });
  const response = await fetch(`${IMPORT_URL}?${query.toString()}`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${idToken}` },
    body: csv,
  });
  const lines = (await response.text())
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as { done?: Record<string, unknown> });
  return { status: response.status, done: lines.find((line) => line.done !== undefined)?.done };
}

describe("importPriorityList, registration and the invitation pass", () => {
  it("when a list is imported, then the registered person is marked, the others with a number are texted once, and the counts are on the list", async () => {
    const listId = `uji-${randomInt(1_000_000, 9_999_999)}`;
    const [registered, invitee, noPhone, later] = [person(), person(), person(), person()];
    const applicant = await accountWith(null, "applicant");
    expect((await call("register", registered, applicant.idToken)).result).toMatchObject({ created: true });
    const admin = await accountWith({ role: "admin" }, "admin");
    const csv = [
      "NIK;Nama;No HP",
      `${registered.nik};A;081270000001`,
      `${invitee.nik};B;081270000002`,
      `${noPhone.nik};C;`,
      `${later.nik};D;081270000004`,
    ].join("\n");

    const imported = await importList(listId, csv, admin.idToken);
    expect(imported.status).toBe(200);
    expect(imported.done).toMatchObject({ listId, version: 1, entries: 4, withPhone: 3, registered: 1, current: true });
    const marked = (await adminDb.doc(`applicants/${applicant.uid}`).get()).data() as ApplicantDoc;
    expect(marked.priorityLists).toEqual({ [listId]: [1] });
    // Keyed NIKs only, and the number sealed: nothing in clear on the entry.
    const entry = (await adminDb.doc(`priorityEntries/${nikKey(invitee.nik)}`).get()).data();
    expect(JSON.stringify(entry)).not.toContain("70000002");
    expect(entry?.phone).toMatchObject({ keyId: expect.any(String) });

    const invitation = await eventually("the invitation's sms document", async () =>
      (await adminDb.doc(`sms/${invitationKey(listId, nikKey(invitee.nik))}`).get()).data(),
    );
    expect(invitation).toMatchObject({ kind: "priority-invitation", uid: "", body: invitationText(), toMasked: "+62812****0002" });
    const counted = await eventually("the list's counts after the pass", async () => {
      const list = (await adminDb.doc(`priorityLists/${listId}`).get()).data();
      return list?.invited === 2 ? list : undefined;
    });
    expect(counted).toMatchObject({ currentVersion: 1, entries: 4, registered: 1, invited: 2 });
    expect((await adminDb.doc(`sms/${invitationKey(listId, nikKey(registered.nik))}`).get()).exists).toBe(false);

    // Someone on the list registering after the import is marked by registration itself.
    const second = await accountWith(null, "applicant");
    expect((await call("register", later, second.idToken)).result).toMatchObject({ created: true });
    expect(((await adminDb.doc(`applicants/${second.uid}`).get()).data() as ApplicantDoc).priorityLists).toEqual({ [listId]: [1] });

    // A second version keeps who was invited: nobody is texted twice.
    expect((await importList(listId, csv, admin.idToken)).done).toMatchObject({ version: 2, registered: 2 });
    await eventually("the second pass's end", async () => {
      const record = (await adminDb.doc(`priorityImports/${listId}-v2`).get()).data() as PriorityImportDoc | undefined;
      return record?.invitation?.done === true ? record : undefined;
    });
    expect((await adminDb.doc(`priorityLists/${listId}`).get()).data()).toMatchObject({ currentVersion: 2, registered: 2, invited: 2 });
  });

  it("when someone other than a program admin imports a list, then it is refused with 403", async () => {
    const operator = await accountWith({ role: "operator", region: "31" }, "operator");
    expect((await importList(`uji-${randomInt(1_000_000, 9_999_999)}`, `NIK\n${person().nik}\n`, operator.idToken)).status).toBe(403);
  });
});

describe("a wave declaring a priority list", () => {
  it("when a wave names an imported list with its share, then the plan records the list, the share, its seats and, in words, what the share does; a missing share is refused at its field", async () => {
    const listId = `uji-${randomInt(1_000_000, 9_999_999)}`;
    const admin = await accountWith({ role: "admin" }, "admin");
    expect((await importList(listId, `NIK\n${person().nik}\n`, admin.idToken)).done).toMatchObject({ listId, version: 1, current: true });
    const year = calendarDateIn(new Date()).year;
    const number = randomInt(100_000, 999_999);
    const wave = (priority: Record<string, unknown>) => ({
      number,
      programYear: year,
      opensAt: "2193-01-01T08:00:00+07:00",
      closesAt: "2193-01-08T20:00:00+07:00",
      quota: 1000,
      priority,
    });

    // A client sending no share (or 0) is told the field and why, in both languages; nothing is planned or written.
    for (const name of ["planWave", "createWave"])
      for (const [priority, found] of [
        [{ listId }, "is empty"],
        [{ listId, basisPoints: 0 }, "is 0 or less"],
      ] as const) {
        const refused = await call(name, wave(priority), admin.idToken);
        expect(refused.status).toBe(400);
        expect(refused.error).toMatchObject({
          status: "INVALID_ARGUMENT",
          details: {
            fields: [
              expect.objectContaining({
                field: "priority.basisPoints",
                message: {
                  id: expect.stringContaining("Bagian kursi daftar prioritas"),
                  en: expect.stringContaining(`priority list's share of seats ${found}`),
                },
              }),
            ],
          },
        });
      }
    expect((await adminDb.doc(`waves/${year}-${number}`).get()).exists).toBe(false);

    const declared = { listId, version: 1, name: "Korban PHK uji", basisPoints: 1500, rule: PRIORITY_RULE };
    const planned = await call("planWave", wave({ listId, basisPoints: 1500 }), admin.idToken);
    // 15 % of 1,000 seats drawn first among the list; the other 850 national.
    expect(planned.result).toMatchObject({ waveId: `${year}-${number}`, priority: { ...declared, seats: 150 }, nationalSeats: 850 });
    const created = await call("createWave", wave({ listId, basisPoints: 1500 }), admin.idToken);
    createdWaves.push(`${year}-${number}`);
    expect(created.result).toMatchObject({ draw: { priority: declared } });
    expect((await adminDb.doc(`waves/${year}-${number}`).get()).get("draw.priority")).toEqual(declared);
  });
});
