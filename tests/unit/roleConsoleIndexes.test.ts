import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLE_GRANT_QUERY_SHAPES } from "../../functions/src/adapters/roleGrants.js";

const indexFile = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
  indexes: Array<{ collectionGroup: string; queryScope: string; fields: Array<{ fieldPath: string; order?: string }> }>;
  fieldOverrides: Array<{ collectionGroup: string; fieldPath: string }>;
};

describe("firestore.indexes.json: the role console's queries", () => {
  it.each(ROLE_GRANT_QUERY_SHAPES.map((shape) => [`${shape.equalities.join("+")} by ${shape.orderBy} descending`, shape]))(
    "when the console lists role grants by %s, then a composite index serves it (the emulator does not check)",
    (_, shape) => {
      const wanted = [...shape.equalities.map((fieldPath) => ({ fieldPath, order: "ASCENDING" })), { fieldPath: shape.orderBy, order: "DESCENDING" }];
      const found = indexFile.indexes.filter((index) => index.collectionGroup === shape.collection && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(wanted);
    },
  );

  it("when the console lists every grant newest first, then grantedAt keeps its single-field index", () => {
    expect(indexFile.fieldOverrides.some((o) => o.collectionGroup === "roleGrants" && o.fieldPath === "grantedAt")).toBe(false);
  });
});
