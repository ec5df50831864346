import { z } from "zod";

/**
 * Indonesian mobile numbers as people type them (0812-3456-7890, +62 812 3456 7890,
 * 62812…): 10 to 13 digits in the national 08… form; read as E.164 (+628…). The one rule for
 * the number an operator records at registration and the number a person signs in with, so the
 * two always name the same account. Its own module: the sign-in page needs no region table.
 */
export const mobileNumber = z
  .string({ message: "phone-format" })
  .transform((raw) => raw.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^(?:\+62|62|0)8\d{8,11}$/, { message: "phone-format" }))
  .transform((national) => `+62${national.replace(/^(?:\+62|62|0)/, "")}`);
