import type { IdentityDocument } from "@schemas";
import { DOCUMENT_TEXT } from "@schemas/verificationMessages.js";
import { useDeskDisputeLang } from "../../i18n/deskDispute.js";
import { DOCUMENTS } from "./decision.js";

interface Props {
  id: string;
  value: IdentityDocument[];
  onChange(value: IdentityDocument[]): void;
}

/** The original documents the operator saw, one checkbox each. */
export function DocumentsSeen({ id, value, onChange }: Props) {
  const { lang, t } = useDeskDisputeLang();
  return (
    <fieldset class="field choices">
      <legend>{t("dispute.documents")}</legend>
      {DOCUMENTS.map((document) => (
        <label key={document} class="choice">
          <input
            type="checkbox"
            id={`${id}-${document}`}
            checked={value.includes(document)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, document] : value.filter((d) => d !== document))}
          />
          <span>{DOCUMENT_TEXT[document][lang]}</span>
        </label>
      ))}
    </fieldset>
  );
}
