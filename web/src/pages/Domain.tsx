// Domains: each domain's products and owners (from the product listing), and its description,
// policy and health where the server offers the domain API.
import { useEffect } from 'react';
import { apiPath, enc } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { Link } from '../router';
import { ErrorBox, Loading, Section, Tag, Unavailable } from '../components/States';
import type { ProductSummary } from '../types';
import { CodeBlock } from '../components/ScrollRegion';

interface DomainInfo {
  id: string;
  description: string;
  owners: string[];
  policy?: { file: string; text: string } | null;
  health?: { products: number; published: number; findings: { error: number; warn: number; info: number } };
}

export function DomainsPage() {
  const { capabilities } = useApp();
  const hasDomains = capabilities.has('GET', ENDPOINTS.domains);
  const domains = useApi<DomainInfo[]>(hasDomains ? apiPath('/domains') : null);
  const products = useApi<ProductSummary[]>(apiPath('/products'));
  useEffect(() => {
    document.title = 'Domains · Meshwork';
  }, []);
  const counts = new Map<string, number>();
  for (const p of products.data ?? []) counts.set(p.domain, (counts.get(p.domain) ?? 0) + 1);
  const rows: DomainInfo[] =
    domains.data ?? [...counts.keys()].sort().map((id) => ({ id, description: '', owners: [] }));
  return (
    <div>
      <h1>Domains</h1>
      {(domains.error || products.error) && <ErrorBox error={(domains.error ?? products.error)!} />}
      {(domains.loading || products.loading) && <Loading what="domains" />}
      <table data-testid="domains-table">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Description</th>
            <th scope="col">Owners</th>
            <th scope="col">Published products</th>
            {hasDomains && <th scope="col">Lint findings</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((domain) => (
            <tr key={domain.id}>
              <th scope="row">
                <Link to={'/domains/' + enc(domain.id)}>{domain.id}</Link>
              </th>
              <td>{domain.description}</td>
              <td>{domain.owners.join(', ')}</td>
              <td>{counts.get(domain.id) ?? 0}</td>
              {hasDomains && (
                <td>
                  {domain.health
                    ? `${domain.health.findings.error} errors, ${domain.health.findings.warn} warnings`
                    : ''}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DomainPage({ id }: { id: string }) {
  const { capabilities } = useApp();
  const hasDomain = capabilities.has('GET', ENDPOINTS.domain);
  const domain = useApi<DomainInfo>(hasDomain ? apiPath('/domains/' + enc(id)) : null);
  const products = useApi<ProductSummary[]>(apiPath('/products', { domain: id }));
  useEffect(() => {
    document.title = id + ' · Domains · Meshwork';
  }, [id]);
  const owners = domain.data?.owners ?? [...new Set((products.data ?? []).map((p) => p.owner))];
  return (
    <div data-testid="domain-page">
      <h1>Domain {id}</h1>
      {domain.data?.description && <p className="lede">{domain.data.description}</p>}
      <p>
        Owned by <span data-testid="domain-owners">{owners.join(', ') || '—'}</span>
      </p>
      <Section title="Products" id="domain-products">
        {products.error && <ErrorBox error={products.error} />}
        {products.loading && <Loading what="products" />}
        {products.data && products.data.length === 0 && <p className="muted">No published products.</p>}
        <ul className="plain">
          {(products.data ?? []).map((p) => (
            <li key={p.name}>
              <Link to={'/products/' + enc(p.name)}>{p.name}</Link> <span className="muted">v{p.version}</span>
              {p.classification && <Tag kind={p.classification}>{p.classification}</Tag>}
              <div>{p.description}</div>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Policy" id="policy">
        {!hasDomain && <Unavailable what="The domain's policy" endpoint={'GET ' + ENDPOINTS.domain} />}
        {domain.error && <ErrorBox error={domain.error} />}
        {domain.loading && <Loading what="the policy" />}
        {domain.data && !domain.data.policy && <p className="muted">This domain follows the global policy only.</p>}
        {domain.data?.policy && (
          <>
            <p className="muted">
              The domain tightens the global policy in <code>{domain.data.policy.file}</code>:
            </p>
            <CodeBlock label="Domain policy" testId="domain-policy">
              {domain.data.policy.text}
            </CodeBlock>
          </>
        )}
      </Section>
      <Section title="Health" id="health">
        {!hasDomain && <Unavailable what="The domain's health" endpoint={'GET ' + ENDPOINTS.domain} />}
        {domain.data?.health && (
          <p data-testid="domain-health">
            {domain.data.health.products} products declared, {domain.data.health.published} published; lint
            findings: {domain.data.health.findings.error} errors, {domain.data.health.findings.warn} warnings,{' '}
            {domain.data.health.findings.info} notes.{' '}
            <Link to={'/governance?domain=' + enc(id)}>See the findings</Link>
          </p>
        )}
      </Section>
    </div>
  );
}
