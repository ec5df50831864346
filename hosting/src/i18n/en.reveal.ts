import type { idReveal } from "./id.reveal.js";

/** English: showing one sealed value of a person for a purpose (components/RevealField.tsx). */
export const enReveal: Record<keyof typeof idReveal, string> = {
  "reveal.field.nik": "NIK",
  "reveal.field.kk": "Family card (KK) number",
  "reveal.field.fullName": "Full name",
  "reveal.field.phone": "Mobile number",
  "reveal.field.birthDate": "Birth date",
  "reveal.show": "Reveal",
  "reveal.showLabel": "Reveal the full {field}",
  "reveal.hide": "Hide",
  "reveal.cancel": "Cancel",
  "reveal.confirm": "Reveal and record",
  "reveal.busy": "Checking…",
  "reveal.ask": "Why do you need the full {field}? Every reveal is recorded on the audit log in your name.",
  "reveal.purpose": "Purpose",
  "reveal.purpose.desk-verification": "Verification at the desk (original documents seen)",
  "reveal.purpose.nik-dispute": "NIK dispute (someone else used it)",
  "reveal.purpose.payout-investigation": "Incentive payout investigation",
  "reveal.purpose.data-subject-request": "Request from the person themself",
  "reveal.purpose.other": "Other (write a note)",
  "reveal.note": "Note",
  "reveal.noteHint": "Required for “Other”, at most 200 characters. Do not write a NIK, a name or a phone number.",
  "reveal.shown": "Revealed and recorded. Hidden again in {seconds} seconds.",
  "reveal.unauthenticated": "Your session has ended. Please sign in again.",
  "reveal.other": "The value could not be shown. Check your connection, then try again.",
};
