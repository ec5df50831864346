/** Shares in the Indonesian way in both languages, like the other numbers ("12,5%"). */
const percent = new Intl.NumberFormat("id-ID", { style: "percent", maximumFractionDigits: 1 });

/** part / whole as a percentage; 0 of nothing is 0%, not a division by zero. */
export const share = (part: number, whole: number): string => percent.format(whole === 0 ? 0 : part / whole);

/** The draw's quota shares are basis points (10000 = the whole quota), see schemas/draw.ts. */
export const basisPoints = (points: number): string => share(points, 10_000);
