// How a page says it is loading, failed, or that this server lacks the API it needs.
import type { ReactNode } from 'react';
import { ApiError } from '../api';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error }: { error: Error }) {
  const status = error instanceof ApiError ? ` (${error.status} ${error.code})` : '';
  return (
    <div className="error" role="alert">
      <strong>Could not load this{status}.</strong> {error.message}
    </div>
  );
}

// The API this part of the UI needs is not on this server (its OpenAPI document lacks it).
export function Unavailable({ what, endpoint }: { what: string; endpoint: string }) {
  return (
    <div className="unavailable" data-testid="unavailable">
      <strong>{what}: not available on this server.</strong>{' '}
      <span className="muted">
        It needs <code>{endpoint}</code>, which this server's API does not offer yet.
      </span>
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = (id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')) + '-heading';
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

export function Tag({ children, kind }: { children: ReactNode; kind?: string }) {
  return <span className={'tag' + (kind ? ' tag-' + kind : '')}>{children}</span>;
}
