// Usage and billing, maturity and health of the mesh, from the usage API when this server has it.
import { useEffect } from 'react';
import { apiPath } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { ErrorBox, Section, Unavailable } from '../components/States';
import { CodeBlock } from '../components/ScrollRegion';

interface Bar {
  label: string;
  value: number;
}

// Horizontal bars, largest first; hand-written SVG with the numbers as text.
export function BarList({ bars, unit, title }: { bars: Bar[]; unit: string; title: string }) {
  const max = Math.max(1e-9, ...bars.map((bar) => bar.value));
  const row = 22;
  return (
    <svg width="100%" viewBox={`0 0 600 ${bars.length * row + 4}`} role="img" aria-label={title} className="bars">
      {bars.map((bar, index) => (
        <g key={bar.label} transform={`translate(0 ${index * row + 2})`}>
          <text x={0} y={14}>
            {bar.label}
          </text>
          <rect x={200} y={3} height={14} width={(bar.value / max) * 300} className="bar ok" />
          <text x={206 + (bar.value / max) * 300} y={14}>
            {bar.value.toLocaleString('en')} {unit}
          </text>
        </g>
      ))}
    </svg>
  );
}

function JsonSection({ title, endpoint, path }: { title: string; endpoint: string; path: string }) {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', endpoint);
  const data = useApi<unknown>(has ? apiPath(path) : null);
  return (
    <Section title={title}>
      {!has && <Unavailable what={title} endpoint={'GET ' + endpoint} />}
      {data.error && <ErrorBox error={data.error} />}
      {data.data !== undefined && <CodeBlock label={`${title} (JSON)`}>{JSON.stringify(data.data, null, 2)}</CodeBlock>}
    </Section>
  );
}

export function UsagePage() {
  useEffect(() => {
    document.title = 'Usage & health · Meshwork';
  }, []);
  return (
    <div>
      <h1>Usage, billing and health</h1>
      <JsonSection title="Usage and billing" endpoint={ENDPOINTS.usage} path="/usage" />
      <JsonSection title="Maturity" endpoint={ENDPOINTS.maturity} path="/maturity" />
      <JsonSection title="Health" endpoint={ENDPOINTS.doctor} path="/doctor" />
    </div>
  );
}
