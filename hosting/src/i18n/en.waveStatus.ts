import type { idWaveStatus } from "./id.waveStatus.js";

/** English: the status page's waves and draw section (loaded with it, see waveStatus.ts). */
export const enWaveStatus: Record<keyof typeof idWaveStatus, string> = {
  "draw.title": "Waves & draw",
  "draw.pid": "Your pseudonymous ID",
  "draw.pidHint": "This ID, not your NIK or name, is what the published draw lists. With it you can check the draw's result yourself.",
  "draw.inPool": "You are in the draw pool. If you are not drawn, you stay in the pool for the next waves automatically, without registering again.",
  "draw.notInPool": "You are not in the draw pool yet.",
  "draw.notEligible": "You can join a wave once you meet the program's requirements (see the eligibility check above).",
  "draw.openWave": "Wave {number} is open.",
  "draw.noOpenWave": "No wave is open now. The home page shows when waves open; come back to this page then.",
  "draw.join": "Join wave {number}",
  "draw.joining": "Joining…",
  "draw.joined": "Done: you are in this wave's draw pool.",
  "draw.alreadyInPool": "You were already in the draw pool; nothing changed.",

  "join.notEligibleBecause": "You cannot join a wave yet, because:",
  "join.unauthenticated": "Your session has ended. Please sign in again, then try again.",
  "join.unavailable": "The connection dropped or the service is busy. Try again: you will never be recorded twice.",
  "join.other": "Something went wrong. Try again later: you will never be recorded twice.",

  "latest.title": "Latest draw",
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
  "latest.seeWave": "See this draw on the Transparency page",
};
