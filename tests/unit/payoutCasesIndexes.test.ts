import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAYOUT_CASE_QUERY_SHAPES } from "../../functions/src/adapters/payoutCases.js";

const indexFile = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
  indexes: Array<{ collectionGroup: string; queryScope: string; fields: Array<{ fieldPath: string; order?: string }> }>;
  fieldOverrides: Array<{ collectionGroup: string; fieldPath: string }>;
};

describe("firestore.indexes.json: participants' reports on their payouts", () => {
  it.each(PAYOUT_CASE_QUERY_SHAPES.map((shape) => [`${shape.equalities.join("+")} by ${shape.orderBy ?? "-"}`, shape]))(
    "when the payout cases adapter queries %s, then a composite index serves it (the emulator does not check)",
    (_, shape) => {
      const wanted = [...shape.equalities, ...(shape.orderBy === null ? [] : [shape.orderBy])].map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
      const found = indexFile.indexes.filter((index) => index.collectionGroup === shape.collection && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(wanted);
    },
  );

  it("when a participant's own reports are read by uid, then that field keeps its single-field index", () => {
    expect(indexFile.fieldOverrides.some((o) => o.collectionGroup === "payoutCases" && o.fieldPath === "uid")).toBe(false);
  });
});
