import { listMessages, listSms, MAIL_DIR, SMS_LOG } from "./stack/mailSink.js";

/**
 * `npm run mail [-- --to=<address or +62…>] [--count=5] [--html]`: the latest emails and SMS the
 * local stack sent (the sink keeps them under .stack/, so this works with the stack stopped too).
 */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const to = option("to");
const limit = Number(option("count") ?? 5);
const showHtml = process.argv.includes("--html");

const mails = await listMessages({ to, limit }, MAIL_DIR);
const sms = listSms({ to, limit }, SMS_LOG);
console.log(`Emails (${mails.length} latest${to === undefined ? "" : ` to ${to}`}; files in .stack/mail/, also at http://127.0.0.1:8025/):\n`);
for (const m of mails) {
  console.log(`── ${m.date ?? "?"}  ${m.file}\nFrom:    ${m.from}\nTo:      ${m.to.join(", ")}\nSubject: ${m.subject}\n\n${m.text.trim()}\n`);
  if (showHtml) console.log(`${m.html}\n`);
}
console.log(`SMS (${sms.length} latest; .stack/sms.log):\n`);
for (const s of sms) console.log(`── ${s.at}  to ${s.to}  (${s.reference})\n${s.body}\n`);
