import { groupedCode } from "../../data/accountCode.js";
import type { MyStatus } from "../../data/registration.js";
import { calendarDate, jakartaTime, regionName } from "../../format.js";
import { useRegistrationLang } from "../../i18n/registration.js";

interface Props {
  status: MyStatus;
  /** The account's uid, which an operator types to join the person to a wave at the desk. */
  accountCode?: string;
}

/** What the program holds about the person (their right to see it, UU PDP); the NIK only masked. */
export function ProfileSummary({ status, accountCode }: Props) {
  const { lang, t } = useRegistrationLang();
  const { profile } = status;
  const { district, regency, province } = profile.region;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t("status.profile")}</h2>
      <dl class="facts card">
        <dt>{t("status.nik")}</dt>
        <dd data-testid="status-nik">
          <code>{profile.nikMasked}</code>
        </dd>
        <dt>{t("status.name")}</dt>
        <dd>{profile.fullName}</dd>
        <dt>{t("status.birthDate")}</dt>
        <dd>{calendarDate(profile.birthDate, lang)}</dd>
        <dt>{t("status.sex")}</dt>
        <dd>{t(`sex.${profile.sex}`)}</dd>
        <dt>{t("status.phone")}</dt>
        <dd>{profile.phone}</dd>
        <dt>{t("status.region")}</dt>
        <dd>{[district, regency, province].map(regionName).join(", ")}</dd>
        <dt>{t("status.state")}</dt>
        <dd>{t(`applicantStatus.${status.status}`)}</dd>
        <dt>{t("status.registeredAt")}</dt>
        <dd>
          {jakartaTime(new Date(profile.registeredAt), lang)}, {t(`registeredBy.${profile.registeredBy}`)}
        </dd>
        {accountCode !== undefined && (
          <>
            <dt>{t("status.accountCode")}</dt>
            <dd>
              <code data-testid="account-code">{groupedCode(accountCode)}</code>
              <span class="hint">{t("status.accountCodeHint")}</span>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
