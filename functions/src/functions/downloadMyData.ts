import { ports } from "../composition.js";
import { vaultKeysSecret } from "../config.js";
import { done } from "../domain/outcome.js";
import { callable } from "../edge/callable.js";
import { downloadMyDataInput } from "../schemas/personalAccess.js";
import { downloadMyData as downloadMyDataUseCase } from "../usecases/downloadMyData.js";

/** The right of access: everything held about the signed-in person, as JSON, recorded on the audit log. */
export const downloadMyData = callable({
  name: "downloadMyData",
  input: downloadMyDataInput,
  refusals: {},
  options: { secrets: [vaultKeysSecret] },
  // Clear NIK, KK, name and phone: a blocked account (a NIK dispute's other side) or a revoked session gets nothing, at once.
  checkRevokedAlways: true,
  handle: async (input, actor) => done(await downloadMyDataUseCase(ports(), actor, input.requestId)),
});
