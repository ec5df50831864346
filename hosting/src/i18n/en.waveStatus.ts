import type { idWaveStatus } from "./id.waveStatus.js";

/** English: the status page's waves and draw section (loaded with it, see waveStatus.ts). */
export const enWaveStatus: Record<keyof typeof idWaveStatus, string> = {
  "draw.title": "Waves & draw",
  "draw.pid": "Your pseudonymous ID",
  "draw.pidHint": "This ID, not your NIK or name, is what the published draw lists. With it you can check the draw's result yourself.",
  "draw.notEligible": "You can join a wave once you meet the program's requirements (see the eligibility check above).",
  "draw.join": "Join wave {number}",
  "draw.joining": "Joining…",
  "draw.joined": "Done: you are in this wave's draw pool.",
  "draw.alreadyInPool": "You were already in the draw pool; nothing changed.",

  "step.title": "Next step",
  "step.register": "Fill in the registration form first. Once registered and eligible, you can join a wave when one is open.",
  "step.registerOpen": "Fill in the registration form first. Wave {number} is open until {closes}: once registered and eligible, you can join it.",
  "step.revoked": "Your participation was revoked. If you think this is a mistake, contact the program's complaints service.",
  "step.participant":
    "You were drawn in wave {number} and are now a participant of the program. Next: choose a training; the catalogue is under Trainings in the menu.",
  "step.participantNoWave": "You were drawn and are now a participant of the program. Next: choose a training; the catalogue is under Trainings in the menu.",
  "step.myTraining": "Open My training: your balance, purchase deadline and purchase codes",
  "step.notEligibleInPool": "You stay in the draw pool, but are left out of draws while you do not meet the requirements (see the eligibility check above).",
  "step.verify":
    "Bring your original KTP and family card (KK) to the labor office (Disnaker) of {regency}. Once your details are confirmed, you can join a wave.",
  "step.verifyOpen":
    "Wave {number} is open until {closes}. Bring your original KTP and family card (KK) to the labor office (Disnaker) of {regency} before then: once your details are confirmed, you can join it.",
  "step.verifyAgain":
    "Come again to the labor office (Disnaker) of {regency} with your matching original KTP and family card (KK). Once your details are confirmed, you can join a wave.",
  "step.join": "Wave {number} is open until {closes}. Join it to enter the draw pool.",
  "step.waitScheduled": "No wave is open now. Wave {number} opens {opens}; come back to this page then to join it.",
  "step.waitNone": "No wave is open now. The home page shows when waves open; come back to this page then.",
  "step.notDrawnIn": "You were not drawn in the draw of wave {number}.",
  "step.notDrawnLatest": "You were not drawn in the latest draw.",
  "step.poolOpen": "You are in the draw pool of wave {number}. The draw runs after the wave closes on {closes}; its result will show on this page.",
  "step.poolClosed": "You are in the draw pool of wave {number}, which has closed. Its draw result will show on this page.",
  "step.poolScheduled":
    "You are in the draw of wave {number} automatically, without registering again. That wave opens {opens} and closes {closes}; the draw runs after it closes.",
  "step.poolUnknown": "You stay in the draw pool and are in the next wave's draw automatically, without registering again.",

  "join.notEligibleBecause": "You cannot join a wave yet, because:",
  "join.unauthenticated": "Your session has ended. Please sign in again, then try again.",
  "join.unavailable": "The connection dropped or the service is busy. Try again: you will never be recorded twice.",
  "join.other": "Something went wrong. Try again later: you will never be recorded twice.",

  "latest.title": "Latest draw",
  "latest.titleWave": "Draw of wave {number}",
  "latest.selected": "Congratulations, you were drawn! You are now a participant of the program.",
  "latest.notSelected": "You were not drawn in this draw.",
  "latest.yourRank": "Your rank",
  "latest.nationalCutoff": "National cut-off rank",
  "latest.stratumCutoff": "Cut-off rank of your province",
  "latest.noCutoff": "nobody was drawn",
  "latest.howToRead":
    "Your rank is computed from your pseudonymous ID and the draw key, written in hexadecimal (digits 0–9, then letters a–f). Lower comes first: a rank equal to or lower than the cut-off is drawn. The first 12 digits are shown here.",
  "latest.withinButSkipped":
    "Your rank is within the cut-off, but you were not drawn: for example because your family card had reached its limit of recipients. The published draw shows why.",
  "latest.position": "Your place in this draw: about number {position} of {pool} people in the pool.",
  "latest.seatsWent": "The national seats went to about the first {cutoff} in this order.",
  "latest.noNationalSeats": "This draw had no national seats left to give (or gave none).",
  "latest.stratumPosition": "In your province: about number {position} of {pool}.",
  "latest.stratumSeatsWent": "Its seats went to about the first {cutoff}.",
  "latest.priorityPosition":
    "Your line was on this wave's priority list. Its round came first (seats: {seats}; people on the list: {pool}), and you were about number {position} of them.",
  "latest.prioritySeatsWent": "Its seats went to about the first {cutoff} of the list.",
  "latest.priorityNobody": "That round drew nobody.",
  "latest.aboutPositions":
    'Places are counted from the ranks and are close but not exact (the larger the pool, the closer). Whether you were drawn is exact. On the Transparency page, "Check my ID" counts your exact place from the published pool.',
  "latest.ranksForExperts": "The ranks themselves (for experts)",
  "latest.seeWave": "See this draw on the Transparency page",
};
