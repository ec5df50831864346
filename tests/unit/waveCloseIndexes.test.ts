import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLOSE_MEMBERS_SHAPE } from "../../functions/src/adapters/waveCloses.js";

/** The close's one query shape (adapters/waveCloses.ts members) has its composite index in firestore.indexes.json. */
const indexFile = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
  indexes: Array<{ collectionGroup: string; queryScope: string; fields: Array<{ fieldPath: string; order?: string }> }>;
};

describe("the partitioned close's query", () => {
  it("when a partition reads its applicants in the pool by pid range in pid order, then a composite index serves inPool ==, status == and pid", () => {
    const wanted = [...CLOSE_MEMBERS_SHAPE.equalities, CLOSE_MEMBERS_SHAPE.orderBy];
    const found = indexFile.indexes.filter(
      (index) =>
        index.collectionGroup === CLOSE_MEMBERS_SHAPE.collection &&
        index.queryScope === "COLLECTION" &&
        index.fields.map((f) => f.fieldPath).join(",") === wanted.join(",") &&
        index.fields.every((f) => f.order === "ASCENDING"),
    );
    expect(found).toHaveLength(1);
  });
});
