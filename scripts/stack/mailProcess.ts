import { startRelay } from "./mailRelay.js";
import { startMailWeb, startSmtpSink } from "./mailSink.js";

/**
 * The local mail process of the stack (started and stopped by index.ts, in its own process
 * group): the SMTP sink, its page, and the relay from Firestore's `mail` and `sms` collections.
 * Stops on SIGTERM or SIGINT. Its log is .stack/mail.log.
 */
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

const smtp = await startSmtpSink();
const web = await startMailWeb();
const relay = await startRelay(log);
log("mail sink and relay ready");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await relay.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => web.close(() => resolve()));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
