import type { idMyTraining } from "./id.myTraining.js";

/** English: the participant's "my training" page (loaded with it, see myTraining.ts). */
export const enMyTraining: Record<keyof typeof idMyTraining, string> = {
  "myTraining.intro": "Purchases waiting for your approval, your training balance, and the trainings you bought.",

  "myTraining.pending.title": "Purchase requests",
  "myTraining.pending.howItWorks":
    "When you buy a training on a partner digital platform, the platform sends a purchase request to this page with a 6-digit code. You approve the purchase by giving that code to the platform.",
  "myTraining.pending.none": "No purchase request is waiting for your code.",
  "myTraining.pending.check": "Check for new requests",
  "myTraining.pending.checking": "Checking…",
  "myTraining.pending.checkFailed": "New requests could not be checked. Check your connection and try again.",
  "myTraining.pending.count": "{count} request(s) waiting for your code.",
  "myTraining.pending.platform": "Platform",
  "myTraining.pending.amount": "Price (from your balance)",
  "myTraining.pending.expires": "Valid until",
  "myTraining.pending.left": "Time left: {time}",
  "myTraining.pending.code": "Purchase approval code",
  "myTraining.pending.instruction": "Give this code to {platform} only if you are buying this training.",
  "myTraining.pending.consent": "By giving this code, you approve paying {amount} from your training balance. Program staff never ask for this code.",
  "myTraining.pending.expired": "Time is up: this code is no longer valid. If you want to buy, ask {platform} to send a new request.",
  "myTraining.pending.decline": "I did not ask for this",
  "myTraining.pending.declining": "Declining…",
  "myTraining.pending.declined":
    "The purchase request for {title} from {platform} was declined: its code can no longer be used and your balance is unchanged. If you do want to buy it, ask the platform to send a new request.",

  "myTraining.prakerjaId": "Your Prakerja number (platforms ask for it when you buy):",
  "myTraining.balance.title": "Training balance",
  "myTraining.balance.hint": "For buying trainings on the partner digital platforms. This balance cannot be paid out.",
  "myTraining.deadline.title": "Deadline for your first training purchase",
  "myTraining.deadline.daysLeft": "{days} day(s) left",
  "myTraining.deadline.passed": "The deadline has passed",
  "myTraining.deadline.explain":
    "If you have not bought any training by {deadline}, your participation is revoked and your place goes to another applicant. This deadline no longer applies once you buy your first training.",

  "myTraining.vouchers.title": "Trainings you bought",
  "myTraining.vouchers.none": "You have not bought a training yet.",
  "myTraining.vouchers.catalogue": "See the training catalogue",

  "myTraining.voucher.code": "Redeem code",
  "myTraining.voucher.codeHint":
    "Give this code to the training institution ({institution}) when the training starts: the institution uses it to record that you take part.",
  "myTraining.voucher.codeVoid": "This code is no longer valid.",
  "myTraining.voucher.state": "Status",
  "myTraining.voucher.institution": "Institution",
  "myTraining.voucher.platform": "Bought on",
  "myTraining.voucher.starts": "Starts",
  "myTraining.voucher.price": "Price",
  "myTraining.voucher.sessions": "Sessions attended",
  "myTraining.voucher.sessionsNone": "None yet",
  "myTraining.voucher.sessionsList": "{count} (session {list})",
  "myTraining.voucher.postTest": "Post-test",
  "myTraining.voucher.postTestDone": "Done",
  "myTraining.voucher.postTestNotYet": "Not yet",

  "myTraining.state.issued": "Bought, code not redeemed yet",
  "myTraining.state.redeemed": "In progress (code redeemed)",
  "myTraining.state.completed": "Completed",
  "myTraining.state.cancelled": "Cancelled, price returned to your balance",
  "myTraining.state.frozen": "Frozen: reported, under review",

  "myTraining.cancel.until": "You can still cancel this purchase until {until} and get {amount} back.",
  "myTraining.cancel.button": "Cancel purchase",
  "myTraining.cancel.confirm": "Cancel the purchase of {title}? {amount} goes back to your training balance and its redeem code stops working.",
  "myTraining.cancel.yes": "Yes, cancel the purchase",
  "myTraining.cancel.busy": "Cancelling…",
  "myTraining.cancel.done": "Purchase cancelled. {amount} went back to your balance; your balance is now {balance}.",

  "myTraining.report.button": "I did not buy this",
  "myTraining.report.confirm":
    "Report that you did not buy {title}? Its redeem code is frozen so the institution cannot use it, and {amount} goes back to your balance while the program office reviews your report.",
  "myTraining.report.yes": "Yes, report it",
  "myTraining.report.busy": "Reporting…",
  "myTraining.report.done":
    "Report received. The redeem code is frozen and {amount} went back to your balance; your balance is now {balance} while the report is reviewed.",

  "myTraining.keep": "No, keep it",

  "myTraining.review.title": "Rating and review",
  "myTraining.review.why": "The first training you complete and review makes you entitled to the incentives.",
  "myTraining.review.rating": "Your rating of this training",
  "myTraining.review.rating.1": "1 star: very poor",
  "myTraining.review.rating.2": "2 stars: poor",
  "myTraining.review.rating.3": "3 stars: fair",
  "myTraining.review.rating.4": "4 stars: good",
  "myTraining.review.rating.5": "5 stars: very good",
  "myTraining.review.text": "Review (optional)",
  "myTraining.review.textHint": "At most 2,000 characters; now {count}.",
  "myTraining.review.submit": "Send review",
  "myTraining.review.busy": "Sending…",
  "myTraining.review.entitled": "Thank you for your review. You have completed and reviewed a training, so you are entitled to the incentives.",
  "myTraining.review.thanks": "Thank you for your review.",
  "myTraining.review.done": "You have reviewed this training.",

  "myTraining.notParticipant.next": "Your registration status shows your next step. Anyone can browse the training catalogue.",
  "myTraining.notParticipant.status": "See your registration status",
  "myTraining.notParticipant.catalogue": "See the training catalogue",

  "myTraining.copy": "Copy code",
  "myTraining.copied": "Code copied.",
  "myTraining.copyFailed": "The code could not be copied automatically; press and hold the code to copy it.",

  "myTraining.countdown.hours": "{hours} h {minutes} min",
  "myTraining.countdown.minutes": "{minutes} min {seconds} s",
  "myTraining.countdown.seconds": "{seconds} s",

  "myTraining.unauthenticated": "Your session ended. Please sign in again.",
  "myTraining.unavailable": "The service is unavailable right now. Try again in a moment.",
  "myTraining.other": "Something went wrong. Reload the page and try again.",
  "myTraining.fixErrors": "Check the marked fields.",
};
