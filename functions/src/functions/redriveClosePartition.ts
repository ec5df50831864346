import { ports } from "../composition.js";
import { callable } from "../edge/callable.js";
import { redriveClosePartitionInput } from "../schemas/closeRedrive.js";
import { redriveClosePartition as redriveUseCase } from "../usecases/redriveClosePartition.js";

/** The program office re-drives a stalled partition of a wave's close: its attempt goes up by one and its task is enqueued again; audited. */
export const redriveClosePartition = callable({
  name: "redriveClosePartition",
  input: redriveClosePartitionInput,
  refusals: {
    "not-admin": "permission-denied",
    "wave-not-found": "not-found",
    "close-not-found": "not-found",
    "partition-not-found": "not-found",
    "partition-done": "failed-precondition",
    "partition-not-stalled": "failed-precondition",
    "request-id-reused": "already-exists",
  },
  handle: (input, actor) => redriveUseCase(ports(), actor, input),
});
