import { useState } from "preact/hooks";
import { REVEAL_PURPOSES, type RevealPurpose } from "@schemas/personalAccess.js";
import { Field } from "../../components/Field.js";
import { RevealField } from "../../components/RevealField.js";
import { groupedCode } from "../../data/accountCode.js";
import { callLookupRegistration, deskFailureText, type RegistrationLookup } from "../../data/desk.js";
import { jakartaTime } from "../../format.js";
import { useDeskDisputeLang } from "../../i18n/deskDispute.js";
import { NikDisputePanel } from "./NikDisputePanel.js";

interface Props {
  /** The NIK the registration form was refused for (`nik-registered`), to look up at once. */
  nik: string;
  region: string;
}

/**
 * At the desk, a walk-in person's NIK is already registered: the operator looks the registration
 * up for a purpose (`lookupRegistration`, on the audit log) and sees it masked — name, phone,
 * account, who registered it and its history — revealing a full value only through RevealField.
 * A person who says someone else used their NIK gets a dispute case (NikDisputePanel).
 */
export function NikLookup({ nik: initial, region }: Props) {
  const { lang, t } = useDeskDisputeLang();
  const [nik, setNik] = useState(initial);
  const [purpose, setPurpose] = useState<RevealPurpose>("nik-dispute");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [found, setFound] = useState<RegistrationLookup | null>(null);
  // Folded until asked for (or until the registration form is refused for a registered NIK): the desk's first task is registering.
  const [unfolded, setUnfolded] = useState(initial !== "");

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setFound(null);
    try {
      setFound(await callLookupRegistration({ requestId: crypto.randomUUID(), nik, purpose }));
    } catch (error) {
      setFailure(deskFailureText("lookupRegistration", error, lang) ?? t("lookup.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card desk-section" aria-labelledby="lookup-title" data-testid="nik-lookup">
      <h2 id="lookup-title">{t("lookup.title")}</h2>
      <p>{initial === "" ? t("lookup.intro") : t("lookup.fromRegistration")}</p>
      {!unfolded && (
        <div class="actions">
          <button type="button" class="button-secondary" onClick={() => setUnfolded(true)} data-testid="lookup-unfold">
            {t("lookup.start")}
          </button>
        </div>
      )}
      {unfolded && (
        <form class="form" noValidate onSubmit={(e) => void submit(e)}>
          <Field id="lookup-nik" label={t("lookup.nik")} hint={t("lookup.nikHint")}>
            {(control) => <input {...control} inputMode="numeric" autoComplete="off" value={nik} onInput={(e) => setNik(e.currentTarget.value)} />}
          </Field>
          <Field id="lookup-purpose" label={t("lookup.purpose")}>
            {(control) => (
              <select {...control} value={purpose} onChange={(e) => setPurpose(REVEAL_PURPOSES.find((p) => p === e.currentTarget.value) ?? "nik-dispute")}>
                {REVEAL_PURPOSES.filter((p) => p !== "other").map((p) => (
                  <option key={p} value={p}>
                    {t(`lookup.purpose.${p}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy} data-testid="lookup-submit">
              {busy ? t("lookup.busy") : t("lookup.submit")}
            </button>
          </div>
        </form>
      )}
      <div role="status" aria-live="polite">
        {failure !== null && (
          <p class="notice notice-error" data-testid="lookup-failure">
            {failure}
          </p>
        )}
      </div>
      {found !== null && (
        <div data-testid="lookup-result" data-uid={found.uid}>
          <h3>{t("lookup.result", { nik: found.nikMasked })}</h3>
          <dl class="facts">
            <dt>{t("lookup.nik")}</dt>
            <dd>
              <RevealField uid={found.uid} field="nik" masked={found.nikMasked} />
            </dd>
            <dt>{t("lookup.name")}</dt>
            <dd>
              <RevealField uid={found.uid} field="fullName" masked={found.nameMasked} />
            </dd>
            <dt>{t("lookup.phone")}</dt>
            <dd>
              <RevealField uid={found.uid} field="phone" masked={found.phoneMasked} />
            </dd>
            <dt>{t("lookup.status")}</dt>
            <dd data-testid="lookup-status">{t(`applicantStatus.${found.status}`)}</dd>
            <dt>{t("lookup.registeredBy")}</dt>
            <dd data-testid="lookup-registered-by">
              {found.registeredBy.kind === "self"
                ? t("lookup.registeredBy.self", { time: jakartaTime(new Date(found.registeredBy.at), lang) })
                : t("lookup.registeredBy.operator", {
                    operator: found.registeredBy.operatorUid ?? "",
                    time: jakartaTime(new Date(found.registeredBy.at), lang),
                  })}
            </dd>
            <dt>{t("lookup.account")}</dt>
            <dd data-testid="lookup-account">
              {found.account.exists
                ? [
                    found.account.emailMasked,
                    found.account.phoneMasked,
                    t("lookup.account.methods", { methods: found.account.methods.join(", ") }),
                    found.account.disabled ? t("lookup.account.disabled") : null,
                  ]
                    .filter((part) => part !== null)
                    .join(" · ")
                : t("lookup.account.none")}
            </dd>
            <dt>{t("lookup.accountCode")}</dt>
            <dd>
              <code>{groupedCode(found.uid)}</code>
            </dd>
          </dl>
          <h4>{t("lookup.timeline")}</h4>
          <ol data-testid="lookup-timeline">
            {found.timeline.map((event) => (
              <li key={`${event.at}-${event.kind}`}>
                {jakartaTime(new Date(event.at), lang)}: {t(`timeline.${event.kind}`)}
              </li>
            ))}
          </ol>
          {found.status === "registered" && <NikDisputePanel key={found.uid} registration={found} region={region} />}
        </div>
      )}
    </section>
  );
}
