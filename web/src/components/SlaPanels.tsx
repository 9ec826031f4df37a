// SLA status with a compliance chart, incidents, and consumer reports of one product, each from
// the SLA API when this server has it.
import { useState, type FormEvent } from 'react';
import { apiPath, enc, sendJson } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { ComplianceChart } from './ComplianceChart';
import { ErrorBox, Section, Unavailable } from './States';
import type { Contract } from '../types';

export function SlaPanel({ name, contract }: { name: string; contract?: Contract }) {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', ENDPOINTS.sla);
  const sla = useApi<SlaStatus>(has ? apiPath('/products/' + enc(name) + '/sla') : null);
  return (
    <Section title="Service level" id="sla">
      {contract?.sla && (
        <p>
          Promised: available {contract.sla.availability} ({contract.sla.timezone})
          {contract.sla.max_lag_hours !== null && <>, at most {contract.sla.max_lag_hours} h behind</>}
          {contract.sla.min_completeness !== null && <>, at least {(contract.sla.min_completeness * 100).toFixed(0)}% complete</>}.
        </p>
      )}
      {!has && <Unavailable what="SLA status and compliance history" endpoint={'GET ' + ENDPOINTS.sla} />}
      {sla.error && <ErrorBox error={sla.error} />}
      {sla.data && (
        <>
          <p data-testid="sla-status">
            Status: <strong className={sla.data.status === 'met' ? 'ok' : 'bad'}>{sla.data.status}</strong>
          </p>
          <ComplianceChart
            title={`SLA compliance of ${name}`}
            target={sla.data.target ?? 1}
            points={(sla.data.history ?? []).map((p) => ({ label: p.period, value: p.compliance }))}
          />
        </>
      )}
    </Section>
  );
}

interface SlaStatus {
  status: string;
  target?: number;
  history?: Array<{ period: string; compliance: number }>;
}

interface Incident {
  id: number;
  product: string;
  status: string;
  title?: string;
  summary?: string;
  opened_at?: string;
}

export function IncidentsPanel({ product }: { product: string }) {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', ENDPOINTS.incidents);
  const incidents = useApi<Incident[]>(has ? apiPath('/incidents', { product }) : null);
  return (
    <Section title="Incidents" id="incidents">
      {!has && <Unavailable what="Incidents" endpoint={'GET ' + ENDPOINTS.incidents} />}
      {incidents.error && <ErrorBox error={incidents.error} />}
      {incidents.data && incidents.data.length === 0 && <p className="muted">No incidents.</p>}
      {incidents.data && incidents.data.length > 0 && (
        <ul>
          {incidents.data.map((incident) => (
            <li key={incident.id}>
              #{incident.id} {incident.title ?? incident.summary} ({incident.status}
              {incident.opened_at && <>, opened {incident.opened_at}</>})
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

interface Report {
  id: number;
  product: string;
  status: string;
  summary?: string;
  description?: string;
  person?: string;
  at?: string;
}

export function ReportsPanel({ product }: { product: string }) {
  const { capabilities } = useApp();
  const canList = capabilities.has('GET', ENDPOINTS.reports);
  const canSend = capabilities.has('POST', ENDPOINTS.reports);
  const reports = useApi<Report[]>(canList ? apiPath('/reports', { product }) : null);
  return (
    <Section title="Consumer reports" id="reports">
      {!canList && <Unavailable what="Consumer reports" endpoint={'GET ' + ENDPOINTS.reports} />}
      {reports.error && <ErrorBox error={reports.error} />}
      {reports.data && reports.data.length === 0 && <p className="muted">No reports.</p>}
      {reports.data && reports.data.length > 0 && (
        <ul>
          {reports.data.map((report) => (
            <li key={report.id}>
              #{report.id} {report.summary ?? report.description} ({report.status}
              {report.person && <>, by {report.person}</>})
            </li>
          ))}
        </ul>
      )}
      {canSend ? (
        <ReportProblem product={product} onSent={reports.reload} />
      ) : (
        <Unavailable what="Reporting a problem" endpoint={'POST ' + ENDPOINTS.reports} />
      )}
    </Section>
  );
}

function ReportProblem({ product, onSent }: { product: string; onSent: () => void }) {
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [sent, setSent] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const report = await sendJson<Report>('POST', ENDPOINTS.reports, { product, summary });
      setSent(`Report #${report.id} sent to the owners.`);
      setSummary('');
      onSent();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <form className="stack" onSubmit={submit}>
      <h3>Report a problem</h3>
      <label>
        <span>What is wrong?</span>
        <textarea value={summary} onChange={(event) => setSummary(event.target.value)} required rows={3} />
      </label>
      {error && <ErrorBox error={error} />}
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      <button type="submit">Send report</button>
    </form>
  );
}
