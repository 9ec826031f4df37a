// Usage and billing, maturity and health of the mesh, as charts, from the usage and health API
// when this server has it; each section keeps the API's raw answer behind a disclosure.
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, apiPath } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi, type Loaded } from '../hooks';
import { ErrorBox, Loading, Section, Unavailable } from '../components/States';
import { CodeBlock } from '../components/ScrollRegion';
import { UsageChart } from '../components/UsageChart';
import { MaturityPath } from '../components/MaturityPath';
import { DoctorFindings } from '../components/DoctorFindings';
import type { DoctorAnswer, MaturityVerdict, UsageReport } from '../types';

// Loads `path` when the server offers `endpoint` and shows the answer through `render`, with the
// raw JSON behind a <details> (a native disclosure: keyboard and screen readers handle it).
function ApiSection<T>(props: {
  title: string;
  id: string;
  endpoint: string;
  path: string;
  render: (data: T) => ReactNode;
  refused?: (error: ApiError) => ReactNode;
  children?: ReactNode;
}) {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', props.endpoint);
  const data: Loaded<T> = useApi<T>(has ? props.path : null);
  const refused = data.error instanceof ApiError && data.error.status === 403 && props.refused;
  return (
    <Section title={props.title} id={props.id}>
      {!has && <Unavailable what={props.title} endpoint={'GET ' + props.endpoint} />}
      {!refused && props.children}
      {refused ? props.refused!(data.error as ApiError) : data.error && <ErrorBox error={data.error} />}
      {data.loading && <Loading what={props.title.toLowerCase()} />}
      {data.data !== undefined && !data.loading && (
        <div data-testid={props.id + '-loaded'}>
          {props.render(data.data)}
          <details className="raw">
            <summary>Raw JSON answer</summary>
            <CodeBlock label={`${props.title} (JSON)`}>{JSON.stringify(data.data, null, 2)}</CodeBlock>
          </details>
        </div>
      )}
    </Section>
  );
}

function UsageSection() {
  const [by, setBy] = useState<'domain' | 'team'>('domain');
  return (
    <ApiSection<UsageReport>
      title="Usage and billing"
      id="usage"
      endpoint={ENDPOINTS.usage}
      path={apiPath('/usage', { by })}
      render={(report) => <UsageChart report={report} />}
      refused={(error) => (
        <p className="muted" data-testid="usage-refused">
          Usage and billing of the whole mesh is for the governance team: {error.message}
        </p>
      )}
    >
      <fieldset className="view-choice">
        <legend>Charge back by</legend>
        {(['domain', 'team'] as const).map((view) => (
          <label key={view}>
            <input type="radio" name="usage-by" value={view} checked={by === view} onChange={() => setBy(view)} />{' '}
            {view}
          </label>
        ))}
      </fieldset>
    </ApiSection>
  );
}

export function UsagePage() {
  useEffect(() => {
    document.title = 'Usage & health · Meshwork';
  }, []);
  return (
    <div>
      <h1>Usage, billing and health</h1>
      <UsageSection />
      <ApiSection<MaturityVerdict>
        title="Maturity"
        id="maturity"
        endpoint={ENDPOINTS.maturity}
        path={apiPath('/maturity')}
        render={(verdict) => <MaturityPath verdict={verdict} />}
      />
      <ApiSection<DoctorAnswer>
        title="Health"
        id="doctor"
        endpoint={ENDPOINTS.doctor}
        path={apiPath('/doctor')}
        render={(answer) => <DoctorFindings answer={answer} />}
      />
    </div>
  );
}
