/**
 * The wave draw (issue 4), pure: pool commitment, seed and beacon, ranks, seats, the streaming
 * draw and its publication. docs/draw.md specifies all of it for re-implementers.
 */
export { ALGORITHM, HEX32, MAX_QUOTA, STRATUM_CODE, TOKEN, WHOLE } from "./constants.js";
export type { Candidate, DrawResult, DrawRules, OrderKey, Ranked, Round, SeatOutcome, Strata, StratumOutcome, Winner } from "./types.js";
export { apportion, prepareRules, type PreparedRules, type RulesReason } from "./apportion.js";
export { auditPath, EMPTY_ROOT, entryLeaf, entryLine, leafHash, MerkleStream, nodeHash, rootFromPath, rootOf, type MerkleBlock } from "./merkle.js";
export {
  commitPool,
  DEFAULT_PAGE_SIZE,
  isPowerOfTwo,
  membershipProof,
  pageMembershipProof,
  verifyMembership,
  type MembershipProof,
  type PoolCommitment,
} from "./pool.js";
export { checkSeed, drawKeyOf, rankOf, seedCommitment } from "./seed.js";
export { compareOrder, orderKeyOf, positionOf, reached, type Position } from "./order.js";
export { initialCapacities, mergePartitions, PoolScanner, scanPool, type Capacities, type DrawSummary } from "./scan.js";
export { finalize, type FinalizeOutcome } from "./finalize.js";
export { runDraw, type DrawRun, type PoolSource } from "./draw.js";
export { referenceDraw } from "./reference.js";
export {
  buildPublication,
  winnersDigest,
  type Beacon,
  type DrawManifest,
  type DrawPlan,
  type PageRef,
  type PoolPage,
  type Publication,
  type PublicationInput,
  type WinnersPage,
} from "./publication.js";
export { firstDifference, planDifference } from "./verify.js";
