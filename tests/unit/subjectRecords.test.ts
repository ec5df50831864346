import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SUBJECT_RECORD_QUERY_SHAPES } from "../../functions/src/adapters/subjectRecords.js";

/** The right of access's query (adapters/subjectRecords.ts) needs no composite index, only a field index left in place. */

const indexFile = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
  fieldOverrides: Array<{ collectionGroup: string; fieldPath: string; indexes: Array<{ queryScope?: string; order?: string }> }>;
};

describe("SUBJECT_RECORD_QUERY_SHAPES", () => {
  it.each(SUBJECT_RECORD_QUERY_SHAPES.map((shape) => [shape.collection, shape.equalities.join(", "), shape]))(
    "when %s is queried by %s alone, then the field's own ascending index is not exempted",
    (_, __, shape) => {
      for (const field of shape.equalities) {
        const override = indexFile.fieldOverrides.find((o) => o.collectionGroup === shape.collection && o.fieldPath === field);
        if (override !== undefined)
          expect(override.indexes.some((index) => (index.queryScope ?? "COLLECTION") === "COLLECTION" && index.order === "ASCENDING")).toBe(true);
      }
      expect(shape.orderBy).toBeNull();
    },
  );
});
