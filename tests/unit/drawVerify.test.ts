import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildPublication,
  pageMembershipProof,
  positionOf,
  seedCommitment,
  verifyMembership,
  type Candidate,
  type Publication,
} from "../../functions/src/domain/draw/index.js";
import { drawManifest, poolPage } from "../../functions/src/schemas/draw.js";
import { verifyDraw } from "../../scripts/verify-draw.js";

/** A published wave as files on disk, verified as an auditor would, then tampered with. */
const token = (s: string) => createHash("sha256").update(s).digest("base64url");
const PROVINCES = ["11", "31", "32", "94"];
const pool: Candidate[] = Array.from({ length: 300 }, (_, i) => ({
  pid: token(`pid-${i}`),
  stratum: PROVINCES[i % 4],
  family: token(`family-${Math.floor(i / 3)}`),
  familyRecipientsBefore: Math.floor(i / 3) % 7 === 0 ? 1 : 0,
  ...(i % 50 === 0 ? { priority: true } : {}),
}));
const seed = "ab".repeat(32);

let root: string;
let publication: Publication;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "draw-verify-"));
  const built = await buildPublication({
    waveId: "2026-w1",
    pool,
    rules: { quota: 60, familyLimit: 2, strata: { kind: "shares", basisPoints: { "31": 3000, "94": 1500 } } },
    seed,
    seedCommitment: seedCommitment(seed),
    beacon: { source: "https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971", round: 1234567, value: "cd".repeat(32) },
    createdAt: "2026-12-16T09:00:00+07:00",
    excludedByReason: { "civil-servant": 12, "under-age": 3 },
    provinceOf: (e) => e.stratum!,
    pageSize: 64,
    inlineWinners: 20,
  });
  if (!built.ok) throw new Error(built.reason);
  publication = built.value;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Edit = (files: Map<string, unknown>) => void;

/** Writes the bundle (after `edit`) to its own folder and returns the manifest's path. */
function bundle(name: string, edit: Edit = () => {}): string {
  const files = new Map<string, unknown>([["manifest.json", structuredClone(publication.manifest)]]);
  for (const p of [...publication.poolPages, ...publication.winnersPages]) files.set(p.href, structuredClone(p.page));
  edit(files);
  const dir = path.join(root, name);
  for (const [href, body] of files) {
    mkdirSync(path.dirname(path.join(dir, href)), { recursive: true });
    writeFileSync(path.join(dir, href), JSON.stringify(body));
  }
  return path.join(dir, "manifest.json");
}

const json = <T>(files: Map<string, unknown>, href: string) => files.get(href) as T;

describe("verify-draw on a published bundle", () => {
  it("when nothing was changed, then it says MATCH, by the streaming draw and by the reference walk", async () => {
    const at = bundle("intact");
    expect(drawManifest.safeParse(JSON.parse(readFileSync(at, "utf8"))).success).toBe(true);
    for (const reference of [false, true]) {
      const verdict = await verifyDraw(at, { reference });
      expect(verdict.lines.at(-1)).toMatch(/^MATCH/);
      expect(verdict.match).toBe(true);
    }
  });

  const cases: Array<[string, Edit, RegExp]> = [
    [
      "a winner is swapped for someone else (digest updated too)",
      (files) => {
        const page = json<{ pids: string[] }>(files, "winners/000001.json");
        page.pids[3] = pool[299].pid === page.pids[3] ? pool[298].pid : pool[299].pid;
        const m = json<{ winners: { digest: string } }>(files, "manifest.json");
        const all = ["winners/000000.json", "winners/000001.json", "winners/000002.json"].flatMap((h) => json<{ pids: string[] }>(files, h).pids);
        m.winners.digest = createHash("sha256")
          .update(all.map((p) => `${p}\n`).join(""))
          .digest("hex");
      },
      /^MISMATCH: winners\[23\]: published/,
    ],
    [
      "the revealed seed is not the committed one",
      (files) => {
        json<{ seed: string }>(files, "manifest.json").seed = "ac".repeat(32);
      },
      /^MISMATCH: seed: seed-does-not-match-commitment/,
    ],
    [
      "a family key on a pool page was changed after the commitment",
      (files) => {
        json<{ entries: Candidate[] }>(files, "pool/000002.json").entries[5].family = token("another-family");
      },
      /^MISMATCH: pool page 2: root published/,
    ],
    [
      "someone was removed from the pool",
      (files) => {
        const page = json<{ entries: Candidate[] }>(files, "pool/000004.json");
        page.entries.pop();
        const m = json<{ poolSize: number; pool: { pages: Array<{ count: number }> } }>(files, "manifest.json");
        m.poolSize -= 1;
        m.pool.pages[4].count -= 1;
      },
      /^MISMATCH: pool page 4: root published/,
    ],
    [
      "a cut-off was edited",
      (files) => {
        json<{ result: { national: { selected: number } } }>(files, "manifest.json").result.national.selected += 1;
      },
      /^MISMATCH: result\.national\.selected: published/,
    ],
    [
      "the statistics do not add up",
      (files) => {
        json<{ byProvince: Record<string, { pool: number }> }>(files, "manifest.json").byProvince["31"].pool += 1;
      },
      /^MISMATCH: byProvince does not add up/,
    ],
    [
      "the manifest lacks its seed",
      (files) => {
        delete json<{ seed?: string }>(files, "manifest.json").seed;
      },
      /^MISMATCH: the manifest is malformed at seed/,
    ],
  ];

  for (const [what, edit, verdictLine] of cases) {
    it(`when ${what}, then it says MISMATCH with the first difference`, async () => {
      const verdict = await verifyDraw(bundle(what.replace(/\W+/g, "-"), edit));
      expect(verdict.match).toBe(false);
      expect(verdict.lines.at(-1)).toMatch(verdictLine);
    });
  }
});

describe("one applicant, with the manifest and their own pool page", () => {
  it("when they check, then their line is in the pool, and winners find themselves within the cut-off", () => {
    const m = publication.manifest;
    const pageRoots = m.pool.pages.map((p) => p.root);
    const winners = new Set(m.winners.pages ? publication.winnersPages.flatMap((p) => p.page.pids) : m.winners.pids);
    for (const { page } of publication.poolPages) {
      const parsed = poolPage.parse(JSON.parse(JSON.stringify(page)));
      for (const entry of parsed.entries) {
        const proof = pageMembershipProof(parsed.entries, parsed.page, parsed.pageSize, pageRoots, m.poolSize, entry.pid)!;
        expect(verifyMembership(entry.pid, proof, m.poolRoot)).toBe(true);
        if (winners.has(entry.pid)) expect(positionOf(entry, m.drawKey!, m.result).withinCutoff).toBe(true);
      }
    }
  });
});
