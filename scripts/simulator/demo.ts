import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { PROJECT_ID } from "../stack/config.js";
import { PARTNER_API_PATHS } from "./server.js";

/**
 * What `npm start` shows a partner engineer: a redeem code bought for the demo participant through
 * the simulator (as a platform would sell it, the OTP read off the participant's SMS), and one
 * shell snippet that signs and sends `redeem-code/status` for it with openssl and curl.
 */

const DEMO_COURSE = { courseCode: "PMD-001", scheduleCode: "PMD-001-J1", amount: 750_000 };

function firestore() {
  const app = getApps().find((a) => a.name === "partner-demo") ?? initializeApp({ projectId: PROJECT_ID }, "partner-demo");
  return getFirestore(app);
}

/**
 * The demo participant's voucher of the demo course: the one they hold, or one bought now through
 * the simulator (quota-schedule, send-otp, the OTP from their SMS, authorize). Needs the emulators'
 * environment (FIRESTORE_EMULATOR_HOST) and a running simulator.
 */
export async function demoVoucher(simulatorUrl: string, uid: string): Promise<{ redeemCode: string; bought: boolean }> {
  const db = firestore();
  const applicant = (await db.doc(`applicants/${uid}`).get()).data() as { pid?: string } | undefined;
  if (applicant?.pid === undefined) throw new Error(`${uid} is not a participant (no pid): seed the demo data first`);
  const held = (await db.collection("vouchers").where("uid", "==", uid).get()).docs
    .map((d) => d.data() as { redeemCode: string; courseCode: string; state: string })
    .find((v) => v.courseCode === DEMO_COURSE.courseCode && v.state !== "cancelled");
  if (held !== undefined) return { redeemCode: held.redeemCode, bought: false };

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${simulatorUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const json = (await response.json()) as { ok: boolean; answer: unknown; paymentToken?: string };
    if (!json.ok) throw new Error(`${path}: ${JSON.stringify(json.answer)}`);
    return json;
  };
  const invoiceCode = `DEMO-${Date.now()}`;
  const otp = await post("/platform/buy", { prakerjaId: applicant.pid, ...DEMO_COURSE, invoiceCode });
  const sms = (await db.collection("sms").where("uid", "==", uid).get()).docs
    .map((d) => d.data() as { kind: string; body: string; createdAt: { toMillis(): number } })
    .filter((m) => m.kind === "purchase-otp")
    .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis())[0];
  const code = /\b(\d{6})\b/.exec(sms?.body ?? "")?.[1];
  if (code === undefined) throw new Error(`no purchase OTP was texted to ${uid}`);
  await post("/platform/authorize", { paymentToken: otp.paymentToken, otp: code, invoiceCode });
  const voucher = (await db.collection("vouchers").where("uid", "==", uid).get()).docs
    .map((d) => d.data() as { redeemCode: string; invoiceCode: string })
    .find((v) => v.invoiceCode === invoiceCode);
  if (voucher === undefined) throw new Error(`no voucher for invoice ${invoiceCode}`);
  return { redeemCode: voucher.redeemCode, bought: true };
}

/**
 * One shell snippet (bash or zsh) that calls `redeem-code/status` as `clientCode`: the timestamp from
 * `date +%s`, the signature with `openssl dgst -sha1 -hmac`, the request with curl, through Hosting.
 */
export function curlSnippet(options: { apiBase: string; clientCode: string; key: string; redeemCode: string }): string {
  const path = PARTNER_API_PATHS.redeemStatus;
  return [
    `KEY='${options.key}'; CODE='${options.redeemCode}'`,
    `ts=$(date +%s); body="{\\"redeem_code\\":\\"$CODE\\"}"`,
    `sig=$(printf '%s' "${options.clientCode}\${ts}POST${path}\${body}" | openssl dgst -sha1 -hmac "$KEY" | awk '{print $2}')`,
    `curl -s -X POST ${options.apiBase}${path} -H 'Content-Type: application/json' -H 'client_code: ${options.clientCode}' -H "timestamp: $ts" -H "signature: $sig" -d "$body"`,
  ].join("\n");
}
