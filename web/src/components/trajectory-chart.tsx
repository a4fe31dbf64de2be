/** One figure's trajectory as a uPlot chart: a series per independent origin, the reported value over time. */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trajectory } from '../api';
import { PALETTE } from '../util';

/** Chart height in CSS pixels. */
const CHART_HEIGHT_PX = 220;
const DAY_S = 86_400;

/** The chart's data: x in Unix seconds, one y row per origin (null where that origin said nothing that day). */
export function chartData(t: Trajectory): { origins: string[]; data: uPlot.AlignedData } | undefined {
  const numeric = new Map(t.values.map((v) => [v.text, v.value]));
  const points = t.points
    .filter((p) => p.date && numeric.get(p.value) !== undefined)
    .map((p) => ({ x: Date.parse(p.date!.length <= 7 ? `${p.date}-01` : p.date!) / 1000, y: numeric.get(p.value)!, origin: p.origin }))
    .filter((p) => Number.isFinite(p.x));
  if (points.length < 1) return undefined;
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const origins = [...new Set(points.map((p) => p.origin))];
  const rows = origins.map((o) => xs.map((x) => points.find((p) => p.origin === o && p.x === x)?.y ?? null));
  return { origins, data: [xs, ...rows] as uPlot.AlignedData };
}

export function TrajectoryChart({ t }: { t: Trajectory }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    const prepared = chartData(t);
    if (!el || !prepared) return;
    const plot = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: CHART_HEIGHT_PX,
        // Room on the right for the last date label.
        padding: [12, 48, 0, 0],
        // Most figures are dated to the day: a day of margin each side, and ticks no finer than a day.
        scales: { x: { range: (_u, min, max) => [min - DAY_S, max + DAY_S] }, y: { range: (_u, min, max) => [Math.min(0, min), max * 1.1 || 1] } },
        axes: [
          { incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 30 * DAY_S, 365 * DAY_S], values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(0, 10)), space: 90 },
          { size: 60, values: (_u, ticks) => ticks.map((v) => v.toLocaleString('en-US')) },
        ],
        series: [
          { label: 'date', value: (_u, v) => (v == null ? '—' : new Date(v * 1000).toISOString().slice(0, 16).replace('T', ' ')) },
          ...prepared.origins.map((o, i) => ({
            label: o,
            stroke: PALETTE[i % PALETTE.length],
            width: 2,
            spanGaps: true,
            points: { show: true, size: 9, fill: PALETTE[i % PALETTE.length] },
            value: (_u: uPlot, v: number | null) => (v == null ? '—' : v.toLocaleString('en-US')),
          })),
        ],
      },
      prepared.data,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(260, el.clientWidth), height: CHART_HEIGHT_PX }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [t]);
  return <div class="chart" ref={box} role="img" aria-label={`Reported values of ${t.label} over time, one line per independent origin`} />;
}
