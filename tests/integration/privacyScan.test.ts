import { randomBytes } from "node:crypto";
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { maskNik } from "../../functions/src/domain/privacy.js";
import { FIXTURE_NAMES, PERSON_NAMES } from "../../scripts/fixtures/names.js";
import { nameMatcher } from "../../scripts/privacy/match.js";
import { scanFirestore, scanFirestoreByQuery } from "../../scripts/privacy/firestore.js";

/**
 * The privacy scan's two walks over the real emulator (scripts/privacyScan.ts: the kindless query,
 * and the listings it falls back to): in a project
 * of its own, it finds what is planted at any depth — a subcollection of a document that does not
 * exist, an array inside a map, a document ID — and nothing else. The project is emptied afterwards,
 * so the scan `npm test` runs after the suites finds none of it.
 */

const PROJECT = "demo-privacy-scan";
const db = getFirestore(initializeApp({ projectId: PROJECT }, PROJECT));
const NIK = "3171015203900001";

afterAll(async () => {
  for (const collection of await db.listCollections()) await db.recursiveDelete(collection);
});

describe("scanFirestore", () => {
  it("when personal data is planted deep in the database, then each is found with its path and field, masked; hashes and seals are not", async () => {
    const run = randomBytes(4).toString("hex");
    await db.doc(`people/${run}`).set({ keyed: randomBytes(32).toString("hex"), sealed: randomBytes(60).toString("base64"), masked: maskNik(NIK) });
    // A subcollection under a document that was never written (listDocuments shows it anyway).
    await db.doc(`people/ghost-${run}/notes/n1`).set({ meta: { lines: ["ok", `Halo ${PERSON_NAMES.demoParticipant}`] } });
    await db.doc(`people/${run}/deeper/d1/deepest/${NIK}`).set({ at: new Date(), phone: "+6281234567890" });

    const names = nameMatcher(FIXTURE_NAMES);
    const listed = await scanFirestore(db, names);
    // The fast walk npm test uses (one kindless query over every descendant) finds exactly the same.
    const queried = await scanFirestoreByQuery(process.env.FIRESTORE_EMULATOR_HOST ?? "", PROJECT, names);
    expect(queried).not.toBeNull();
    const rows = (found: typeof listed.findings) => found.map((f) => [f.where, f.field, f.kind, f.masked]).sort();
    expect(queried?.documents).toBe(listed.documents);
    expect(rows(queried?.findings ?? [])).toEqual(rows(listed.findings));

    const { findings, documents } = listed;
    expect(documents).toBe(3);
    expect(findings.map((f) => [f.where, f.field, f.kind, f.masked]).sort()).toEqual(
      [
        [`people/ghost-${run}/notes/n1`, "meta.lines[1]", "name", "Dewi L******"],
        [`people/${run}/deeper/d1/deepest/${NIK}`, "(id)", "nik", maskNik(NIK)],
        [`people/${run}/deeper/d1/deepest/${NIK}`, "phone", "phone", "+62812****7890"],
      ].sort(),
    );
  });
});
