import { z } from "zod";

/**
 * The accounts the simulated partners know, by number (a bank account number or an e-wallet's
 * phone number; every partner shares the list). Seeded with demo people; tests add their own
 * (`POST /_control/accounts`).
 */
export interface DemoAccount {
  number: string;
  holderName: string;
  closed: boolean;
}

export const SEEDED_ACCOUNTS: readonly DemoAccount[] = [
  { number: "1234567890", holderName: "SITI RAHAYU", closed: false },
  { number: "2345678901", holderName: "BUDI SANTOSO", closed: false },
  { number: "3456789012", holderName: "DEWI LESTARI", closed: false },
  { number: "4567890123", holderName: "AGUS WIJAYA", closed: true },
  // In another person's name: for the "account holder is not the participant" check.
  { number: "5678901234", holderName: "RUDI HARTONO", closed: false },
  { number: "081234567890", holderName: "SITI RAHAYU", closed: false },
  { number: "085712345678", holderName: "DEWI LESTARI", closed: false },
  { number: "081399990000", holderName: "WAHYU PRATAMA", closed: true },
];

export const accountInput = z.object({
  number: z.string().regex(/^\d{4,34}$/),
  holderName: z.string().min(1).max(100),
  closed: z.boolean().default(false),
});

export function accountBook() {
  const accounts = new Map<string, DemoAccount>();
  const reset = () => {
    accounts.clear();
    for (const account of SEEDED_ACCOUNTS) accounts.set(account.number, { ...account });
  };
  reset();
  return {
    find: (number: string) => accounts.get(number) ?? null,
    put: (account: DemoAccount) => void accounts.set(account.number, account),
    all: () => [...accounts.values()],
    reset,
  };
}
export type AccountBook = ReturnType<typeof accountBook>;
