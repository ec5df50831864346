import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ApplicantDoc } from "../../functions/src/schemas/applicant.js";
import type { WaveDoc } from "../../functions/src/schemas/documents.js";
import type { Ports, RegistrationRequest, RegistrationWrite } from "../../functions/src/usecases/ports.js";
import { describePayoutContract, type PayoutContractPorts } from "./payoutContract.js";
import { sealedPerson } from "./vault.js";

/**
 * What every implementation of these ports must do, whatever it stores in: one NIK, one
 * registration, written all or nothing; a wave only moves forward; a lease has one holder at a
 * time until it is released or lapses. The unit suite runs it on the memory adapters, the
 * integration suite on the Firestore ones, so the two cannot drift apart.
 */
export type ContractPorts = Pick<Ports, "registrations" | "waves" | "leases" | "pool" | "draws"> &
  PayoutContractPorts & {
    /** Stores the family card without its `members` list, as a card with more registrants than it lists is kept. */
    unlistFamily: (kkKey: string) => Promise<void>;
  };

const at = new Date("2026-03-02T03:00:00Z");

/**
 * Sends a write again when the Firestore emulator dropped its transaction under contention with
 * "Transaction is invalid or closed" (INVALID_ARGUMENT, which the SDK does not retry): the
 * emulator's lock timeout, not production's behaviour (firebase/firebase-tools#4473, #6758). A
 * client whose call failed sends it again, as this does; the outcome asserted is unchanged.
 */
async function againIfEmulatorDropped<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Error && error.message.includes("Transaction is invalid or closed")) return write();
    throw error;
  }
}
const day = "2026-03-02";
const seconds = (s: number) => new Date(at.getTime() + s * 1000);

function applicantOf(nikKey: string, kkKey: string): ApplicantDoc {
  return {
    ...sealedPerson({ nik: "3171011705900001", kk: "3171010000000001", fullName: "Siti Nurhaliza", birthDate: "1990-05-17", phone: "+6281200000001" }),
    nikKey,
    kkKey,
    sex: "male",
    provinceCode: "31",
    regencyCode: "3171",
    districtCode: "317101",
    inFormalEducation: false,
    occupation: "laid-off",
    receivesSocialAid: false,
    consent: { at, version: "2026-1", by: "self" },
    registeredAt: at,
    registeredBy: "self",
    requestId: "contract",
    status: "registered",
    eligibility: { eligible: true, reasons: [], checkedAt: at, listVersions: {} },
    programYear: 2026,
  };
}

/** Registers when the NIK and the account are free; otherwise a counted refusal. */
const whenFree =
  (nikKey: string, kkKey: string) =>
  ({ nikOwner, existing }: { nikOwner: string | null; existing: ApplicantDoc | null }): RegistrationWrite =>
    nikOwner === null && existing === null
      ? { write: true, applicant: applicantOf(nikKey, kkKey), event: { kind: "registered", at } }
      : { write: false, countAttempt: true };

const wave = (state: WaveDoc["state"]): WaveDoc => ({ number: 1, programYear: 2026, state, opensAt: seconds(-3600), closesAt: seconds(3600), quota: 10 });
const SEED = "ab".repeat(32);

/**
 * Every document ID the contract uses starts with `run`, unique per run: the Firestore
 * implementation runs against a database other tests share, and cleans up by that prefix.
 */
export function describePortContract(name: string, make: () => ContractPorts, run: string = randomUUID().slice(0, 8)): void {
  let count = 0;
  const id = (label: string) => `${run}-${label}-${(count += 1)}`;
  const request = (uid: string, nikKey: string, kkKey: string, assisted = false, caller = uid): RegistrationRequest => ({
    uid,
    nikKey,
    kkKey,
    caller,
    day,
    assisted,
  });

  describe(`${name}: registrations`, () => {
    it("when two accounts register one NIK at the same moment, then exactly one is written and the other sees its owner", async () => {
      const { registrations } = make();
      const [nikKey, kkKey, a, b] = [id("nik"), id("kk"), id("uid"), id("uid")];
      const states = await Promise.all(
        [a, b].map((uid) => againIfEmulatorDropped(() => registrations.register(request(uid, nikKey, kkKey), whenFree(nikKey, kkKey)))),
      );
      const winner = states[0].nikOwner === null ? a : b;
      const loser = winner === a ? b : a;
      expect(states.map((s) => s.nikOwner).sort()).toEqual([null, winner].sort());
      expect(await registrations.applicant(winner)).toMatchObject({ nikKey, kkKey });
      expect(await registrations.applicant(loser)).toBeNull();
      expect(await registrations.timeline(winner)).toEqual([{ kind: "registered", at }]);
      expect(await registrations.family(kkKey)).toEqual({ registrants: 1, recipients: 0, members: [winner] });
      const next = await registrations.register(request(loser, id("nik"), kkKey), () => ({ write: false, countAttempt: false }));
      expect(next.attemptsToday).toBe(1);
    });

    it("when a registration is assisted, then it counts on the operator's day; an uncounted refusal writes nothing", async () => {
      const { registrations } = make();
      const [operator, kkKey, nikKey] = [id("operator"), id("kk"), id("nik")];
      const first = await registrations.register(request(id("uid"), nikKey, kkKey, true, operator), whenFree(nikKey, kkKey));
      expect(first.assistedToday).toBe(0);
      const second = await registrations.register(request(id("uid"), id("nik"), kkKey, true, operator), () => ({ write: false, countAttempt: false }));
      expect(second).toMatchObject({ assistedToday: 1, attemptsToday: 0, nikOwner: null, existing: null, family: { registrants: 1, recipients: 0 } });
      const third = await registrations.register(request(id("uid"), id("nik"), kkKey, true, operator), () => ({ write: false, countAttempt: false }));
      expect(third).toMatchObject({ assistedToday: 1, attemptsToday: 0, family: { registrants: 1 } });
    });

    it("when a decision writes over a NIK already claimed, then the transaction fails and writes nothing", async () => {
      const { registrations } = make();
      const [nikKey, kkKey, a, b] = [id("nik"), id("kk"), id("uid"), id("uid")];
      await registrations.register(request(a, nikKey, kkKey), whenFree(nikKey, kkKey));
      const blind = () => ({ write: true as const, applicant: applicantOf(nikKey, kkKey), event: { kind: "registered" as const, at } });
      await expect(registrations.register(request(b, nikKey, kkKey), blind)).rejects.toThrow();
      expect(await registrations.applicant(b)).toBeNull();
      expect(await registrations.family(kkKey)).toEqual({ registrants: 1, recipients: 0, members: [a] });
    });
  });

  describe(`${name}: a family's winners`, () => {
    const terms = { trainingBalance: 3_500_000, purchaseDeadline: seconds(30 * 86_400), remindAt: null };
    /** Four registrations on one card, each joined to the pool. */
    async function family(ports: ContractPorts) {
      const [kkKey, waveId] = [id("kk"), id("wave")];
      const members = [id("uid"), id("uid"), id("uid"), id("uid")];
      for (const uid of members) {
        const nikKey = id("nik");
        await ports.registrations.register(request(uid, nikKey, kkKey), whenFree(nikKey, kkKey));
        await ports.pool.join(uid, { pid: id("pid"), familyPid: `family-${kkKey}`, waveId }, { kind: "joined-pool", at, waveId });
      }
      const pids = await Promise.all(members.map(async (uid) => (await ports.registrations.applicant(uid))!.pid!));
      return { kkKey, waveId, members, pids };
    }

    for (const listed of [true, false])
      it(`when two of a family ${listed ? "listed on its card" : "whose card does not list them"} are drawn at a limit of two, then the card counts them and the other two leave the pool once, with the reason`, async () => {
        const ports = make();
        const { kkKey, waveId, members, pids } = await family(ports);
        expect((await ports.registrations.family(kkKey)).members).toEqual(members);
        if (!listed) await ports.unlistFamily(kkKey);
        expect(await ports.draws.applyWinners(waveId, [pids[1]], terms, at, 2)).toBe(1);
        expect(await ports.draws.applyWinners(waveId, [pids[2], pids[1]], terms, at, 2)).toBe(1);
        expect(await ports.registrations.family(kkKey)).toEqual({ registrants: 4, recipients: 2, ...(listed ? { members } : {}) });
        const after = await Promise.all(members.map((uid) => ports.registrations.applicant(uid)));
        expect(after.map((a) => [a?.status, a?.inPool, a?.familyRecipients])).toEqual([
          ["registered", false, 2],
          ["participant", false, 2],
          ["participant", false, 2],
          ["registered", false, 2],
        ]);
        for (const [i, uid] of members.entries()) {
          const left = (await ports.registrations.timeline(uid)).filter((event) => event.kind === "left-pool-family-limit");
          expect(left.length).toBe(i === 0 || i === 3 ? 1 : 0);
        }
      });
  });

  describe(`${name}: winners past one transaction's writes`, () => {
    const terms = { trainingBalance: 3_500_000, purchaseDeadline: seconds(30 * 86_400), remindAt: null };

    it("when one winner from each of three families of 90 is drawn at once at a limit of one (546 writes, past Firestore's 500 a transaction), then every card counts its winner and every other member leaves the pool once, with the reason", async () => {
      const ports = make();
      const waveId = id("wave");
      const families = await Promise.all(
        [0, 1, 2].map(async () => {
          const kkKey = id("kk");
          const members = Array.from({ length: 90 }, () => id("uid"));
          for (const uid of members) {
            const nikKey = id("nik");
            await ports.registrations.register(request(uid, nikKey, kkKey), whenFree(nikKey, kkKey));
            await ports.pool.join(uid, { pid: id("pid"), familyPid: `family-${kkKey}`, waveId }, { kind: "joined-pool", at, waveId });
          }
          return { kkKey, members };
        }),
      );
      const winners = await Promise.all(families.map(async ({ members }) => (await ports.registrations.applicant(members[0]))!.pid!));
      // Per family: the winner and its event (2), the card (1), 90 members' counts and 89 family-limit events.
      expect(await ports.draws.applyWinners(waveId, winners, terms, at, 1)).toBe(3);
      // Again, as a duplicate delivery: nobody is applied twice.
      expect(await ports.draws.applyWinners(waveId, winners, terms, at, 1)).toBe(0);
      for (const { kkKey, members } of families) {
        expect(await ports.registrations.family(kkKey)).toEqual({ registrants: 90, recipients: 1, members });
        const after = await Promise.all(members.map((uid) => ports.registrations.applicant(uid)));
        expect(after.map((a) => [a?.status, a?.inPool, a?.familyRecipients])).toEqual(
          members.map((_, i) => (i === 0 ? ["participant", false, 1] : ["registered", false, 1])),
        );
        const left = await Promise.all(
          members.map(async (uid) => (await ports.registrations.timeline(uid)).filter((e) => e.kind === "left-pool-family-limit").length),
        );
        expect(left).toEqual(members.map((_, i) => (i === 0 ? 0 : 1)));
      }
    }, 120_000);
  });

  describe(`${name}: waves`, () => {
    it("when a wave is advanced, then it only ever moves forward, whatever the order of the runs", async () => {
      const { waves } = make();
      const waveId = id("wave");
      expect(await waves.create(waveId, wave("open"), SEED)).toBe(true);
      expect(await waves.create(waveId, wave("scheduled"), SEED)).toBe(false);
      expect(await waves.advance(waveId, "closed", { state: "closed", at, scheduledFor: at })).toBe("closed");
      expect(await waves.advance(waveId, "open", { state: "open", at, scheduledFor: at })).toBe("closed");
      expect((await waves.drawing()).includes(waveId)).toBe(true);
      expect((await waves.unfinished()).some((w) => w.id === waveId)).toBe(false);
      const reached = await Promise.all([
        waves.advance(waveId, "frozen", { state: "frozen", at, scheduledFor: at }),
        waves.advance(waveId, "closed", { state: "closed", at, scheduledFor: at }),
      ]);
      expect(reached[0]).toBe("frozen");
      expect((await waves.get(waveId))?.state).toBe("frozen");
    });
  });

  describe(`${name}: leases`, () => {
    it("when a lease is held, then nobody else takes it until it is released by its holder or lapses", async () => {
      const { leases } = make();
      const lease = id("lease");
      expect(await leases.take(lease, "a", at, seconds(60))).toBe(true);
      expect(await leases.take(lease, "b", seconds(30), seconds(90))).toBe(false);
      expect(await leases.take(lease, "a", seconds(30), seconds(90))).toBe(true);
      await leases.release(lease, "b");
      expect(await leases.take(lease, "c", seconds(60), seconds(120))).toBe(false);
      expect(await leases.take(lease, "b", seconds(90), seconds(150))).toBe(true);
      await leases.release(lease, "b");
      expect(await leases.take(lease, "c", seconds(91), seconds(151))).toBe(true);
    });

    it("when several runs take one lease at the same moment, then exactly one gets it", async () => {
      const { leases } = make();
      const lease = id("lease");
      const taken = await Promise.all(["a", "b", "c", "d"].map((holder) => leases.take(lease, holder, at, seconds(60))));
      expect(taken.filter(Boolean)).toHaveLength(1);
    });
  });

  describePayoutContract(name, make, id);
}
