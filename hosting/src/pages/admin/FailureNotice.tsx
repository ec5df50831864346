import { useConsoleLang } from "../../i18n/console.js";
import type { ConsoleFailure } from "./consoleFailure.js";

/** A console callable's failure, in the reader's language; field messages joined when no field shows them. */
export function FailureNotice({ failure, testId }: { failure: ConsoleFailure | null; testId?: string }) {
  const { lang, t } = useConsoleLang();
  if (failure === null) return null;
  const text =
    failure.kind === "fields"
      ? failure.errors.map((error) => error.message[lang]).join(" ")
      : failure.kind === "refusal"
        ? failure.text[lang]
        : t(failure.message);
  return (
    <p role="alert" class="notice notice-error" data-testid={testId} data-reason={failure.kind === "refusal" ? failure.reason : undefined}>
      {text}
    </p>
  );
}
