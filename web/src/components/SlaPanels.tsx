// SLA status with a compliance chart, incidents, and consumer reports of one product, each from
// the SLA API when this server has it.
import { useState, type FormEvent } from 'react';
import { apiPath, enc, sendJson } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { ComplianceChart } from './ComplianceChart';
import { ErrorBox, Loading, Section, Unavailable } from './States';
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
      {sla.loading && <Loading what="the SLA status" />}
      {sla.data && <SlaStatusView name={name} sla={sla.data} />}
    </Section>
  );
}

function SlaStatusView({ name, sla }: { name: string; sla: SlaStatus }) {
  const report = sla.report;
  return (
    <>
      <p data-testid="sla-status">
        Status: <strong className={sla.status === 'breached' ? 'bad' : 'ok'}>{sla.status}</strong>
        {sla.open_incidents !== undefined && sla.open_incidents > 0 && (
          <>
            {' '}
            · <a href="#incidents-heading">{sla.open_incidents} open incident{sla.open_incidents === 1 ? '' : 's'}</a>
          </>
        )}
      </p>
      {sla.reasons && sla.reasons.length > 0 && (
        <ul className="reasons" data-testid="sla-reasons">
          {sla.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {report && sla.window && (
        <p data-testid="sla-window">
          From {sla.window.from} to {sla.window.to}: {report.met} of {report.periods} periods met (
          {(report.compliance * 100).toFixed(1)}%)
          {report.breach_counts && (
            <>
              ; breaches: {report.breach_counts.late} late, {report.breach_counts.lag} lag,{' '}
              {report.breach_counts.completeness} completeness
            </>
          )}
          .
        </p>
      )}
      {sla.next_deadline && (
        <p className="muted">
          Next deadline {sla.next_deadline.local} (period {sla.next_deadline.period})
          {sla.next_deadline.already_met_by ? <>, already met by {sla.next_deadline.already_met_by}</> : ''}.
        </p>
      )}
      <ComplianceChart
        title={`SLA compliance of ${name}`}
        target={sla.target ?? 1}
        points={(sla.history ?? []).map((p) => ({ label: p.period, value: p.compliance, periods: p.periods, met: p.met }))}
      />
    </>
  );
}

// GET /api/v1/products/{name}/sla (docs/api.md).
interface SlaStatus {
  status: 'met' | 'breached' | 'none' | string;
  target?: number;
  reasons?: string[];
  open_incidents?: number;
  window?: { from: string; to: string };
  next_deadline?: { at: string; local: string; period: string; already_met_by: string | null } | null;
  report?: {
    periods: number;
    met: number;
    compliance: number;
    breach_counts?: { late: number; lag: number; completeness: number };
  } | null;
  history?: Array<{ period: string; periods: number; met: number; compliance: number }>;
}

// GET /api/v1/incidents (docs/api.md): as `mesh incident list --json`.
interface Incident {
  id: number;
  product: string;
  kind?: string;
  status: string;
  title?: string;
  summary?: string;
  opened_at?: string;
  acknowledged_by?: string | null;
  note?: string;
}

// The product's incidents that are not closed (the API's default, `active`: open or acknowledged).
export function IncidentsPanel({ product }: { product: string }) {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', ENDPOINTS.incidents);
  const incidents = useApi<Incident[]>(has ? apiPath('/incidents', { product, status: 'active' }) : null);
  return (
    <Section title="Incidents" id="incidents">
      {!has && <Unavailable what="Incidents" endpoint={'GET ' + ENDPOINTS.incidents} />}
      {incidents.error && <ErrorBox error={incidents.error} />}
      {incidents.loading && <Loading what="incidents" />}
      {incidents.data && incidents.data.length === 0 && <p className="muted">No open or acknowledged incidents.</p>}
      {incidents.data && incidents.data.length > 0 && (
        <ul data-testid="incidents-list">
          {incidents.data.map((incident) => (
            <li key={incident.id} data-testid={`incident-${incident.id}`}>
              #{incident.id} {incident.kind && <strong>{incident.kind}</strong>} {incident.title ?? incident.summary} (
              {incident.status}
              {incident.opened_at && <>, opened {incident.opened_at}</>}
              {incident.acknowledged_by && <>, acknowledged by {incident.acknowledged_by}</>})
              {incident.note && <div className="muted">Note: {incident.note}</div>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

// GET /api/v1/reports (docs/api.md): as `mesh report list --json` plus the names read here.
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
      {reports.loading && <Loading what="reports" />}
      {reports.data && reports.data.length === 0 && <p className="muted">No reports.</p>}
      {reports.data && reports.data.length > 0 && (
        <ul data-testid="reports-list">
          {reports.data.map((report) => (
            <li key={report.id} data-testid={`report-${report.id}`}>
              #{report.id} {report.summary} ({report.status}
              {report.person && <>, by {report.person}</>}
              {report.at && <>, {report.at}</>})
              {report.description && <div className="muted">{report.description}</div>}
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
  const [description, setDescription] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [sent, setSent] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const report = await sendJson<Report>('POST', ENDPOINTS.reports, { product, summary, description });
      setSent(`Report #${report.id} sent to the owners.`);
      setSummary('');
      setDescription('');
      onSent();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="report-problem-heading">
      <h3 id="report-problem-heading">Report a problem</h3>
      <label>
        <span>What is wrong?</span>
        <input value={summary} onChange={(event) => setSummary(event.target.value)} required />
      </label>
      <label>
        <span>Details (optional)</span>
        <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
      </label>
      {error && <ErrorBox error={error} />}
      {sent && (
        <p className="notice" role="status" data-testid="report-sent">
          {sent}
        </p>
      )}
      <button type="submit">Send report</button>
    </form>
  );
}
