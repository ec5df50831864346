import { Loaded } from "../../components/Loaded.js";
import { loadMyStatus } from "../../data/registration.js";
import { useLoad } from "../../data/useLoad.js";
import { useRegistrationLang } from "../../i18n/registration.js";
import { EligibilityResult } from "./EligibilityResult.js";
import { NotRegistered } from "./NotRegistered.js";
import { ProfileSummary } from "./ProfileSummary.js";
import { Timeline } from "./Timeline.js";
import { WaveAndDraw } from "./WaveAndDraw.js";

/** /status: the signed-in person's registration, eligibility (checked again now), waves and draw, and history. */
export function StatusPage() {
  const { t } = useRegistrationLang();
  const status = useLoad(loadMyStatus, []);
  return (
    <section aria-labelledby="status-title">
      <h1 id="status-title">{t("status.title")}</h1>
      <Loaded load={status}>
        {(found) =>
          found === null ? (
            <NotRegistered />
          ) : (
            <>
              <EligibilityResult eligibility={found.eligibility} />
              <WaveAndDraw status={found} />
              <ProfileSummary status={found} />
              <Timeline events={found.timeline} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
