// Lint findings across the mesh, filtered by rule, domain and severity.
import { useEffect, useMemo, useState } from 'react';
import { apiPath } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { ErrorBox, Loading, Unavailable } from '../components/States';
import { useLocation } from '../router';
import type { Finding } from '../types';
import { ScrollRegion } from '../components/ScrollRegion';

type MeshFinding = Finding & { domain?: string; product?: string };

export function GovernancePage() {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', ENDPOINTS.lint);
  const findings = useApi<{ findings: MeshFinding[] }>(has ? apiPath('/governance/findings') : null);
  const { query } = useLocation();
  const [rule, setRule] = useState(query.get('rule') ?? '');
  const [domain, setDomain] = useState(query.get('domain') ?? '');
  const [severity, setSeverity] = useState(query.get('severity') ?? '');
  useEffect(() => {
    document.title = 'Governance · Meshwork';
  }, []);
  const all = useMemo(() => findings.data?.findings ?? [], [findings.data]);
  // The values the findings have, and the chosen one even when no finding has it (a link from a
  // domain without findings, /governance?domain=finance, must show that domain and no rows).
  const distinct = (pick: (f: MeshFinding) => string | undefined, chosen: string) =>
    [...new Set([...all.map(pick), chosen].filter((v): v is string => !!v))].sort();
  const shown = all.filter(
    (f) => (!rule || f.rule === rule) && (!domain || f.domain === domain) && (!severity || f.severity === severity),
  );
  return (
    <div>
      <h1>Governance</h1>
      <p>Lint findings of every descriptor in the mesh, against the global and domain policies.</p>
      {!has && <Unavailable what="Mesh-wide lint findings" endpoint={'GET ' + ENDPOINTS.lint} />}
      {findings.error && <ErrorBox error={findings.error} />}
      {findings.loading && <Loading what="findings" />}
      {findings.data && (
        <>
          <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter findings">
            <FilterSelect label="Rule" value={rule} options={distinct((f) => f.rule, rule)} onChange={setRule} />
            <FilterSelect label="Domain" value={domain} options={distinct((f) => f.domain, domain)} onChange={setDomain} />
            <FilterSelect label="Severity" value={severity} options={distinct((f) => f.severity, severity)} onChange={setSeverity} />
          </form>
          <p role="status" className="muted" data-testid="finding-count">
            {shown.length} of {all.length} findings
          </p>
          <ScrollRegion className="table-scroll" label="Findings">
            <table data-testid="findings-table">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Domain</th>
                  <th scope="col">Where</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f, i) => (
                  <tr key={i}>
                    <td className={'sev-' + f.severity}>{f.severity}</td>
                    <td>
                      <code>{f.rule}</code>
                    </td>
                    <td>{f.domain}</td>
                    <td>
                      <code>
                        {f.file}:{f.line}:{f.column}
                      </code>
                    </td>
                    <td>{f.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </div>
  );
}

export function FilterSelect(props: { label: string; value: string; options: string[]; onChange: (v: string) => void }) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">any</option>
        {props.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
}
