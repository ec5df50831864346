import { describe, expect, it } from "vitest";
import { memoryPorts, type MemoryPorts } from "../../../functions/src/adapters/memory/index.js";
import type { ClosePartitionDoc, WaveCloseDoc } from "../../../functions/src/schemas/waveClose.js";
import { redriveClosePartition } from "../../../functions/src/usecases/redriveClosePartition.js";
import { admin, auditor, createdWave, operatorOf, setup, writesOf } from "./fixtures.js";

/** Re-driving a stalled partition of a wave's close, through the memory adapters. */

const WAVE = "2026-1";
const NOW = "2026-03-16T03:00:00.000Z";
const request = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000);

const CLOSE: WaveCloseDoc = {
  waveId: WAVE,
  stage: "partitioning",
  partitions: 4,
  partitionsDone: 1,
  processed: 1200,
  eligible: 1150,
  excluded: 50,
  winnersApplied: 0,
  winners: 0,
  startedAt: minutesBefore(30),
  // Its last progress: partition 0 finished.
  updatedAt: minutesBefore(20),
};

const partition = (index: number, fields: Partial<ClosePartitionDoc>): ClosePartitionDoc => ({
  index,
  from: String.fromCharCode(65 + index),
  to: index === 3 ? null : String.fromCharCode(66 + index),
  state: "pending",
  attempt: 1,
  leaseUntil: null,
  enqueuedAt: minutesBefore(30),
  startedAt: null,
  finishedAt: null,
  processed: 0,
  eligible: 0,
  excluded: 0,
  ...fields,
});

/** Partition 0 done, 1 running with a lapsed lease (stalled), 2 running within its lease, 3 pending for 30 minutes (stalled). */
function closing(): MemoryPorts {
  const memory = memoryPorts({ now: NOW });
  memory.state.waveCloses.set(WAVE, CLOSE);
  const parts = [
    partition(0, { state: "done", startedAt: minutesBefore(29), finishedAt: minutesBefore(20), processed: 1200, eligible: 1150, excluded: 50 }),
    partition(1, { state: "running", startedAt: minutesBefore(29), leaseUntil: minutesBefore(5), processed: 700 }),
    partition(2, { state: "running", startedAt: minutesBefore(3), leaseUntil: minutesBefore(-2), processed: 300 }),
    partition(3, {}),
  ];
  for (const p of parts) memory.state.closePartitions.set(`${WAVE}/0${p.index}`, p);
  return memory;
}

const redrive = (memory: MemoryPorts, index: number, n = 1, actor = admin) =>
  redriveClosePartition(memory, actor, { waveId: WAVE, partition: index, requestId: request(n) });

describe("redriveClosePartition", () => {
  it("when a running partition's lease lapsed, then its attempt goes up by one, it is pending again with no lease, its task is enqueued under the attempt's key, and the act is audited", async () => {
    const memory = closing();
    const { result, writes } = await writesOf(memory, () => redrive(memory, 1));
    expect(result).toEqual({ ok: true, value: { waveId: WAVE, partition: 1, attempt: 2, redriven: true } });
    expect(writes).toEqual([`waveCloses/${WAVE}/partitions/01`, `waveCloses/${WAVE}/redrives/${request(1)}`]);
    expect(memory.state.closePartitions.get(`${WAVE}/01`)).toMatchObject({
      state: "pending",
      attempt: 2,
      leaseUntil: null,
      startedAt: null,
      enqueuedAt: new Date(NOW),
    });
    expect(memory.state.closeRedrives.get(`${WAVE}/${request(1)}`)).toEqual({
      partition: 1,
      attempt: 2,
      found: "running",
      since: minutesBefore(29),
      by: admin.uid,
      at: new Date(NOW),
    });
    expect(memory.tasks.enqueued).toEqual([{ name: "closeWavePartition", payload: { waveId: WAVE, partition: 1, attempt: 2 }, key: `close-${WAVE}-1-2` }]);
    expect(memory.audit.records).toEqual([
      expect.objectContaining({ act: "redrive-close-partition", actor: admin.uid, role: "admin", target: `${WAVE}/01`, key: `${request(1)}:${WAVE}` }),
    ]);
  });

  it("when a partition has waited unstarted longer than the pending limit, then it is re-driven too", async () => {
    const memory = closing();
    expect(await redrive(memory, 3)).toEqual({ ok: true, value: { waveId: WAVE, partition: 3, attempt: 2, redriven: true } });
    expect(memory.state.closeRedrives.get(`${WAVE}/${request(1)}`)).toMatchObject({ found: "pending", since: minutesBefore(30) });
  });

  it("when partitions wait their turn while others keep finishing, then a long wait is not a stall: it counts from the close's last progress", async () => {
    const memory = closing();
    memory.state.waveCloses.set(WAVE, { ...CLOSE, updatedAt: minutesBefore(2) });
    expect(await redrive(memory, 3)).toEqual({
      ok: false,
      reason: "partition-not-stalled",
      details: { partition: 3, state: "pending", since: minutesBefore(30).toISOString(), stallsAt: minutesBefore(-8).toISOString() },
    });
    expect(memory.tasks.enqueued).toEqual([]);
  });

  it("when the same request is sent again (its answer was lost), then the attempt is raised once, the same task key is enqueued once, and the answer says it was not re-driven again", async () => {
    const memory = closing();
    await redrive(memory, 1);
    memory.clock.advance(60_000);
    const { result, writes } = await writesOf(memory, () => redrive(memory, 1));
    expect(result).toEqual({ ok: true, value: { waveId: WAVE, partition: 1, attempt: 2, redriven: false } });
    expect(writes).toEqual([]);
    expect(memory.state.closePartitions.get(`${WAVE}/01`)?.attempt).toBe(2);
    expect(memory.tasks.enqueued).toHaveLength(1);
    expect(memory.audit.records).toHaveLength(1);
  });

  it("when a request ID that re-drove one partition is sent for another, then it is refused and nothing moves", async () => {
    const memory = closing();
    await redrive(memory, 1);
    const { result, writes } = await writesOf(memory, () => redrive(memory, 3));
    expect(result).toMatchObject({ ok: false, reason: "request-id-reused" });
    expect(writes).toEqual([]);
    expect(memory.state.closePartitions.get(`${WAVE}/03`)?.attempt).toBe(1);
  });

  it("when two admins re-drive the same stalled partition at once, then one raises the attempt and the other is told it is no longer stalled", async () => {
    const memory = closing();
    const [first, second] = await Promise.all([redrive(memory, 1, 1), redrive(memory, 1, 2)]);
    const outcomes = [first, second].map((o) => (o.ok ? "redriven" : o.reason)).sort();
    expect(outcomes).toEqual(["partition-not-stalled", "redriven"]);
    expect(memory.state.closePartitions.get(`${WAVE}/01`)?.attempt).toBe(2);
    expect(memory.tasks.enqueued).toHaveLength(1);
  });

  it("when the partition is running within its lease, then it is refused with its state, since when, and when it would count as stalled", async () => {
    const memory = closing();
    const { result, writes } = await writesOf(memory, () => redrive(memory, 2));
    expect(result).toEqual({
      ok: false,
      reason: "partition-not-stalled",
      details: { partition: 2, state: "running", since: minutesBefore(3).toISOString(), stallsAt: minutesBefore(-2).toISOString() },
    });
    expect(writes).toEqual([]);
    expect(memory.tasks.enqueued).toEqual([]);
    expect(memory.audit.records).toEqual([]);
  });

  it("when a pending partition was enqueued a minute ago, then it is refused, saying it counts as stalled ten minutes after its enqueueing", async () => {
    const memory = closing();
    memory.state.closePartitions.set(`${WAVE}/03`, partition(3, { enqueuedAt: minutesBefore(1) }));
    expect(await redrive(memory, 3)).toEqual({
      ok: false,
      reason: "partition-not-stalled",
      details: { partition: 3, state: "pending", since: minutesBefore(1).toISOString(), stallsAt: minutesBefore(-9).toISOString() },
    });
  });

  it("when the partition is done, then it is refused with when it finished", async () => {
    const memory = closing();
    expect(await redrive(memory, 0)).toEqual({ ok: false, reason: "partition-done", details: { partition: 0, finishedAt: minutesBefore(20).toISOString() } });
  });

  it("when the partition does not exist, then it is refused with the highest index there is", async () => {
    const memory = closing();
    expect(await redrive(memory, 9)).toEqual({ ok: false, reason: "partition-not-found", details: { partition: 9, last: 3 } });
  });

  it("when the wave exists but has not started closing, then it is refused as a close not found, naming the wave", async () => {
    const memory = setup({ now: NOW });
    const waveId = await createdWave(memory, { opensAt: "2026-03-20T00:00:00+07:00", closesAt: "2026-03-27T00:00:00+07:00" });
    expect(await redriveClosePartition(memory, admin, { waveId, partition: 1, requestId: request(1) })).toEqual({
      ok: false,
      reason: "close-not-found",
      details: { waveId },
    });
  });

  it("when no wave has the ID, then it is refused as a wave not found, not as a close not started", async () => {
    const memory = memoryPorts({ now: NOW });
    expect(await redrive(memory, 1)).toEqual({ ok: false, reason: "wave-not-found", details: { waveId: WAVE } });
  });

  it.each([
    ["an auditor", auditor],
    ["an operator", operatorOf("31")],
  ])("when %s asks, then it is refused before anything is read or written", async (_who, actor) => {
    const memory = closing();
    const { result, writes } = await writesOf(memory, () => redrive(memory, 1, 1, actor));
    expect(result).toEqual({ ok: false, reason: "not-admin" });
    expect(writes).toEqual([]);
    expect(memory.tasks.enqueued).toEqual([]);
  });
});
