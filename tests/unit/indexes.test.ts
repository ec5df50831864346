import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PAYOUT_QUERY_SHAPES } from "../../functions/src/adapters/payouts.js";
import { SEALED_FIELDS } from "../../functions/src/usecases/rotateVaultKeys.js";
import { DASHBOARD_QUERY_SHAPES } from "../../functions/src/adapters/dashboards.js";
import { compositeIndexOf as dashboardIndexOf } from "../../functions/src/domain/dashboard/queries.js";
import { REGISTRANT_QUERY_EXAMPLES, registrantShape } from "../../functions/src/adapters/registrantQueries.js";
import { QUEUE_REGION_EXAMPLES, queueShape } from "../../functions/src/adapters/verificationQueue.js";
import { compositeIndexOf, REPORT_QUERY_SHAPES } from "../../functions/src/adapters/reconciliationQueries.js";
import {
  HISTORY_REQUEST_FIELD,
  LISTED_FILTER_EXAMPLES,
  listedShape,
  UPCOMING_SHAPE,
  type CatalogueShape,
} from "../../functions/src/adapters/catalogueQueries.js";

/**
 * Firestore indexes every field unless told otherwise. Personal data must not sit in an index in
 * clear, and timestamps written by every registration would make an index hotspot at the
 * 1,333 registrations/s peak: firestore.indexes.json exempts them.
 */
const indexFile = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as {
  indexes: Array<{ collectionGroup: string; queryScope: string; fields: Array<{ fieldPath: string; order?: string; arrayConfig?: string }> }>;
  fieldOverrides: Array<{ collectionGroup: string; fieldPath: string; indexes: unknown[] }>;
};
const overrides = indexFile.fieldOverrides;

const unindexed = (collection: string, field: string) =>
  overrides.some((o) => o.collectionGroup === collection && o.fieldPath === field && o.indexes.length === 0);

describe("firestore.indexes.json", () => {
  it.each(["nik", "kk", "fullName", "phone", "birthDate"])("when an applicant's %s is stored, then it is in no index", (field) => {
    expect(unindexed("applicants", field)).toBe(true);
  });

  it.each([
    ["applicants", "registeredAt"],
    ["applicants", "consent.at"],
    ["applicants", "eligibility.checkedAt"],
    ["nikIndex", "at"],
  ])("when every registration writes %s.%s, then it is not indexed (no sequential-index hotspot)", (collection, field) => {
    expect(unindexed(collection, field)).toBe(true);
  });

  it("when a partner's signature is recorded against replays, then a TTL policy on expiresAt deletes it, and expiresAt is not indexed", () => {
    const override = overrides.find((o) => o.collectionGroup === "usedSignatures" && o.fieldPath === "expiresAt") as { ttl?: boolean } | undefined;
    expect(override?.ttl).toBe(true);
    expect(unindexed("usedSignatures", "expiresAt")).toBe(true);
  });

  it.each(["mail", "sms"])(
    "when the %s outbox holds an address, then a TTL policy on expiresAt deletes it and the address and text are in no index",
    (collection) => {
      const override = overrides.find((o) => o.collectionGroup === collection && o.fieldPath === "expiresAt") as { ttl?: boolean } | undefined;
      expect(override?.ttl).toBe(true);
      for (const field of ["expiresAt", "to", "createdAt", collection === "mail" ? "message" : "body"]) expect(unindexed(collection, field), field).toBe(true);
    },
  );

  it.each(SEALED_FIELDS.map((f) => [`${f.collection}.${f.field}`, f] as const))(
    "when the vault's seal %s is stored, then its wrapped key and ciphertext are in no index, and its keyId is indexed exactly when the rotation queries it",
    (_name, { collection, field, indexed }) => {
      const whole = unindexed(collection, field);
      expect(whole || (unindexed(collection, `${field}.wrappedKey`) && unindexed(collection, `${field}.ciphertext`))).toBe(true);
      expect(!whole && !unindexed(collection, `${field}.keyId`)).toBe(indexed);
    },
  );

  it.each(QUEUE_REGION_EXAMPLES.map((region) => [region ?? "everywhere", region]))(
    "when the verification queue is asked for %s, then a composite index serves its equalities and its order (the emulator does not check)",
    (_, region) => {
      const shape = queueShape(region);
      const wanted = [...shape.equalities, shape.orderBy].map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
      const found = indexFile.indexes.filter((index) => index.collectionGroup === "applicants" && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(wanted);
    },
  );

  it.each(["verification.requestedAt", "verification.decision.at"])("when a verification case stores %s, then it has no single-field index", (field) => {
    expect(unindexed("applicants", field)).toBe(true);
  });
});

describe("firestore.indexes.json: the training catalogue's queries", () => {
  /** The composite index a shape needs: its equalities, its array-contains, then its order (a range field is the order). */
  const wanted = (shape: CatalogueShape) => [
    ...shape.equalities.map((fieldPath) => ({ fieldPath, order: "ASCENDING" })),
    ...(shape.contains === null ? [] : [{ fieldPath: shape.contains, arrayConfig: "CONTAINS" }]),
    { fieldPath: shape.orderBy, order: "ASCENDING" },
  ];
  const indexesOf = (collection: string) =>
    indexFile.indexes.filter((index) => index.collectionGroup === collection && index.queryScope === "COLLECTION").map((index) => index.fields);

  it.each(LISTED_FILTER_EXAMPLES.map((filters) => [JSON.stringify(filters), filters]))(
    "when the public catalogue is browsed with %s, then a composite index serves its filters and its title order",
    (_, filters) => {
      expect(indexesOf("trainings")).toContainEqual(wanted(listedShape(filters)));
    },
  );

  it("when a training's upcoming runs are asked for, then a composite index serves the course and the start range and order", () => {
    expect(UPCOMING_SHAPE.range).toBe(UPCOMING_SHAPE.orderBy);
    expect(indexesOf("schedules")).toContainEqual(wanted(UPCOMING_SHAPE));
  });

  it("when an admin's retry is looked up by requestId in a training's history, then that field keeps its automatic single-field index", () => {
    expect(overrides.some((o) => o.collectionGroup === HISTORY_REQUEST_FIELD.collectionGroup && o.fieldPath === HISTORY_REQUEST_FIELD.fieldPath)).toBe(false);
  });
});

describe("firestore.indexes.json: the training queries", () => {
  it("when a partner's calls of the last minute are counted (rate limit), then a composite index serves clientCode == and at >=", () => {
    const found = indexFile.indexes.filter((index) => index.collectionGroup === "partnerCalls").map((index) => index.fields);
    expect(found).toContainEqual([
      { fieldPath: "clientCode", order: "ASCENDING" },
      { fieldPath: "at", order: "ASCENDING" },
    ]);
  });

  it.each([
    ["applicants", "lapseAt"],
    ["applicants", "remindAt"],
    ["freedSeats", "toWave"],
    ["waves", "state"],
    ["vouchers", "uid"],
    ["vouchers", "redeemedAt"],
    ["settlements", "partnerCode"],
    ["settlements", "month"],
  ])("when the deadline job or 'my training' queries %s.%s alone, then its single-field index is not exempted", (collection, field) => {
    expect(overrides.some((o) => o.collectionGroup === collection && o.fieldPath === field)).toBe(false);
  });

  it("when the hourly watch counts a course's redemptions of the week before, then a composite index serves courseCode == and redeemedAt range", () => {
    const found = indexFile.indexes.filter((index) => index.collectionGroup === "vouchers").map((index) => index.fields);
    expect(found).toContainEqual([
      { fieldPath: "courseCode", order: "ASCENDING" },
      { fieldPath: "redeemedAt", order: "ASCENDING" },
    ]);
  });

  it("when a payment token waits for its OTP, then a TTL policy deletes it after expiresAt", () => {
    const override = overrides.find((o) => o.collectionGroup === "paymentTokens" && o.fieldPath === "expiresAt") as { ttl?: boolean } | undefined;
    expect(override?.ttl).toBe(true);
  });
});

describe("firestore.indexes.json: incentive payouts' queries", () => {
  it.each(PAYOUT_QUERY_SHAPES.map((shape) => [`${shape.collection} ${shape.equalities.join("+")} by ${shape.orderBy ?? "-"}`, shape]))(
    "when the payouts adapter queries %s, then a composite index serves it (the emulator does not check)",
    (_, shape) => {
      const wanted = [...shape.equalities, ...(shape.orderBy === null ? [] : [shape.orderBy])].map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
      const found = indexFile.indexes.filter((index) => index.collectionGroup === shape.collection && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(wanted);
    },
  );

  it.each(["accountNumber", "masked"])("when a payout account stores its %s, then it is in no index", (field) => {
    expect(unindexed("payoutAccounts", field)).toBe(true);
  });
});

describe("firestore.indexes.json: the reconciliation report's and clawbacks' queries", () => {
  it.each(REPORT_QUERY_SHAPES.map((shape) => [`${shape.collectionGroup} ${[...shape.equalities, shape.range, shape.sum].filter(Boolean).join(", ")}`, shape]))(
    "when the report or a clawback job queries %s, then an index serves it (a composite one, or the field's own, not exempted)",
    (_, shape) => {
      const composite = compositeIndexOf(shape);
      if (composite === null) {
        expect(overrides.some((o) => o.collectionGroup === shape.collectionGroup && o.fieldPath === shape.range)).toBe(false);
      } else {
        const found = indexFile.indexes.filter((index) => index.collectionGroup === shape.collectionGroup && index.queryScope === "COLLECTION");
        expect(found.map((index) => index.fields)).toContainEqual(composite);
      }
    },
  );

  it("when an installment's ledger is read by installmentId, then that field keeps its single-field index", () => {
    expect(overrides.some((o) => o.collectionGroup === "payoutLedger" && o.fieldPath === "installmentId")).toBe(false);
  });
});

describe("firestore.indexes.json: registrant lists and exports", () => {
  it.each(REGISTRANT_QUERY_EXAMPLES.map((query) => [registrantShape(query).equalities.join("+") || "everything", query]))(
    "when registrants are listed, counted or exported by %s in account order, then an index serves it (a composite one, or the field's own, not exempted)",
    (_, query) => {
      const { equalities } = registrantShape(query);
      if (equalities.length < 2) {
        for (const field of equalities) expect(overrides.some((o) => o.collectionGroup === "applicants" && o.fieldPath === field)).toBe(false);
        return;
      }
      const wanted = equalities.map((fieldPath) => ({ fieldPath, order: "ASCENDING" }));
      const found = indexFile.indexes.filter((index) => index.collectionGroup === "applicants" && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(wanted);
    },
  );
});

describe("firestore.indexes.json: the regional dashboard's aggregation queries", () => {
  it.each(
    DASHBOARD_QUERY_SHAPES.map((shape) => [
      `${shape.collection} ${[...shape.equalities, shape.contains, shape.range, shape.sum].filter(Boolean).join(", ")}`,
      shape,
    ]),
  )("when the rollup counts %s, then an index serves it (a composite one, or the field's own, not exempted)", (_, shape) => {
    const composite = dashboardIndexOf(shape);
    if (composite === null) {
      expect(overrides.some((o) => o.collectionGroup === shape.collection && o.fieldPath === shape.equalities[0])).toBe(false);
    } else {
      const found = indexFile.indexes.filter((index) => index.collectionGroup === shape.collection && index.queryScope === "COLLECTION");
      expect(found.map((index) => index.fields)).toContainEqual(composite);
    }
  });

  it("when registrations per day are counted, then registeredAt is indexed only behind a regency (no sequential hotspot: 1,333/s spread over 514 regencies)", () => {
    const withRegisteredAt = indexFile.indexes.filter(
      (index) => index.collectionGroup === "applicants" && index.fields.some((f) => f.fieldPath === "registeredAt"),
    );
    expect(withRegisteredAt.length).toBeGreaterThan(0);
    for (const index of withRegisteredAt) expect(index.fields[0]?.fieldPath).toBe("regencyCode");
    expect(unindexed("applicants", "registeredAt")).toBe(true);
  });
});
