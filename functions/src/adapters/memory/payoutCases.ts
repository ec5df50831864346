import type { PayoutCases, StoredPayoutCase } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

const byTime = (field: (entry: StoredPayoutCase) => Date) => (a: StoredPayoutCase, b: StoredPayoutCase) => field(a).getTime() - field(b).getTime();

/** Participants' reports and quarantine resolutions in memory: adapters/payoutCases.ts's queries and transactions. */
export function memoryPayoutCases(memory: Memory): PayoutCases {
  const { payoutCases, paymentQuarantine } = memory.state;
  const all = (): StoredPayoutCase[] => payoutCases.under("").map(([id, doc]) => ({ id, doc }));
  return {
    async open(id, doc) {
      await roundTrip();
      // From here to the commit nothing awaits, as in a transaction.
      const same = payoutCases.read(id);
      if (same !== undefined) return { kind: "existing", id, doc: same };
      const open = all().find((entry) => entry.doc.uid === doc.uid && entry.doc.installmentId === doc.installmentId && entry.doc.status === "open");
      if (open !== undefined) return { kind: "existing", ...open };
      memory.batch().create(payoutCases, id, doc).commit();
      return { kind: "created", id, doc: payoutCases.read(id) ?? doc };
    },

    async ofParticipant(uid) {
      await roundTrip();
      return all()
        .filter((entry) => entry.doc.uid === uid)
        .sort(byTime((entry) => entry.doc.openedAt))
        .reverse();
    },

    async openCases(limit) {
      await roundTrip();
      return all()
        .filter((entry) => entry.doc.status === "open")
        .sort(byTime((entry) => entry.doc.openedAt))
        .slice(0, limit);
    },

    async resolveQuarantine(id, decide) {
      await roundTrip();
      const { doc, result } = decide(paymentQuarantine.read(id) ?? null);
      if (doc !== null) memory.batch().set(paymentQuarantine, id, doc).commit();
      return result;
    },

    async resolveCase(id, decide) {
      await roundTrip();
      const { doc, result } = decide(payoutCases.read(id) ?? null);
      if (doc !== null) memory.batch().set(payoutCases, id, doc).commit();
      return result;
    },
  };
}
