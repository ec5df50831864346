import { memoryPorts, type MemoryOptions, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { QUICKNET_CHAIN } from "../../../functions/src/domain/beaconRound.js";
import type { ExclusionListType } from "../../../functions/src/domain/eligibility.js";
import type { CsvItem } from "../../../functions/src/domain/exclusionCsv.js";
import type { Actor } from "../../../functions/src/domain/roles.js";
import type { ProgramYearDoc } from "../../../functions/src/schemas/documents.js";
import { registerInput, type RegisterInput } from "../../../functions/src/schemas/registration.js";
import type { CreateWaveInput } from "../../../functions/src/schemas/waves.js";
import { createWave } from "../../../functions/src/usecases/createWave.js";
import { importExclusionList } from "../../../functions/src/usecases/importExclusionList.js";

/** What the use-case tests share: the ports in memory with a program year, made-up people, actors. */

/** The memory clock's default start: 2026-03-02, 10:00 in Jakarta. */
export const YEAR = 2026;
export const TODAY = "2026-03-02";

export const rulesOf = (year: number, overrides: Partial<ProgramYearDoc> = {}): ProgramYearDoc => ({
  year,
  trainingBalance: 3_500_000,
  incentive: { amountPerInstallment: 600_000, installments: 4, surveyAmount: 50_000, surveys: 3 },
  firstPurchaseDays: 30,
  familyLimit: 2,
  socialAidExcludes: true,
  repaymentDays: 60,
  ...overrides,
});

/** The ports in memory, with this year's rules stored (unless `rules: null`). */
export function setup(options: MemoryOptions & { rules?: Partial<ProgramYearDoc> | null } = {}): MemoryPorts {
  const memory = memoryPorts(options);
  if (options.rules !== null) memory.programYears.set(rulesOf(YEAR, options.rules));
  return memory;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export interface PersonOptions {
  districtCode?: string;
  birthDate?: string;
  sex?: "male" | "female";
  kk?: string;
  occupation?: RegisterInput["occupation"];
  inFormalEducation?: boolean;
  receivesSocialAid?: boolean;
}

/** Person `n` (1–9999): a valid NIK (serial n), their own KK unless given, phone +62812000000nn. */
export function person(n: number, options: PersonOptions = {}): RegisterInput {
  const districtCode = options.districtCode ?? "317101";
  const sex = options.sex ?? "male";
  const birthDate = options.birthDate ?? "1990-05-17";
  const [year, month, day] = birthDate.split("-") as [string, string, string];
  const nikDay = sex === "female" ? Number(day) + 40 : Number(day);
  return registerInput.parse({
    nik: `${districtCode}${pad(nikDay)}${month}${year.slice(2)}${pad(n, 4)}`,
    kk: options.kk ?? `${districtCode}${pad(n, 10)}`,
    fullName: "Siti Nurhaliza",
    birthDate,
    sex,
    phone: `0812${pad(n, 8)}`,
    provinceCode: districtCode.slice(0, 2),
    regencyCode: districtCode.slice(0, 4),
    districtCode,
    inFormalEducation: options.inFormalEducation ?? false,
    occupation: options.occupation ?? "laid-off",
    receivesSocialAid: options.receivesSocialAid ?? false,
    consent: true,
  });
}

export const admin: Actor = { uid: "admin-1", claims: { role: "admin" } };
export const auditor: Actor = { uid: "auditor-1", claims: { role: "auditor" } };
export const operatorOf = (region: string, uid = `operator-${region}`): Actor => ({ uid, claims: { role: "operator", region } });
export const applicantActor = (uid: string): Actor => ({ uid, claims: { role: "applicant" } });

/** What `run` wrote (document paths, in order), with its result. */
export async function writesOf<T>(memory: MemoryPorts, run: () => Promise<T>): Promise<{ result: T; writes: string[] }> {
  const before = memory.writes.length;
  const result = await run();
  return { result, writes: memory.writes.slice(before) };
}

/** The draw's beacon as configured (createWave's BeaconPlan): quicknet's chain, served by a test source. */
export const BEACON = { source: "https://beacon.test/chain", ...QUICKNET_CHAIN, marginSeconds: 3600 };

/** createWave's input: wave 1 of 2026, open from yesterday for a week (by the default clock). */
export const waveInput = (overrides: Partial<CreateWaveInput> = {}): CreateWaveInput => ({
  number: 1,
  programYear: YEAR,
  opensAt: "2026-03-01T00:00:00+07:00",
  closesAt: "2026-03-09T00:00:00+07:00",
  quota: 2,
  strata: { kind: "none" },
  ...overrides,
});

/** A wave created by an admin through the use case; its ID. */
export async function createdWave(memory: MemoryPorts, overrides: Partial<CreateWaveInput> = {}): Promise<string> {
  const created = await createWave(memory, BEACON, admin, waveInput(overrides));
  if (!created.ok) throw new Error(`createWave: ${created.reason}`);
  return created.value.waveId;
}

/** A CSV file's items as the parser streams them: each on a later turn. */
export async function* csvItems(items: readonly CsvItem[]): AsyncGenerator<CsvItem> {
  for (const item of items) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}

/** An admin imports a new version of list `type` holding exactly these NIKs. */
export async function listNiks(memory: MemoryPorts, type: ExclusionListType, niks: readonly string[]): Promise<void> {
  const imported = await importExclusionList(memory, admin, type, csvItems(niks.map((nik, i) => ({ kind: "entry", line: i + 1, nik }))), () => {});
  if (!imported.ok) throw new Error(`importExclusionList: ${imported.reason}`);
}
