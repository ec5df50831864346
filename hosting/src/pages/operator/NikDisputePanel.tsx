import { useRef, useState } from "preact/hooks";
import type { IdentityDocument } from "@schemas";
import { Field } from "../../components/Field.js";
import { RadioGroup } from "../../components/RadioGroup.js";
import { typedCode } from "../../data/accountCode.js";
import { callOpenNikDispute, callResolveNikDispute, deskFailureText, type NikDisputeView, type RegistrationLookup } from "../../data/desk.js";
import { useDeskDisputeLang } from "../../i18n/deskDispute.js";
import { DeskReceipt } from "./DeskReceipt.js";
import { DocumentsSeen } from "./DocumentsSeen.js";

type ClaimantKind = "uid" | "phone" | "email";
type Decision = "re-tie" | "dismiss";

/**
 * A NIK dispute at the desk ("joki"): the operator opens a case for the registration found —
 * the person's own account (an account code, or a new account for their phone or email), what
 * they say, the documents seen — then decides it: re-tie (the registration becomes the person's,
 * the other account is blocked) or dismiss. Each step keeps its request ID until it succeeds, so a
 * retry records it once. After the decision, the person's receipt.
 */
export function NikDisputePanel({ registration, region }: { registration: RegistrationLookup; region: string }) {
  const { lang, t } = useDeskDisputeLang();
  const [kind, setKind] = useState<ClaimantKind | "">("");
  const [claimant, setClaimant] = useState("");
  const [statement, setStatement] = useState("");
  const [note, setNote] = useState("");
  const [decision, setDecision] = useState<Decision | "">("");
  const [openSeen, setOpenSeen] = useState<IdentityDocument[]>([]);
  const [resolveSeen, setResolveSeen] = useState<IdentityDocument[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [dispute, setDispute] = useState<NikDisputeView | null>(null);
  const openId = useRef(crypto.randomUUID());
  const resolveId = useRef(crypto.randomUUID());

  const run = async (step: "openNikDispute" | "resolveNikDispute", call: () => Promise<NikDisputeView>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      setDispute(await call());
    } catch (error) {
      setFailure(deskFailureText(step, error, lang) ?? t("dispute.failed"));
    } finally {
      setBusy(false);
    }
  };

  const claimantInput = () => (kind === "uid" ? { uid: typedCode(claimant) ?? "" } : kind === "phone" ? { phone: claimant } : { email: claimant });
  const open = (event: Event) => {
    event.preventDefault();
    void run("openNikDispute", () =>
      callOpenNikDispute({ requestId: openId.current, uid: registration.uid, claimant: claimantInput(), statement, documentsSeen: openSeen }),
    );
  };
  const resolve = (event: Event) => {
    event.preventDefault();
    if (dispute === null || decision === "") return;
    void run("resolveNikDispute", () =>
      callResolveNikDispute({ requestId: resolveId.current, disputeId: dispute.disputeId, decision, documentsSeen: resolveSeen, note }),
    );
  };

  const status = (
    <div role="status" aria-live="polite">
      {failure !== null && (
        <p class="notice notice-error" data-testid="dispute-failure">
          {failure}
        </p>
      )}
    </div>
  );

  if (dispute !== null && dispute.state !== "open") {
    const outcome = dispute.state === "re-tied" ? "dispute.outcome.re-tied" : "dispute.outcome.dismissed";
    return (
      <section aria-labelledby="dispute-outcome" data-testid="dispute-outcome" data-state={dispute.state}>
        <h3 id="dispute-outcome" class={dispute.state === "re-tied" ? "notice notice-ok" : "notice"}>
          {/* The account as it is: a uid made at the desk ("claimant-…") is no code in groups of four. */}
          {t(outcome, { nik: dispute.nikMasked, account: dispute.registrationUid })}
        </h3>
        {dispute.state === "re-tied" && <DeskReceipt uid={dispute.registrationUid} nikMasked={dispute.nikMasked} region={region} after="dispute" />}
      </section>
    );
  }

  if (dispute !== null) {
    return (
      <section aria-labelledby="dispute-resolve-title" data-testid="dispute-resolve">
        <p class="notice" data-testid="dispute-opened">
          {t("dispute.opened", { id: dispute.disputeId.slice(0, 8) })}
        </p>
        <h3 id="dispute-resolve-title">{t("dispute.resolve.title")}</h3>
        <form class="form" noValidate onSubmit={resolve}>
          <RadioGroup<Decision>
            name="dispute-decision"
            legend={t("dispute.decision")}
            options={(["re-tie", "dismiss"] as const).map((value) => ({ value, label: t(`dispute.decision.${value}`) }))}
            value={decision}
            onChange={setDecision}
            onBlur={() => undefined}
          />
          <DocumentsSeen id="dispute-resolve-documents" value={resolveSeen} onChange={setResolveSeen} />
          <Field id="dispute-note" label={t("dispute.note")}>
            {(control) => <textarea {...control} rows={3} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy || decision === ""} data-testid="dispute-resolve-submit">
              {busy ? t("dispute.busy") : t("dispute.resolve.submit")}
            </button>
          </div>
        </form>
        {status}
      </section>
    );
  }

  return (
    <section aria-labelledby="dispute-open-title" data-testid="dispute-open">
      <h3 id="dispute-open-title">{t("dispute.open.title")}</h3>
      <p>{t("dispute.open.intro")}</p>
      <form class="form" noValidate onSubmit={open}>
        <RadioGroup<ClaimantKind>
          name="dispute-claimant"
          legend={t("dispute.claimant")}
          options={(["uid", "phone", "email"] as const).map((value) => ({ value, label: t(`dispute.claimant.${value}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setClaimant("");
          }}
          onBlur={() => undefined}
        />
        {kind !== "" && (
          <Field id="dispute-claimant-value" label={t(`dispute.claimantValue.${kind}`)}>
            {(control) => (
              <input
                {...control}
                type={kind === "email" ? "email" : kind === "phone" ? "tel" : "text"}
                autoComplete="off"
                value={claimant}
                onInput={(e) => setClaimant(e.currentTarget.value)}
              />
            )}
          </Field>
        )}
        <Field id="dispute-statement" label={t("dispute.statement")} hint={t("dispute.statementHint")}>
          {(control) => <textarea {...control} rows={3} maxLength={1000} value={statement} onInput={(e) => setStatement(e.currentTarget.value)} />}
        </Field>
        <DocumentsSeen id="dispute-open-documents" value={openSeen} onChange={setOpenSeen} />
        <div class="actions">
          <button type="submit" disabled={busy || kind === ""} data-testid="dispute-open-submit">
            {busy ? t("dispute.busy") : t("dispute.open.submit")}
          </button>
        </div>
      </form>
      {status}
    </section>
  );
}
