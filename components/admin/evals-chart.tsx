import type { StoredEvalRun } from "@/lib/eval/schemas";

// A hand-drawn SVG rather than a chart library: two series and two threshold lines over at
// most a few dozen runs need no interactivity, and this way the chart renders on the server
// with no client JavaScript. The runs table beside it carries the same numbers for screen readers.

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 36, left: 44 };
const SERIES = [
  { key: "extraction_precision", label: "Precision", color: "#4f46e5", threshold: "min_precision", dash: "6 4", line: "dashed", hollow: true },
  { key: "extraction_recall", label: "Recall", color: "#059669", threshold: "min_recall", dash: "2 4", line: "dotted", hollow: false },
] as const;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const shortDate = (date: Date) => date.toISOString().slice(5, 16).replace("T", " ");

/** Extraction precision and recall over runs (oldest on the left) with the gate's threshold lines. */
export function EvalsChart({ runs }: { runs: StoredEvalRun[] }) {
  const chronological = [...runs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const latest = chronological.at(-1);
  if (!latest) return null;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (chronological.length === 1 ? plotWidth / 2 : (index / (chronological.length - 1)) * plotWidth);
  const y = (ratio: number) => PAD.top + (1 - ratio) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(chronological.length / 6));

  return (
    <figure className="rounded-lg border border-zinc-200 bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium text-zinc-700">
        Precision and recall over {chronological.length === 1 ? "1 run" : `the last ${chronological.length} runs`}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Latest run: precision ${percent(latest.metrics.extraction_precision)}, recall ${percent(latest.metrics.extraction_recall)}; thresholds ${percent(latest.params.min_precision)} and ${percent(latest.params.min_recall)}.`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e4e4e7" />
            <text x={PAD.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="11" fill="#71717a">
              {tick * 100}%
            </text>
          </g>
        ))}
        {chronological.map((run, index) =>
          index % labelEvery === 0 || index === chronological.length - 1 ? (
            <text
              key={run.id}
              x={x(index)}
              y={HEIGHT - PAD.bottom + 16}
              // The end labels sit on the plot's edges: anchor them inwards so they are not clipped.
              textAnchor={chronological.length === 1 ? "middle" : index === 0 ? "start" : index === chronological.length - 1 ? "end" : "middle"}
              fontSize="11"
              fill="#71717a"
            >
              {shortDate(run.createdAt)}
            </text>
          ) : null,
        )}
        {SERIES.map((series) => {
          const threshold = latest.params[series.threshold];
          return (
            <g key={series.key}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(threshold)}
                y2={y(threshold)}
                stroke={series.color}
                strokeDasharray={series.dash}
                strokeOpacity="0.7"
              />
              <text x={WIDTH - PAD.right} y={y(threshold) - 4} textAnchor="end" fontSize="10" fill={series.color}>
                {series.label} gate {percent(threshold)}
              </text>
              <polyline
                fill="none"
                stroke={series.color}
                strokeWidth="2"
                points={chronological.map((run, index) => `${x(index)},${y(run.metrics[series.key])}`).join(" ")}
              />
              {chronological.map((run, index) => (
                // Precision hollow and larger, recall filled and smaller: equal values stay visible as two marks.
                <circle
                  key={run.id}
                  cx={x(index)}
                  cy={y(run.metrics[series.key])}
                  r={series.hollow ? 5 : 2.5}
                  fill={series.hollow ? "white" : series.color}
                  stroke={series.color}
                  strokeWidth="2"
                >
                  <title>{`${shortDate(run.createdAt)} UTC · ${series.label.toLowerCase()} ${percent(run.metrics[series.key])}${run.passed ? "" : " · gate failed"}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-zinc-600" aria-hidden="true">
        {SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <svg className="inline-block h-0.5 w-4" viewBox="0 0 16 2" preserveAspectRatio="none"><rect width="16" height="2" fill={series.color} /></svg>
            {series.label} ({series.line} line: its gate)
          </li>
        ))}
      </ul>
    </figure>
  );
}
