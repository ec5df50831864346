import { randomUUID } from "node:crypto";
import type { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { fireSchedule } from "../../scripts/stack/scheduler.js";
import { adminDb } from "../support/admin.js";
import { deleteWaves } from "../support/waves.js";

/**
 * The advanceWaves schedule fired through the functions emulator, as the dev scheduler does. Ticks
 * are in 2020 so that they close no wave another test file opened for now. Its waves are never
 * drawn: they are deleted at the end, so none is left scheduled or open for the one-pool rule.
 */

const DAY = 86_400_000;
const made: string[] = [];
afterAll(() => deleteWaves(made));

async function createWave(opensAt: Date, closesAt: Date, state: "scheduled" | "open") {
  const id = `test-${randomUUID()}`;
  await adminDb.doc(`waves/${id}`).set({ number: 7, programYear: 2026, state, opensAt, closesAt, quota: 100 });
  made.push(id);
  return id;
}

const stateOf = async (id: string) => (await adminDb.doc(`waves/${id}`).get()).get("state") as string;
const eventsOf = async (id: string) => (await adminDb.collection(`waves/${id}/events`).get()).docs.map((d) => d.id).sort();

describe("advanceWaves", () => {
  it("when its tick passes a wave's opening and another's closing, then each moves forward once, with an event", async () => {
    const tick = new Date("2020-06-01T03:00:00Z");
    const opening = await createWave(new Date(tick.getTime() - 1000), new Date(tick.getTime() + 14 * DAY), "scheduled");
    const closing = await createWave(new Date(tick.getTime() - 14 * DAY), tick, "open");
    const future = await createWave(new Date(tick.getTime() + DAY), new Date(tick.getTime() + 15 * DAY), "scheduled");

    await fireSchedule("advanceWaves", tick);

    expect([await stateOf(opening), await stateOf(closing), await stateOf(future)]).toEqual(["open", "closed", "scheduled"]);
    expect(await eventsOf(opening)).toEqual(["open"]);
    expect(await eventsOf(closing)).toEqual(["closed"]);
    const event = (await adminDb.doc(`waves/${closing}/events/closed`).get()).get("scheduledFor") as Timestamp | undefined;
    expect(event?.toDate()).toEqual(tick);
  });

  it("when a tick is repeated or comes late and out of order, then no wave moves backwards and events are not duplicated", async () => {
    const tick = new Date("2020-06-02T03:00:00Z");
    const wave = await createWave(new Date(tick.getTime() - DAY), new Date(tick.getTime() - 1), "open");

    await Promise.all([fireSchedule("advanceWaves", tick), fireSchedule("advanceWaves", tick)]);
    await fireSchedule("advanceWaves", new Date(tick.getTime() - 2 * DAY));

    expect(await stateOf(wave)).toBe("closed");
    expect(await eventsOf(wave)).toEqual(["closed"]);
  });
});
