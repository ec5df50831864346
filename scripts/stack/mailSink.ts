import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { HOST, MAIL_PORTS, ROOT } from "./config.js";

/**
 * The local mail sink: where every email and SMS of the local stack ends up, readable by people
 * (http://127.0.0.1:8025/, `npm run mail`) and by tests (GET /messages.json, /sms.json).
 * Emails arrive over real SMTP and are kept as .eml files under .stack/mail/; SMS are lines of
 * .stack/sms.log, written by the relay's development SMS gateway (mailRelay.ts).
 */
export const MAIL_DIR = join(ROOT, ".stack", "mail");
export const SMS_LOG = join(ROOT, ".stack", "sms.log");

export interface StoredMessage {
  /** The .eml file's name under .stack/mail/. */
  file: string;
  date: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface LoggedSms {
  at: string;
  to: string;
  body: string;
  /** The `sms` document's ID. */
  reference: string;
  providerId: string;
}

let received = 0;

/** An SMTP server on 127.0.0.1 that accepts any message for anyone (no TLS, no auth) and keeps it as a .eml file. */
export function startSmtpSink(dir: string = MAIL_DIR, port: number = MAIL_PORTS.smtp): Promise<SMTPServer> {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Program Prakerja local mail sink",
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received += 1;
        const file = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${String(received).padStart(4, "0")}.eml`;
        writeFileSync(join(dir, file), Buffer.concat(chunks));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

const addressesOf = (field: { value: Array<{ address?: string }> } | Array<{ value: Array<{ address?: string }> }> | undefined): string[] =>
  (field === undefined ? [] : Array.isArray(field) ? field : [field]).flatMap((f) => f.value.map((v) => v.address ?? "")).filter((a) => a !== "");

/** The latest messages first, `limit` at most, only those sent to `to` when given. */
export async function listMessages(options: { to?: string; limit?: number } = {}, dir: string = MAIL_DIR): Promise<StoredMessage[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse();
  const found: StoredMessage[] = [];
  for (const file of files) {
    if (found.length >= (options.limit ?? 20)) break;
    const parsed = await simpleParser(readFileSync(join(dir, file)));
    const to = addressesOf(parsed.to);
    if (options.to !== undefined && !to.some((a) => a.toLowerCase() === options.to!.toLowerCase())) continue;
    found.push({
      file,
      date: parsed.date?.toISOString() ?? null,
      from: addressesOf(parsed.from).join(", "),
      to,
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      html: typeof parsed.html === "string" ? parsed.html : "",
    });
  }
  return found;
}

export function logSms(entry: LoggedSms, file: string = SMS_LOG): void {
  appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** The SMS logged, latest first, `limit` at most, only those to `to` when given. */
export function listSms(options: { to?: string; limit?: number } = {}, file: string = SMS_LOG): LoggedSms[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LoggedSms)
    .filter((sms) => options.to === undefined || sms.to === options.to)
    .reverse()
    .slice(0, options.limit ?? 20);
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The sink's page: GET / (the latest emails and SMS, for people), /messages.json and /sms.json
 * (`?to=` and `?limit=`, for tests and scripts), /messages/<file> (the raw .eml).
 */
export function startMailWeb(port: number = MAIL_PORTS.web): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", `http://${HOST}`);
      const filter = { to: url.searchParams.get("to") ?? undefined, limit: Number(url.searchParams.get("limit") ?? 20) || 20 };
      if (request.method !== "GET") return response.writeHead(405).end();
      if (url.pathname === "/messages.json") return json(response, await listMessages(filter));
      if (url.pathname === "/sms.json") return json(response, listSms(filter));
      const raw = /^\/messages\/([\w-]+\.eml)$/.exec(url.pathname);
      if (raw !== null && existsSync(join(MAIL_DIR, raw[1]))) {
        return response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(readFileSync(join(MAIL_DIR, raw[1])));
      }
      if (url.pathname !== "/") return response.writeHead(404).end();
      const mails = await listMessages(filter);
      const sms = listSms(filter);
      const page = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local mail and SMS</title></head><body>',
        `<h1>Emails (${mails.length} latest)</h1><ul>`,
        ...mails.map(
          (m) =>
            `<li>${escape(m.date ?? "")} to ${escape(m.to.join(", "))}: <a href="/messages/${m.file}">${escape(m.subject)}</a><pre>${escape(m.text)}</pre></li>`,
        ),
        `</ul><h1>SMS (${sms.length} latest)</h1><ul>`,
        ...sms.map((s) => `<li>${escape(s.at)} to ${escape(s.to)}: ${escape(s.body)}</li>`),
        "</ul></body></html>",
      ];
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page.join("\n"));
    })().catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

function json(response: ServerResponse, value: unknown): void {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(value, null, 2));
}
