import { describe, expect, it } from "vitest";
import { memoryPorts } from "../../../functions/src/adapters/memory/index.js";
import { describePortContract } from "../../support/portContract.js";

/** The memory adapters keep the ports' contract (tests/support/portContract.ts) and the documents' schemas. */

describePortContract("memory adapters", () => {
  const memory = memoryPorts();
  const { paymentPartners: partnerStates, families } = memory.state;
  return {
    ...memory,
    unlistFamily: (kkKey) => {
      const { members: _members, ...card } = families.get(kkKey)!;
      return Promise.resolve(void families.set(kkKey, card));
    },
    seedPartnerState: (code, doc) =>
      Promise.resolve(void (doc === null ? partnerStates.delete(code) : partnerStates.set(code, partnerStates.validate(code, doc)))),
  };
});

describe("memory adapters: documents", () => {
  it("when a document its schema refuses is written, then the write throws and nothing is stored", async () => {
    const memory = memoryPorts();
    await expect(
      memory.waves.create("w1", { number: 0, programYear: 2026, state: "open", opensAt: new Date(), closesAt: new Date(), quota: 1 }, "ab".repeat(32)),
    ).rejects.toThrow();
    await expect(
      memory.waves.create("w2", { number: 1, programYear: 2026, state: "open", opensAt: new Date(), closesAt: new Date(), quota: 1 }, "not-hex"),
    ).rejects.toThrow();
    expect([memory.state.waves.size, memory.state.waveSecrets.size, memory.writes.length]).toEqual([0, 0, 0]);
  });

  it("when a document holds undefined, then it is refused as Firestore refuses it", async () => {
    const memory = memoryPorts();
    memory.accounts.add("u1", { email: "a@example.id" });
    const grant = { targetUid: "u1", role: "operator" as const, region: undefined, grantedBy: "admin", via: "callable" as const, grantedAt: new Date() };
    await expect(memory.roleGrants.recordOnce("r1", grant)).rejects.toThrow(/undefined/);
  });

  it("when a document is read, then the reader gets a copy that cannot change what is stored", async () => {
    const memory = memoryPorts();
    await memory.waves.create("w1", { number: 1, programYear: 2026, state: "open", opensAt: new Date(0), closesAt: new Date(1), quota: 1 }, "ab".repeat(32));
    const read = await memory.waves.get("w1");
    read!.state = "drawn";
    expect(memory.state.waves.get("w1")?.state).toBe("open");
  });

  it("when the clock is set or advanced, then now() follows, and seeds and pseudonyms are the same on every run", () => {
    const [a, b] = [memoryPorts({ now: "2026-05-01T00:00:00Z" }), memoryPorts()];
    a.clock.advance(1000);
    expect(a.clock.now().toISOString()).toBe("2026-05-01T00:00:01.000Z");
    b.clock.set("2027-01-01T00:00:00Z");
    expect(b.clock.now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect([a.seeds.newSeed(), a.seeds.newSeed()]).toEqual([b.seeds.newSeed(), b.seeds.newSeed()]);
    expect(a.pseudonyms.nik("3171011705900001")).toBe(b.pseudonyms.nik("3171011705900001"));
    expect(memoryPorts({ seeds: ["cd".repeat(32)] }).seeds.newSeed()).toBe("cd".repeat(32));
  });

  it("when a beacon round is published, then its value is out; before, it is null; it never changes", async () => {
    const { beacon } = memoryPorts();
    expect(await beacon.value({ source: "https://beacon.test", round: 7 })).toBeNull();
    const value = beacon.publish("https://beacon.test", 7);
    expect(await beacon.value({ source: "https://beacon.test", round: 7 })).toBe(value);
    expect(() => beacon.publish("https://beacon.test", 7, "00".repeat(32))).toThrow();
  });

  it("when a token is issued, then it verifies until the account is disabled or its tokens revoked", async () => {
    const { accounts, idTokens } = memoryPorts();
    accounts.add("u1", { email: "u1@example.id", claims: { role: "operator", region: "31" } });
    accounts.add("u2");
    const [t1, t2] = [idTokens.issue("u1"), idTokens.issue("u2")];
    expect(await idTokens.verify(t1)).toMatchObject({ uid: "u1", token: { role: "operator", region: "31" } });
    expect(await idTokens.verify("forged")).toBeNull();
    accounts.revokeTokens("u1");
    accounts.disable("u2");
    expect([await idTokens.verify(t1), await idTokens.verify(t2)]).toEqual([null, null]);
    expect(await idTokens.verify(idTokens.issue("u1"))).toMatchObject({ uid: "u1" });
  });
});
