import { useLang } from "../../i18n/index.js";
import { loadProgramYear } from "../../data/program.js";
import { useLoad } from "../../data/useLoad.js";
import { Loaded } from "../../components/Loaded.js";
import { CallToAction } from "./CallToAction.js";
import { ProgramYearFigures } from "./ProgramYearFigures.js";
import { TrainingCatalogue } from "./TrainingCatalogue.js";
import { WaveList } from "./WaveList.js";
import { WhoCanJoin } from "./WhoCanJoin.js";

export function HomePage() {
  const { t } = useLang();
  const year = useLoad(() => loadProgramYear(new Date()), []);
  return (
    <>
      <section aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
        <p class="muted">{t("home.steps")}</p>
        <CallToAction />
      </section>
      <Loaded load={year}>
        {(programYear) =>
          programYear ? (
            <>
              <WhoCanJoin year={programYear} />
              <ProgramYearFigures year={programYear} />
              <WaveList year={programYear.year} />
            </>
          ) : (
            <p class="notice">{t("year.none")}</p>
          )
        }
      </Loaded>
      <TrainingCatalogue />
    </>
  );
}
