import { useRef, useState } from "preact/hooks";
import { Field } from "../../components/Field.js";
import { RadioGroup } from "../../components/RadioGroup.js";
import { channelsOf, institutionName, institutionsOf, PARTNERS } from "../../data/paymentPartners.js";
import { callLinkPayoutAccount } from "../../data/payouts.js";
import { noticeText } from "../../data/refusals.js";
import { useMyPayoutsLang } from "../../i18n/myPayouts.js";
import { actionFailure, type ActionNotice } from "./actionFailure.js";
import {
  checkLink,
  EMPTY_LINK,
  errorsByField,
  LINK_FIELDS,
  LINK_REFUSAL_FIELDS,
  submissionKey,
  withChange,
  type LinkErrors,
  type LinkValues,
} from "./linkAccount.js";

/** What linking answered: verified or waiting for review, the last digits, and payouts put back on the schedule. */
export interface Linked {
  status: "verified" | "review" | "refused";
  masked: string;
  released: number;
}

/**
 * Partner → kind of account → bank or e-wallet → number: each choice offers only what the one
 * before allows (the partners' own list), and the partner checks the account and its holder's name
 * before it is saved. A refusal is shown at the field it is about.
 */
export function LinkAccountForm({ onLinked }: { onLinked(linked: Linked): void }) {
  const { lang, t } = useMyPayoutsLang();
  const [values, setValues] = useState<LinkValues>(EMPTY_LINK);
  const [errors, setErrors] = useState<LinkErrors>({});
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [busy, setBusy] = useState(false);
  // The submission being attempted: sending the same values again reuses its request ID.
  const attempt = useRef<{ key: string; requestId: string } | null>(null);

  const change = (part: Partial<LinkValues>) => {
    const next = withChange(values, part);
    setValues(next);
    setNotice(null);
    // A refusal was about what was chosen before: once anything changes, it goes.
    const changed = LINK_FIELDS.filter((field) => next[field] !== values[field]);
    if (changed.length > 0)
      setErrors((shown) => {
        const next: LinkErrors = { ...shown, form: undefined };
        for (const field of changed) next[field] = undefined;
        return next;
      });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const key = submissionKey(values);
    if (attempt.current?.key !== key) attempt.current = { key, requestId: crypto.randomUUID() };
    const checked = checkLink(values, attempt.current.requestId);
    setNotice(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { status, masked, released } = await callLinkPayoutAccount(checked.input);
      attempt.current = null;
      onLinked({ status, masked, released });
    } catch (error) {
      const failure = actionFailure("linkPayoutAccount", error);
      if (failure.kind === "fields") {
        setErrors(errorsByField(failure.errors));
        focusFirst(errorsByField(failure.errors));
      } else if (failure.kind === "refusal" && failure.reason !== "not-participant") {
        const field = LINK_REFUSAL_FIELDS[failure.reason];
        const shown: LinkErrors = {};
        shown[field] = { field, code: failure.reason, message: failure.text };
        setErrors(shown);
        focusFirst(shown);
      } else setNotice(failure);
    } finally {
      setBusy(false);
    }
  };

  const errorText = (field: keyof LinkErrors) => errors[field]?.message[lang];
  const channels = values.partner === "" ? [] : channelsOf(values.partner);
  const institutions = values.partner === "" || values.channel === "" ? [] : institutionsOf(values.partner, values.channel);
  const hasErrors = Object.values(errors).some(Boolean);

  return (
    <form class="form stack" noValidate onSubmit={submit} aria-busy={busy} aria-labelledby="link-title" data-testid="link-account-form">
      <h3 id="link-title">{t("myPayouts.link.title")}</h3>
      <p class="hint">{t("myPayouts.link.intro")}</p>
      <RadioGroup
        name="link-partner"
        legend={t("myPayouts.link.partner")}
        options={PARTNERS.map((partner) => ({ value: partner.code, label: partner.name }))}
        value={values.partner}
        error={errorText("partner")}
        onChange={(partner) => change({ partner })}
        onBlur={() => undefined}
      />
      {channels.length > 1 && (
        <RadioGroup
          name="link-channel"
          legend={t("myPayouts.link.channel")}
          options={channels.map((channel) => ({ value: channel, label: t(`myPayouts.link.channel.${channel}`) }))}
          value={values.channel}
          error={errorText("channel")}
          onChange={(channel) => change({ channel })}
          onBlur={() => undefined}
        />
      )}
      <Field
        id="link-institution"
        label={t("myPayouts.link.institution")}
        error={errorText("institution") ?? (channels.length > 1 ? undefined : errorText("channel"))}
      >
        {(control) => (
          <select {...control} value={values.institution} disabled={institutions.length === 0} onChange={(e) => change({ institution: e.currentTarget.value })}>
            <option value="">{t("myPayouts.link.institutionChoose")}</option>
            {institutions.map((code) => (
              <option key={code} value={code}>
                {institutionName(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="link-accountNumber"
        label={t("myPayouts.link.accountNumber")}
        hint={t(values.channel === "ewallet" ? "myPayouts.link.accountNumberHint.ewallet" : "myPayouts.link.accountNumberHint.bank")}
        error={errorText("accountNumber")}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            maxLength={32}
            value={values.accountNumber}
            onInput={(e) => change({ accountNumber: e.currentTarget.value })}
          />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t("myPayouts.link.busy") : t("myPayouts.link.submit")}
        </button>
      </div>
      {(hasErrors || notice) && (
        <p role="alert" class="notice notice-error" data-testid="link-form-error">
          {notice ? noticeText(notice, lang, t) : (errorText("form") ?? t("myPayouts.link.fixErrors"))}
        </p>
      )}
    </form>
  );
}

const FOCUS: Record<keyof LinkErrors, string> = {
  partner: "link-partner-",
  channel: "link-channel-",
  institution: "link-institution",
  accountNumber: "link-accountNumber",
  form: "",
};

/** The first field with a problem takes the focus (a radio group's first radio). */
function focusFirst(errors: LinkErrors): void {
  const first = LINK_FIELDS.find((field) => errors[field]);
  if (first === undefined) return;
  const id = FOCUS[first];
  const element = id.endsWith("-") ? document.querySelector<HTMLInputElement>(`input[id^="${id}"]`) : document.getElementById(id);
  element?.focus();
}
