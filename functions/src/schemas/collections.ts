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
  paymentPartners: "paymentPartners",
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
  pidIndex: "pidIndex",
  waveSecrets: "waveSecrets",
  waveDraws: "waveDraws",
  drawPool: "pool",
  drawWinners: "winners",
  usedSignatures: "usedSignatures",
  verificationDecisions: "verificationDecisions",
} as const;
