import { partitionDocId } from "../../schemas/closeRedrive.js";
import type { CloseRedrives } from "../../usecases/ports.js";
import { roundTrip, type Memory } from "./state.js";

/** Re-drives in memory: the same documents and the same all-or-nothing transaction as adapters/closeRedrives.ts. */
export function memoryCloseRedrives(memory: Memory): CloseRedrives {
  const { waveCloses, closePartitions, closeRedrives } = memory.state;
  return {
    async redrive({ waveId, partition, requestId }, decide) {
      await roundTrip();
      // From here to the commit nothing awaits: no other call comes in between, as in a transaction.
      const partitionKey = `${waveId}/${partitionDocId(partition)}`;
      const recordKey = `${waveId}/${requestId}`;
      const choice = decide({
        close: waveCloses.read(waveId) ?? null,
        waveExists: memory.state.waves.read(waveId) !== undefined,
        partition: closePartitions.read(partitionKey) ?? null,
        earlier: closeRedrives.read(recordKey) ?? null,
      });
      if ("record" in choice) memory.batch().set(closePartitions, partitionKey, choice.partition).create(closeRedrives, recordKey, choice.record).commit();
      return choice.result;
    },
  };
}
