import { keyedId } from "../domain/privacy.js";
import { nikHashKey } from "../config.js";
import type { Pseudonyms } from "../usecases/ports.js";

/** Keyed hashes under NIK_HASH_KEY; only callable at run time, inside a function bound to the secret. */
export function secretPseudonyms(): Pseudonyms {
  const key = nikHashKey.value();
  return {
    nik: (nik) => keyedId("nik", nik, key),
    kk: (kk) => keyedId("kk", kk, key),
    pid: (uid) => keyedId("pid", uid, key),
    family: (kkKey) => keyedId("family", kkKey, key),
    account: (value) => keyedId("account", value, key),
    request: (value) => keyedId("request", value, key),
  };
}
