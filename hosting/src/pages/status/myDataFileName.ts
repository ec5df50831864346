import type { MyData } from "@schemas/personalAccess.js";
import { jakartaIsoDay } from "../../format.js";

/**
 * The saved file's name: `data-saya-prakerja-<date>.json`, the Jakarta date (YYYY-MM-DD) of the copy
 * (`madeAt` is an ISO instant in UTC: a copy made at 06:30 WIB is dated that day, not the day before).
 */
export const myDataFileName = (data: Pick<MyData, "madeAt">): string => `data-saya-prakerja-${jakartaIsoDay(new Date(data.madeAt))}.json`;
