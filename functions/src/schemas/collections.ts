/**
 * Every collection the code uses, by name; firestore.rules has a `match` for each. No Firebase
 * import here, so the web app reads the same names.
 */
export const COLLECTIONS = {
  programYears: "programYears",
  waves: "waves",
  waveEvents: "events",
  trainingPartners: "trainingPartners",
  trainings: "trainings",
  trainingHistory: "history",
  schedules: "schedules",
  vouchers: "vouchers",
  purchases: "purchases",
  paymentTokens: "paymentTokens",
  entitlements: "entitlements",
  settlements: "settlements",
  budgetLedger: "budgetLedger",
  freedSeats: "freedSeats",
  trainingFlags: "trainingFlags",
  partnerCalls: "partnerCalls",
  partnerRate: "partnerRate",
  paymentPartners: "paymentPartners",
  payoutAccounts: "payoutAccounts",
  accountUsers: "accountUsers",
  payouts: "payouts",
  payoutEvents: "events",
  payoutLedger: "payoutLedger",
  paymentEvents: "paymentEvents",
  paymentQuarantine: "paymentQuarantine",
  payoutCases: "payoutCases",
  /** The daily three-way reconciliation report and its pages of differences (schemas/reconciliation.ts). */
  reconciliationReports: "reconciliationReports",
  reconciliationDifferences: "differences",
  /** Clawback cases and their repayments (schemas/clawbacks.ts). */
  clawbacks: "clawbacks",
  clawbackRepayments: "repayments",
  roleGrants: "roleGrants",
  applicants: "applicants",
  timeline: "timeline",
  nikIndex: "nikIndex",
  families: "families",
  operatorDays: "operatorDays",
  registerAttempts: "registerAttempts",
  leases: "leases",
  exclusionEntries: "exclusionEntries",
  exclusionLists: "exclusionLists",
  exclusionImports: "exclusionImports",
  /** Priority lists (schemas/priority.ts): each list, each import, and the keyed NIKs on them. */
  priorityLists: "priorityLists",
  priorityImports: "priorityImports",
  priorityEntries: "priorityEntries",
  pidIndex: "pidIndex",
  waveSecrets: "waveSecrets",
  waveDraws: "waveDraws",
  drawPool: "pool",
  drawWinners: "winners",
  /** A wave's close as it runs, `waveCloses/{waveId}`, and its partitions, `partitions/{NN}` (schemas/waveClose.ts). */
  waveCloses: "waveCloses",
  closePartitions: "partitions",
  /** A close's chunks of pool lines, `chunks/{NN-seq}`, and its drawn manifest before publication, `draft/manifest`. */
  closeChunks: "chunks",
  closeDrafts: "draft",
  /** One document per re-drive of a partition, by request ID (schemas/closeRedrive.ts). */
  closeRedrives: "redrives",
  usedSignatures: "usedSignatures",
  verificationDecisions: "verificationDecisions",
  /** The notification outbox (schemas/notifications.ts): Trigger Email's collection, the SMS outbox, the in-app copy. */
  mail: "mail",
  sms: "sms",
  inbox: "inbox",
  /** NIK dispute cases ("joki") opened and resolved at the desk (schemas/desk.ts). */
  nikDisputes: "nikDisputes",
  /** The desk's receipts, one per request (schemas/desk.ts deskReceiptDoc): who it went to, so a reused request ID is told from a retry. */
  deskReceipts: "deskReceipts",
  /** The audit log (schemas/audit.ts): chain heads and their entries, act keys, daily roots. */
  auditChains: "auditChains",
  auditEntries: "entries",
  auditKeys: "auditKeys",
  auditDays: "auditDays",
  /** The regional dashboard's rollups, `dashboards/{scope}` (schemas/dashboard.ts), and the program office's registration targets. */
  dashboards: "dashboards",
  regionTargets: "regionTargets",
} as const;
