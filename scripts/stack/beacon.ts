import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { publicationTime, QUICKNET } from "../../functions/src/domain/beacon.js";
import { HOST } from "./config.js";

export const BEACON_PORT = 9555;

/**
 * The development randomness beacon: drand's HTTP API and round timing (quicknet: a round every
 * 3 s), so the functions fetch it exactly as they fetch drand in production. Its values are
 * SHA-256("prakerja-dev-beacon" ‖ round): predictable, which is fine on a laptop and is why
 * production points BEACON_URL at a real drand chain. A round is answered only once its time
 * has come (425 Too Early before), as drand does.
 */
export function devBeaconValue(round: number): string {
  return createHash("sha256").update(`prakerja-dev-beacon:${round}`).digest("hex");
}

export function startDevBeacon(): Promise<Server> {
  const server = createServer((request, response) => {
    const match = /^\/public\/(\d+)$/.exec(request.url ?? "");
    if (request.method !== "GET" || match === null) {
      response.writeHead(404).end();
      return;
    }
    const round = Number(match[1]);
    if (publicationTime(round, QUICKNET).getTime() > Date.now()) {
      response.writeHead(425, { "content-type": "application/json" }).end(JSON.stringify({ error: "round not yet published" }));
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ round, randomness: devBeaconValue(round) }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(BEACON_PORT, HOST, () => resolve(server));
  });
}
