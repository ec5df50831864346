import type { CollectionReference, DocumentReference, Firestore } from "firebase-admin/firestore";
import { z } from "zod";
import { describeFinding, scanValue, type Finding, type NameMatcher } from "./match.js";

/**
 * The privacy scan's two walks over every document of a Firestore emulator project, at any depth
 * (scripts/privacyScan.ts runs the first and falls back to the second).
 */

/** Documents read per getAll round trip, and subcollection listings in flight at once. */
const PAGE = 300;
const CONCURRENT_LISTINGS = 32;

/**
 * A Firestore value as the REST API writes it (`{ stringValue }`, `{ mapValue: { fields } }`…), as
 * the Admin SDK would give it for what the scan reads: strings, numbers, maps, arrays; timestamps,
 * references and bytes as null.
 */
function plainOf(value: unknown): unknown {
  if (value === null || typeof value !== "object") return null;
  if ("stringValue" in value && typeof value.stringValue === "string") return value.stringValue;
  if ("integerValue" in value && typeof value.integerValue === "string") return Number(value.integerValue);
  if ("doubleValue" in value && typeof value.doubleValue === "number") return value.doubleValue;
  if ("mapValue" in value) return fieldsOf(value.mapValue);
  if ("arrayValue" in value) {
    const inner = value.arrayValue;
    return inner !== null && typeof inner === "object" && "values" in inner && Array.isArray(inner.values) ? inner.values.map(plainOf) : [];
  }
  return null;
}

/** A REST map (`{ fields: { name: value } }`) as a plain object. */
function fieldsOf(map: unknown): Record<string, unknown> {
  if (map === null || typeof map !== "object" || !("fields" in map) || map.fields === null || typeof map.fields !== "object") return {};
  return Object.fromEntries(Object.entries(map.fields).map(([key, inner]) => [key, plainOf(inner)]));
}

const restRows = z.array(z.object({ document: z.object({ name: z.string(), fields: z.unknown().optional() }).optional() }));

export const QUERY_PAGE = 20_000;

/**
 * Every document of `project` at any depth, through the emulator's REST API: one kindless query
 * over all descendants of the root (the query Firestore's recursive delete runs), ordered by
 * document name, 20,000 a page — no listing per document. Pages are large because each page costs
 * the emulator more the further its cursor is: at 1,000 a page, the 122,162 documents `npm test`
 * leaves took 382 s. Null when the emulator refuses the query: the caller then walks with listings.
 */
export async function scanFirestoreByQuery(host: string, project: string, names: NameMatcher): Promise<{ documents: number; findings: Finding[] } | null> {
  const root = `projects/${project}/databases/(default)/documents`;
  const findings: Finding[] = [];
  let documents = 0;
  let after: string | null = null;
  for (;;) {
    const structuredQuery = {
      from: [{ allDescendants: true }],
      orderBy: [{ field: { fieldPath: "__name__" }, direction: "ASCENDING" }],
      limit: QUERY_PAGE,
      ...(after === null ? {} : { startAt: { values: [{ referenceValue: after }], before: false } }),
    };
    const response = await fetch(`http://${host}/v1/${root}:runQuery`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer owner" },
      body: JSON.stringify({ structuredQuery }),
    });
    if (!response.ok) return null;
    const rows = restRows.parse(await response.json());
    const page = rows.flatMap((row) => (row.document === undefined ? [] : [row.document]));
    for (const document of page) {
      const path = document.name.slice(root.length + 1);
      const segments = path.split("/");
      documents += 1;
      // Every collection ID and document ID on the way down; a parent that does not exist is named here too.
      segments.forEach((segment, index) =>
        findings.push(...scanValue(segment, names, segments.slice(0, index + 1).join("/"), index % 2 === 0 ? "(collection id)" : "(id)")),
      );
      findings.push(...scanValue(fieldsOf({ fields: document.fields }), names, path));
    }
    const last = page.at(-1);
    if (last === undefined || page.length < QUERY_PAGE) break;
    after = last.name;
  }
  return { documents, findings: unique(findings) };
}

/** One finding per place, field and masked value (a parent's ID is met once per document under it). */
function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = describeFinding(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Scans every document under `db`'s root collections with the Admin SDK's listings, depth first (one subcollection listing per document). */
export async function scanFirestore(db: Firestore, names: NameMatcher): Promise<{ documents: number; findings: Finding[] }> {
  const findings: Finding[] = [];
  let documents = 0;
  const pending: CollectionReference[] = await db.listCollections();
  while (pending.length > 0) {
    const collection = pending.pop();
    if (collection === undefined) break;
    findings.push(...scanValue(collection.id, names, collection.path, "(collection id)"));
    const refs = await collection.listDocuments();
    for (let start = 0; start < refs.length; start += PAGE) {
      const page = refs.slice(start, start + PAGE);
      const snapshots = await db.getAll(...page);
      for (const snapshot of snapshots) {
        findings.push(...scanValue(snapshot.id, names, snapshot.ref.path, "(id)"));
        const data = snapshot.data();
        if (data !== undefined) {
          documents += 1;
          findings.push(...scanValue(data, names, snapshot.ref.path));
        }
      }
      pending.push(...(await subcollectionsOf(page)));
    }
  }
  return { documents, findings };
}

async function subcollectionsOf(refs: DocumentReference[]): Promise<CollectionReference[]> {
  const found: CollectionReference[] = [];
  for (let start = 0; start < refs.length; start += CONCURRENT_LISTINGS) {
    const listed = await Promise.all(refs.slice(start, start + CONCURRENT_LISTINGS).map((ref) => ref.listCollections()));
    found.push(...listed.flat());
  }
  return found;
}
