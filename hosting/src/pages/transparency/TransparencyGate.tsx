import { LazyPage } from "../../components/LazyPage.js";
import { waveIdIn } from "../../router.js";

// Public pages, no sign-in: anyone may check a draw. Each is fetched only when opened.
const loadWaveListPage = () => import("./WaveListPage.js").then((module) => module.WaveListPage);
const loadWavePage = () => import("./WavePage.js").then((module) => module.WavePage);

/** /transparansi lists the waves; /transparansi/<waveId> is one wave's plan and draw. */
export function TransparencyGate({ pathname }: { pathname: string }) {
  const waveId = waveIdIn(pathname);
  if (waveId === null) return <LazyPage load={loadWaveListPage} props={{}} />;
  return <LazyPage key={waveId} load={loadWavePage} props={{ waveId }} />;
}
