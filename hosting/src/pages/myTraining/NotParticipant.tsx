import { NavLink } from "../../components/NavLink.js";
import type { NotParticipantReason } from "../../data/myTraining.js";
import { noticeText, refusalNotice } from "../../data/refusals.js";
import { useMyTrainingLang } from "../../i18n/myTraining.js";
import { PATHS } from "../../router.js";

/** Someone signed in who is not (or no longer) a participant: why there is nothing here, and where to go. */
export function NotParticipant({ reason }: { reason: NotParticipantReason }) {
  const { lang, t } = useMyTrainingLang();
  return (
    <div class="card stack" data-testid="not-participant" data-reason={reason}>
      <p class="notice">{noticeText(refusalNotice(reason), lang, t)}</p>
      <p>{t("myTraining.notParticipant.next")}</p>
      <ul class="plain-list">
        <li>
          <NavLink href={PATHS.status}>{t("myTraining.notParticipant.status")}</NavLink>
        </li>
        <li>
          <NavLink href={PATHS.catalogue}>{t("myTraining.notParticipant.catalogue")}</NavLink>
        </li>
      </ul>
    </div>
  );
}
