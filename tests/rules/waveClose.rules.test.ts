import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { collection, doc, getDocs, orderBy, query, setDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { describeAccess, useRulesEnvironment } from "../support/rules.js";

/**
 * A wave's close as it runs (`waveCloses/{waveId}`), its partitions and its re-drives: the program
 * office and auditors read them (the console's progress view); nobody writes them from a client.
 */
const CLOSE = "waveCloses/2026-1";
const PARTITION = `${CLOSE}/partitions/07`;
const REDRIVE = `${CLOSE}/redrives/6a1d7b9f-2c3e-4f50-9bac-1d2e3f4a5b6c`;

const rules = useRulesEnvironment("demo-prakerja-rules-wave-close", async (store) => {
  await setDoc(doc(store, CLOSE), { waveId: "2026-1", stage: "partitioning", partitions: 64, partitionsDone: 3 });
  await setDoc(doc(store, PARTITION), { index: 7, state: "running", attempt: 1 });
  await setDoc(doc(store, `${CLOSE}/partitions/08`), { index: 8, state: "done", attempt: 1 });
  await setDoc(doc(store, REDRIVE), { partition: 7, attempt: 2, by: "admin-uid" });
});

describeAccess(rules, [
  { path: CLOSE, readers: ["admin", "auditor"] },
  { path: PARTITION, readers: ["admin", "auditor"] },
  { path: REDRIVE, readers: ["admin", "auditor"] },
]);

describe("the console's live queries", () => {
  it("when an admin or an auditor lists a close's partitions in order, then it is allowed", async () => {
    await assertSucceeds(getDocs(query(collection(rules.db("admin"), `${CLOSE}/partitions`), orderBy("index"))));
    await assertSucceeds(getDocs(query(collection(rules.db("auditor"), `${CLOSE}/partitions`), orderBy("index"))));
  });

  it("when an operator or an applicant lists a close's partitions, or every close, then it is denied", async () => {
    await assertFails(getDocs(collection(rules.db("operator"), `${CLOSE}/partitions`)));
    await assertFails(getDocs(collection(rules.db("applicant"), `${CLOSE}/partitions`)));
    await assertFails(getDocs(collection(rules.db("operator"), "waveCloses")));
  });
});
