import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
import { drawManifest, drawPlan, poolPage, type DrawPlanDoc } from "../../functions/src/schemas/draw.js";
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
const strata = { kind: "shares" as const, basisPoints: { "31": 3000, "94": 1500 } };
const beacon = { source: "https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971", round: 1234567 };
/** What the wave committed to when it opened, as `plan.json` serves it. */
const plan: DrawPlanDoc = {
  waveId: "2026-w1",
  opensAt: "2026-12-01T00:00:00.000Z",
  closesAt: "2026-12-14T17:00:00.000Z",
  quota: 60,
  familyLimit: 2,
  strata,
  seedCommitment: seedCommitment(seed),
  beacon,
};

let root: string;
let publication: Publication;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "draw-verify-"));
  const built = await buildPublication({
    waveId: "2026-w1",
    pool,
    rules: { quota: plan.quota, familyLimit: plan.familyLimit, strata },
    seed,
    seedCommitment: plan.seedCommitment,
    beacon: { ...beacon, value: "cd".repeat(32) },
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
  const files = new Map<string, unknown>([
    ["manifest.json", structuredClone(publication.manifest)],
    ["plan.json", structuredClone(plan)],
  ]);
  for (const p of [...publication.poolPages, ...publication.winnersPages]) files.set(p.href, structuredClone(p.page));
  edit(files);
  const dir = path.join(root, name);
  for (const [href, body] of files) {
    if (body === undefined) continue;
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
    expect(drawPlan.safeParse(JSON.parse(readFileSync(path.join(path.dirname(at), "plan.json"), "utf8"))).success).toBe(true);
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
      /^MISMATCH: seed: SHA-256 of the revealed seed is [0-9a-f]{64}, but the commitment published at opening is [0-9a-f]{64}$/,
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
      "a province's count is edited",
      (files) => {
        json<{ byProvince: Record<string, { pool: number }> }>(files, "manifest.json").byProvince["31"].pool += 1;
      },
      /^MISMATCH: byProvince\.31\.pool: published 76, recomputed 75$/,
    ],
    [
      "a winner is moved from one province to another in the statistics, the sums kept",
      (files) => {
        const byProvince = json<{ byProvince: Record<string, { winners: number }> }>(files, "manifest.json").byProvince;
        byProvince["11"].winners -= 1;
        byProvince["32"].winners += 1;
      },
      /^MISMATCH: byProvince\.11\.winners: published \d+, recomputed \d+$/,
    ],
    [
      "a winner is swapped for someone else and the digest is left stale",
      (files) => {
        const page = json<{ pids: string[] }>(files, "winners/000001.json");
        page.pids[3] = pool[299].pid === page.pids[3] ? pool[298].pid : pool[299].pid;
      },
      /^MISMATCH: winners\[23\]: published "[\w-]+", recomputed "[\w-]+" \(and winners\.digest is not the digest of the published list either\)$/,
    ],
    [
      "the winners are right and only their digest is wrong",
      (files) => {
        json<{ winners: { digest: string } }>(files, "manifest.json").winners.digest = "00".repeat(32);
      },
      /^MISMATCH: winners\.digest: published 0{64}, recomputed [0-9a-f]{64} \(the winners themselves are right\)$/,
    ],
    [
      "a winners page says another page size",
      (files) => {
        json<{ pageSize: number }>(files, "winners/000001.json").pageSize = 30;
      },
      /^MISMATCH: winners page 1 \(winners\/000001\.json\) does not match its manifest entry: pageSize: published 30, expected \d+$/,
    ],
    [
      "a pool page names another wave",
      (files) => {
        json<{ waveId: string }>(files, "pool/000003.json").waveId = "2026-99";
      },
      /^MISMATCH: pool page 3 \(pool\/000003\.json\) does not match its manifest entry: waveId: published 2026-99, expected [\w-]+$/,
    ],
    [
      "the manifest's quota is not the plan's",
      (files) => {
        json<{ quota: number }>(files, "manifest.json").quota = 61;
      },
      /^MISMATCH: the manifest moved from the plan published at opening \(.*plan\.json\): plan\.quota: at opening 60, in the manifest 61$/,
    ],
    [
      "the beacon round was changed after opening (in the manifest, everything else recomputed)",
      (files) => {
        json<{ beacon: { round: number } }>(files, "manifest.json").beacon.round += 1;
      },
      /^MISMATCH: the manifest moved from the plan published at opening .*: plan\.beacon\.round: at opening 1234567, in the manifest 1234568$/,
    ],
    [
      "the plan's strata are not the manifest's",
      (files) => {
        json<DrawPlanDoc>(files, "plan.json").strata = { kind: "shares", basisPoints: { "31": 3000, "94": 1000 } };
      },
      /^MISMATCH: the manifest moved from the plan published at opening .*: plan\.strata\.basisPoints\.94: at opening 1000, in the manifest 1500$/,
    ],
    [
      "the plan's seed commitment is not the manifest's",
      (files) => {
        json<DrawPlanDoc>(files, "plan.json").seedCommitment = "ef".repeat(32);
      },
      /^MISMATCH: the manifest moved from the plan published at opening .*: plan\.seedCommitment: at opening "(ef){32}", in the manifest "[0-9a-f]{64}"$/,
    ],
    [
      "the manifest's winners count is not the winners listed",
      (files) => {
        json<{ winners: { count: number } }>(files, "manifest.json").winners.count += 1;
      },
      /^MISMATCH: the manifest is malformed at winners\.count: winners\.count is not the number of winners listed \(inline, or the winners pages' counts added up\) \(winners-do-not-add-up\)$/,
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

describe("verify-draw's inputs and exit codes", () => {
  it("when a web page is given for the manifest, then nothing is compared: it fails saying it got a web page and where the manifest is", async () => {
    const at = bundle("html", () => {});
    writeFileSync(at, '<!doctype html>\n<html lang="id"><head><title>Transparansi</title>');
    await expect(verifyDraw(at)).rejects.toThrow(
      /is not JSON \(it starts with "<!doctype html> <html lang="id"><head><t"\)\. It is a web page, not a published document\. Give the manifest itself: …\/draws\/<waveId>\/manifest\.json/,
    );
  });

  it("when the manifest's file is missing, or a page is not JSON, then nothing is compared: each says which file and why", async () => {
    await expect(verifyDraw(path.join(path.dirname(bundle("missing")), "nothing-here.json"))).rejects.toThrow(
      /nothing-here\.json could not be read: there is no such file$/,
    );
    const at = bundle("page-not-json", () => {});
    writeFileSync(path.join(path.dirname(at), "pool", "000001.json"), "oops");
    await expect(verifyDraw(at)).rejects.toThrow(/000001\.json is not JSON \(it starts with "oops"\)\. It is named by the manifest/);
  });

  it("when plan.json is not next to the manifest, then nothing is compared: it fails as unreadable, not as a mismatch", async () => {
    const at = bundle("no-plan", (files) => files.set("plan.json", undefined));
    await expect(verifyDraw(at)).rejects.toThrow(/plan\.json/);
  });

  it("when --plan names an archived copy of the plan, then that copy is the one compared", async () => {
    const at = bundle("archived-plan", (files) => files.set("plan.json", undefined));
    const archived = path.join(root, "archived-plan.json");
    writeFileSync(archived, JSON.stringify(plan));
    expect((await verifyDraw(at, { plan: archived })).lines.at(-1)).toMatch(/^MATCH/);
    writeFileSync(archived, JSON.stringify({ ...plan, familyLimit: 3 }));
    expect((await verifyDraw(at, { plan: archived })).lines.at(-1)).toMatch(/plan\.familyLimit: at opening 3, in the manifest 2$/);
  });

  it("when run as a command, then MATCH exits 0, MISMATCH 1, an unreadable input or an unknown option 2", async () => {
    const command = (...args: string[]) =>
      promisify(execFile)(process.execPath, [path.join(process.cwd(), "node_modules", ".bin", "tsx"), "scripts/verify-draw.ts", ...args]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const match = await command(bundle("command-intact"));
    expect(match.code).toBe(0);
    expect(match.stdout).toMatch(/^MATCH/m);
    const mismatch = await command(bundle("command-quota", (files) => (json<{ quota: number }>(files, "manifest.json").quota = 61)));
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toMatch(/^MISMATCH: the manifest moved/m);
    expect((await command(bundle("command-no-plan", (files) => files.set("plan.json", undefined)))).code).toBe(2);
    expect((await command(bundle("command-option"), "--no-such-option")).code).toBe(2);
  }, 60_000);
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
