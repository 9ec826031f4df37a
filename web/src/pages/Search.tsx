// Search: ranked results as you type (the catalog's full-text index: names, descriptions, tags,
// field names), narrowed by domain, tag, classification and owner. The query and filters live in
// the URL so a search can be shared.
import { useEffect, useMemo, useState } from 'react';
import { apiPath } from '../api';
import { useApi } from '../hooks';
import { Link, navigate, useLocation } from '../router';
import { ErrorBox, Loading, Tag } from '../components/States';
import type { ProductSummary, SearchHit } from '../types';

const FILTERS = ['domain', 'tag', 'classification', 'owner'] as const;
type Filter = (typeof FILTERS)[number];

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SearchPage() {
  const { query } = useLocation();
  const [text, setText] = useState(query.get('q') ?? '');
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])) as Record<
    Filter,
    string
  >;
  const words = useDebounced(text.trim(), 120);
  useEffect(() => {
    document.title = 'Search · Meshwork';
  }, []);
  // Keeps ?q= in step with the typed words. Only while this page is shown and only on a change:
  // the effect may run after a click on another page's link has already navigated away (it
  // would send the user back here), and on mount there is nothing to write.
  useEffect(() => {
    if (location.pathname !== '/') return;
    const next = new URLSearchParams(location.search);
    if (words) next.set('q', words);
    else next.delete('q');
    const search = next.toString();
    if (search === new URLSearchParams(location.search).toString()) return;
    navigate('/' + (search ? '?' + search : ''), true);
  }, [words]);

  const products = useApi<ProductSummary[]>(apiPath('/products'));
  const hits = useApi<SearchHit[]>(
    words ? apiPath('/search', { q: words, domain: filters.domain, tag: filters.tag, limit: 50 }) : null,
  );
  const byName = useMemo(
    () => new Map((products.data ?? []).map((product) => [product.name, product])),
    [products.data],
  );

  const setFilter = (name: Filter, value: string) => {
    const next = new URLSearchParams(location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate('/?' + next.toString(), true);
  };

  const results: Array<{ product: ProductSummary | undefined; hit?: SearchHit; name: string }> =
    words
      ? (hits.data ?? []).map((hit) => ({ name: hit.product, hit, product: byName.get(hit.product) }))
      : (products.data ?? []).map((product) => ({ name: product.name, product }));
  const shown = results.filter(({ product, hit }) => {
    const domain = product?.domain ?? hit?.domain;
    if (filters.domain && domain !== filters.domain) return false;
    if (filters.tag && !product?.tags.includes(filters.tag)) return false;
    if (filters.owner && product?.owner !== filters.owner) return false;
    if (filters.classification && product?.classification !== filters.classification) return false;
    return true;
  });

  const options = (pick: (p: ProductSummary) => Array<string | undefined>) =>
    [...new Set((products.data ?? []).flatMap(pick).filter((v): v is string => !!v))].sort();
  const choices: Record<Filter, string[]> = {
    domain: options((p) => [p.domain]),
    tag: options((p) => p.tags),
    classification: options((p) => [p.classification]),
    owner: options((p) => [p.owner]),
  };

  return (
    <div className="search-page">
      <h1>Find a data product</h1>
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="q">Search names, descriptions, tags and field names</label>
        <input
          id="q"
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="e.g. casualties, commander_email, kpi"
          autoFocus
          autoComplete="off"
        />
        <fieldset className="filters">
          <legend className="visually-hidden">Filters</legend>
          {FILTERS.map((name) => (
            <label key={name}>
              <span>{name[0].toUpperCase() + name.slice(1)}</span>
              <select
                aria-label={name[0].toUpperCase() + name.slice(1)}
                value={filters[name]}
                onChange={(event) => setFilter(name, event.target.value)}
                disabled={choices[name].length === 0 && !filters[name]}
              >
                <option value="">any</option>
                {choices[name].map((choice) => (
                  <option key={choice} value={choice}>
                    {choice}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      </form>
      {(products.error || hits.error) && <ErrorBox error={(products.error ?? hits.error)!} />}
      {(products.loading || hits.loading) && <Loading what="results" />}
      <p className="muted" role="status" aria-live="polite" data-testid="result-count">
        {words
          ? `${shown.length} result${shown.length === 1 ? '' : 's'} for “${words}”, best first`
          : `${shown.length} published product${shown.length === 1 ? '' : 's'}`}
      </p>
      <ol className="results" aria-label="Search results">
        {shown.map(({ name, product, hit }) => (
          <li key={name}>
            <Link to={'/products/' + encodeURIComponent(name)} className="result-name">
              {name}
            </Link>
            <span className="muted">
              {' '}
              in <Link to={'/domains/' + encodeURIComponent(product?.domain ?? hit?.domain ?? '')}>
                {product?.domain ?? hit?.domain}
              </Link>
              {product && <> · owned by {product.owner}</>}
              {product?.version && <> · v{product.version}</>}
            </span>
            <p>{product?.description ?? hit?.description}</p>
            <div className="tags">
              {product?.classification && <Tag kind={product.classification}>{product.classification}</Tag>}
              {product?.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
