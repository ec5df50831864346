import { LazyPage } from "../../components/LazyPage.js";
import { courseCodeIn } from "../../router.js";

// Public pages, no sign-in: anyone may look at trainings. Each is fetched only when opened.
const loadListPage = () => import("./CatalogueListPage.js").then((module) => module.CatalogueListPage);
const loadTrainingPage = () => import("./TrainingPage.js").then((module) => module.TrainingPage);

/** /pelatihan searches and filters the catalogue; /pelatihan/<course code> is one training with its schedules. */
export function CatalogueGate({ pathname }: { pathname: string }) {
  const courseCode = courseCodeIn(pathname);
  if (courseCode === null) return <LazyPage load={loadListPage} props={{}} />;
  return <LazyPage key={courseCode} load={loadTrainingPage} props={{ courseCode }} />;
}
