import { Loaded } from "../../components/Loaded.js";
import { DownloadMyData } from "./DownloadMyData.js";
import { useLoad } from "../../data/useLoad.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { EligibilityResult } from "./EligibilityResult.js";
import { NotRegistered } from "./NotRegistered.js";
import { ProfileSummary } from "./ProfileSummary.js";
import { Timeline } from "./Timeline.js";
import { loadStatusView } from "./statusView.js";
import { VerificationNotice } from "./VerificationNotice.js";
import { WaveAndDraw } from "./WaveAndDraw.js";

/**
 * /status: the signed-in person's registration, eligibility (checked again now), next step, waves
 * and draw, and history. A pending identity check comes first: it is what the person must do.
 */
export function StatusPage({ uid }: { uid: string }) {
  const { t } = useRegistrationLang();
  const view = useLoad(loadStatusView, []);
  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">{t("status.title")}</h1>
      <Loaded load={view}>
        {({ status: found, waves }) =>
          found === null ? (
            <NotRegistered waves={waves} />
          ) : (
            <>
              {found.verification && found.verification.state !== "verified" && <VerificationNotice verification={found.verification} />}
              <EligibilityResult eligibility={found.eligibility} />
              {found.verification?.state === "verified" && <VerificationNotice verification={found.verification} />}
              <WaveAndDraw status={found} waves={waves} />
              <ProfileSummary status={found} accountCode={uid} />
              <Timeline events={found.timeline} />
            </>
          )
        }
      </Loaded>
      <DownloadMyData />
    </section>
  );
}
