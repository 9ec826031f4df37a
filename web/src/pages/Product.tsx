// A product: its contract (description, owner, support, schema with classifications and the
// fields withheld from the reader), versions, latest quality report, SLA, lineage, consumers,
// incidents and reports, and the actions a consumer takes: read data, request access, report a
// problem.
import { useEffect, useState } from 'react';
import { apiPath, enc } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { Link } from '../router';
import { ErrorBox, Loading, Section, Tag, Unavailable } from '../components/States';
import { LineageGraph } from '../components/LineageGraph';
import { DataPreview } from '../components/DataPreview';
import { RequestAccess } from '../components/RequestAccess';
import { SlaPanel, IncidentsPanel, ReportsPanel } from '../components/SlaPanels';
import type { Contract, ContractField, LineageAnswer, ProductShow, VersionInfo } from '../types';
import { ScrollRegion } from '../components/ScrollRegion';

export function ProductPage({ name }: { name: string }) {
  const { capabilities } = useApp();
  const product = useApi<ProductShow>(apiPath('/products/' + enc(name)));
  const hasContract = capabilities.has('GET', ENDPOINTS.contract);
  const contract = useApi<Contract>(hasContract ? apiPath('/products/' + enc(name) + '/contract') : null);
  useEffect(() => {
    document.title = name + ' · Meshwork';
  }, [name]);

  if (product.error) {
    return (
      <div>
        <h1>{name}</h1>
        <ErrorBox error={product.error} />
      </div>
    );
  }
  if (!product.data) return <Loading what={name} />;
  const show = product.data;
  const c = contract.data;
  return (
    <article className="product" data-testid="product-page">
      <header className="product-head">
        <h1>{show.name}</h1>
        <p className="lede">{show.description}</p>
        <dl className="facts">
          <dt>Domain</dt>
          <dd>
            <Link to={'/domains/' + enc(show.domain)}>{show.domain}</Link>
          </dd>
          <dt>Owner</dt>
          <dd data-testid="owner">{show.owner}</dd>
          <dt>Version</dt>
          <dd>
            {show.version} (snapshot {show.snapshot}, {show.status})
          </dd>
          <dt>Published</dt>
          <dd>
            {show.published_at} by {show.publisher}
          </dd>
          <dt>Rows</dt>
          <dd>{show.rows.toLocaleString('en')}</dd>
          {c && (
            <>
              <dt>Classification</dt>
              <dd>
                <Tag kind={c.classification}>{c.classification || 'unclassified'}</Tag>
              </dd>
              <dt>Support</dt>
              <dd data-testid="support">
                <Support support={c.support} />
              </dd>
              {c.documentation_url && (
                <>
                  <dt>Documentation</dt>
                  <dd>
                    <a href={c.documentation_url} rel="noreferrer noopener" target="_blank">
                      {c.documentation_url}
                    </a>
                  </dd>
                </>
              )}
            </>
          )}
        </dl>
        <div className="tags">
          {show.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      </header>

      {!hasContract && <Unavailable what="The contract (schema, support, SLA terms)" endpoint={'GET ' + ENDPOINTS.contract} />}
      {contract.error && <ErrorBox error={contract.error} />}
      {contract.loading && <Loading what="the contract" />}
      {c && <AccessSection contract={c} />}
      {c && <SchemaSection contract={c} />}
      <VersionsSection name={name} />
      {c && <QualitySection contract={c} />}
      <SlaPanel name={name} contract={c} />
      <LineageSection name={name} consumerTeams={c?.consumer_teams} />
      <IncidentsPanel product={name} />
      <ReportsPanel product={name} />
    </article>
  );
}

function Support({ support }: { support: Contract['support'] }) {
  if (!support) return <span className="muted">none given</span>;
  return (
    <>
      {support.channel && <span>{support.channel} </span>}
      {support.email && <a href={'mailto:' + support.email}>{support.email} </a>}
      {support.issues_url && (
        <a href={support.issues_url} rel="noreferrer noopener" target="_blank">
          issues
        </a>
      )}
    </>
  );
}

function AccessSection({ contract }: { contract: Contract }) {
  return (
    <Section title="Data access" id="access">
      {contract.can_read_data ? (
        <DataPreview name={contract.name} fields={contract.fields} />
      ) : (
        <>
          <p data-testid="no-access">
            You cannot read this product's data yet: {contract.read_denied_reason}
          </p>
          <RequestAccess product={contract.name} classification={contract.classification} />
        </>
      )}
    </Section>
  );
}

function constraints(field: ContractField): string[] {
  const out: string[] = [];
  if (field.primary_key) out.push('primary key');
  if (field.required) out.push('required');
  if (field.unique) out.push('unique');
  if (field.min !== null && field.min !== undefined) out.push('≥ ' + field.min);
  if (field.max !== null && field.max !== undefined) out.push('≤ ' + field.max);
  if (field.allowed_values.length) out.push('one of ' + field.allowed_values.join(', '));
  if (field.pattern) out.push('matches ' + field.pattern);
  if (field.deprecated) out.push('deprecated');
  return out;
}

function SchemaSection({ contract }: { contract: Contract }) {
  const withheld = contract.fields.filter((field) => field.withheld).length;
  return (
    <Section title="Schema" id="schema">
      <p className="muted">
        {contract.fields.length} fields, schema version {contract.schema_version}
        {contract.event_time && <>, event time in <code>{contract.event_time}</code></>}
        {withheld > 0 && <>; {withheld} withheld from you (marked below)</>}.
      </p>
      <ScrollRegion className="table-scroll" label="Schema">
        <table className="schema" data-testid="schema-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Type</th>
              <th scope="col">Classification</th>
              <th scope="col">Constraints</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {contract.fields.map((field) => (
              <tr key={field.name} className={field.withheld ? 'withheld' : undefined}>
                <th scope="row">
                  <code>{field.name}</code>
                  {field.withheld && (
                    <span className="withheld-mark" title={field.withheld_reason}>
                      {' '}
                      withheld
                    </span>
                  )}
                </th>
                <td>
                  <code>{field.type}</code>
                </td>
                <td>
                  <Tag kind={field.classification}>{field.classification}</Tag>
                  {field.tags.map((tag) => (
                    <Tag key={tag} kind={tag === 'pii' ? 'pii' : undefined}>
                      {tag}
                    </Tag>
                  ))}
                </td>
                <td>{constraints(field).join('; ')}</td>
                <td>
                  {field.description}
                  {field.withheld && <div className="muted">Withheld: {field.withheld_reason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}

function VersionsSection({ name }: { name: string }) {
  const versions = useApi<VersionInfo[]>(apiPath('/products/' + enc(name) + '/versions'));
  return (
    <Section title="Versions and snapshots" id="versions">
      {versions.error && <ErrorBox error={versions.error} />}
      {versions.loading && <Loading what="versions" />}
      {versions.data && (
        <ScrollRegion className="table-scroll" label="Versions">
          <table data-testid="versions-table">
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Status</th>
                <th scope="col">Published</th>
                <th scope="col">Rows</th>
                <th scope="col">Completeness</th>
                <th scope="col">Lag (h)</th>
              </tr>
            </thead>
            <tbody>
              {[...versions.data].reverse().map((version) => (
                <tr key={version.ref}>
                  <th scope="row">
                    <code>{version.ref}</code>
                  </th>
                  <td>{version.status}</td>
                  <td>
                    {version.published_at} by {version.publisher}
                  </td>
                  <td>{version.rows.toLocaleString('en')}</td>
                  <td>{(version.completeness * 100).toFixed(1)}%</td>
                  <td>{version.lag_hours === null ? '—' : version.lag_hours.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}

function QualitySection({ contract }: { contract: Contract }) {
  const report = contract.quality_report;
  return (
    <Section title="Latest quality report" id="quality">
      {!report && <p className="muted">No quality report stored with the current snapshot.</p>}
      {report && (
        <>
          <p data-testid="quality-verdict">
            <strong className={report.verdict === 'passed' ? 'ok' : 'bad'}>{report.verdict}</strong> on{' '}
            {report.rows.toLocaleString('en')} rows, measured {report.now}
          </p>
          <ScrollRegion className="table-scroll" label="Check results">
            <table>
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Result</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(report.checks).map(([check, result]) => (
                  <tr key={check}>
                    <th scope="row">
                      <code>{check}</code>
                    </th>
                    <td className={result.passed ? 'ok' : 'bad'}>{result.passed ? 'passed' : 'failed'}</td>
                    <td>{result.severity}</td>
                    <td>{result.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </Section>
  );
}

function LineageSection({ name, consumerTeams }: { name: string; consumerTeams?: string[] }) {
  const upstream = useApi<LineageAnswer>(apiPath('/lineage', { node: name, direction: 'upstream' }));
  const impact = useApi<LineageAnswer>(apiPath('/lineage', { node: name, direction: 'impact' }));
  const [asList, setAsList] = useState(false);
  const error = upstream.error ?? impact.error;
  const teams = impact.data?.teams ?? [];
  return (
    <>
      <Section title="Lineage" id="lineage">
        {error && <ErrorBox error={error} />}
        {(upstream.loading || impact.loading) && <Loading what="lineage" />}
        {upstream.data && impact.data && (
          <>
            <p className="muted">
              {upstream.data.nodes.length} upstream, {impact.data.nodes.length} downstream. A change
              to this product impacts the highlighted downstream products and {new Set(teams.map((t) => t.team)).size}{' '}
              consumer teams.
            </p>
            <LineageGraph center={name} upstream={upstream.data.nodes} downstream={impact.data.nodes} />
            <button type="button" className="link" aria-expanded={asList} onClick={() => setAsList(!asList)}>
              {asList ? 'Hide' : 'Show'} lineage as a list
            </button>
            {asList && (
              <ul className="lineage-list">
                {upstream.data.nodes.map((node) => (
                  <li key={'u' + node.name}>
                    upstream ({node.depth}): {node.kind === 'source' ? node.name : <Link to={'/products/' + enc(node.name)}>{node.name}</Link>}
                  </li>
                ))}
                {impact.data.nodes.map((node) => (
                  <li key={'d' + node.name}>
                    downstream ({node.depth}, impacted): <Link to={'/products/' + enc(node.name)}>{node.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Section>
      <Section title="Consumer teams" id="consumers">
        {consumerTeams && consumerTeams.length > 0 ? (
          <ul className="inline" data-testid="consumer-teams">
            {consumerTeams.map((team) => (
              <li key={team}>{team}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No consumer teams declared.</p>
        )}
        {teams.length > 0 && (
          <p className="muted">
            Told of changes through lineage: {[...new Set(teams.map((t) => t.team))].join(', ')}.
          </p>
        )}
      </Section>
    </>
  );
}
