// A small bar chart of SLA compliance over time: one bar per period, its height the share of
// deliveries that met the SLA. A period under the target is a breach: its bar is red (class
// `breach`), never shorter than MIN_BAR so that a day at 0% is as visible as any other, and its
// column is shaded. Hand-written SVG, hidden from screen readers, which get the same values as a
// visually hidden table instead.
export interface CompliancePoint {
  label: string; // period, e.g. "2026-11-02"
  value: number; // 0..1
  periods?: number; // deadlines decided in the period
  met?: number; // of which met
}

interface Props {
  points: CompliancePoint[];
  target: number; // 0..1
  title: string;
}

const WIDTH = 560;
const HEIGHT = 140;
const AXIS = 28;
const MIN_BAR = 4;

export function ComplianceChart({ points, target, title }: Props) {
  if (points.length === 0) return <p className="muted">No deliveries measured yet.</p>;
  const barWidth = Math.max(2, (WIDTH - AXIS) / points.length - 2);
  const y = (value: number) => 6 + (1 - value) * (HEIGHT - 24);
  const breach = (point: CompliancePoint) => point.value + 1e-9 < target;
  const breaches = points.filter(breach).length;
  return (
    <figure className="chart" data-testid="compliance-chart">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        {points.map((point, index) =>
          breach(point) ? (
            <rect
              key={'band' + point.label}
              className="breach-band"
              x={AXIS + 1 + index * (barWidth + 2)}
              y={y(1)}
              width={barWidth + 2}
              height={y(0) - y(1)}
            />
          ) : null,
        )}
        <line className="axis" x1={AXIS} y1={y(0)} x2={WIDTH} y2={y(0)} />
        <text className="axis-label" x={0} y={y(1) + 4}>
          100%
        </text>
        <text className="axis-label" x={0} y={y(0) + 4}>
          0%
        </text>
        {points.map((point, index) => {
          const height = Math.max(MIN_BAR, y(0) - y(point.value));
          return (
            <rect
              key={point.label}
              className={breach(point) ? 'bar breach' : 'bar ok'}
              data-period={point.label}
              x={AXIS + 2 + index * (barWidth + 2)}
              y={y(0) - height}
              width={barWidth}
              height={height}
            >
              <title>
                {point.label}: {(point.value * 100).toFixed(1)}%
              </title>
            </rect>
          );
        })}
        <line className="target" x1={AXIS} y1={y(target)} x2={WIDTH} y2={y(target)} />
      </svg>
      <figcaption className="muted">
        {title}; the line marks the target of {(target * 100).toFixed(0)}%, red bars the {breaches} period
        {breaches === 1 ? '' : 's'} under it. From {points[0].label} to {points[points.length - 1].label}.
      </figcaption>
      <table className="visually-hidden" data-testid="compliance-table">
        <caption>{title}, per period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Deadlines met</th>
            <th scope="col">Compliance</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.label}>
              <th scope="row">{point.label}</th>
              <td>{point.periods === undefined ? '' : `${point.met ?? 0} of ${point.periods}`}</td>
              <td>{(point.value * 100).toFixed(1)}%</td>
              <td>{breach(point) ? 'breach' : 'met'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
