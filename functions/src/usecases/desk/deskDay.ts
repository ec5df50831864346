import { calendarDateIn, formatIsoDate } from "../../domain/calendar.js";
import { done, refused, type Outcome } from "../../domain/outcome.js";
import { mayDo, type Actor } from "../../domain/roles.js";
import type { RefusalOf } from "../../schemas/contract.js";
import type { DeskDay } from "../../schemas/desk.js";
import type { Ports } from "../ports.js";

/**
 * The operator's day at the desk: how many people they registered today (Asia/Jakarta, the
 * count `registerAssisted` keeps in `operatorDays/{uid}_{day}` in its own transaction) and how
 * many more the daily limit (`ASSISTED_DAILY_LIMIT`) allows. One read.
 */
export async function myDeskDay(ports: Pick<Ports, "desk" | "clock">, actor: Actor, limit: number): Promise<Outcome<DeskDay, RefusalOf<"myDeskDay">>> {
  if (!mayDo(actor, "register-on-behalf")) return refused("not-operator");
  const day = formatIsoDate(calendarDateIn(ports.clock.now()));
  const registered = await ports.desk.assistedOn(actor.uid, day);
  return done({ day, registered, limit, remaining: Math.max(0, limit - registered) });
}
