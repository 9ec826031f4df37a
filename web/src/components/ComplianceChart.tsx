// A small bar chart of SLA compliance over time: one bar per period, its height the share of
// deliveries that met the SLA, red when under the target. Hand-written SVG; the values are also
// given as a table for screen readers.
export interface CompliancePoint {
  label: string; // period, e.g. "2026-11-02"
  value: number; // 0..1
}

interface Props {
  points: CompliancePoint[];
  target: number; // 0..1
  title: string;
}

const WIDTH = 560;
const HEIGHT = 140;
const AXIS = 28;

export function ComplianceChart({ points, target, title }: Props) {
  if (points.length === 0) return <p className="muted">No deliveries measured yet.</p>;
  const barWidth = Math.max(2, (WIDTH - AXIS) / points.length - 2);
  const y = (value: number) => 6 + (1 - value) * (HEIGHT - 24);
  return (
    <figure className="chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <line className="axis" x1={AXIS} y1={y(0)} x2={WIDTH} y2={y(0)} />
        <text className="axis-label" x={0} y={y(1) + 4}>
          100%
        </text>
        <text className="axis-label" x={0} y={y(0) + 4}>
          0%
        </text>
        {points.map((point, index) => (
          <rect
            key={point.label}
            className={point.value + 1e-9 >= target ? 'bar ok' : 'bar breach'}
            x={AXIS + 2 + index * (barWidth + 2)}
            y={y(point.value)}
            width={barWidth}
            height={y(0) - y(point.value)}
          >
            <title>
              {point.label}: {(point.value * 100).toFixed(1)}%
            </title>
          </rect>
        ))}
        <line className="target" x1={AXIS} y1={y(target)} x2={WIDTH} y2={y(target)} />
      </svg>
      <figcaption className="muted">
        {title}; the line marks the target of {(target * 100).toFixed(0)}%. From {points[0].label} to{' '}
        {points[points.length - 1].label}.
      </figcaption>
    </figure>
  );
}
