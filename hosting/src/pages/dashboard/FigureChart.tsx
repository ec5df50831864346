import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "preact/hooks";

// Only what the two charts use, so the chunk carries a part of the library.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

export interface Series {
  label: string;
  values: number[];
  color: string;
}

/**
 * A chart drawn by Chart.js on a canvas. The canvas is an image with a label naming the table
 * beside it, where screen readers and copying find every number; the chart adds nothing the
 * table lacks. Animations are off: a figure should never be read mid-flight.
 */
export function FigureChart({
  kind,
  labels,
  series,
  label,
  testId,
}: {
  kind: "bar" | "line";
  labels: string[];
  series: Series[];
  label: string;
  testId: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = new Chart(canvas.current, {
      type: kind,
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: s.color })) },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [kind, labels, series]);
  return (
    <div class="dashboard-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
