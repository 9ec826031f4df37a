// The owners' inbox: access requests waiting for a decision on products the signed-in person's
// teams own, incidents not yet closed (open or acknowledged) and open consumer reports, of the
// products that concern them (the API leaves out the rest).
import { useEffect, useState } from 'react';
import { apiPath, enc, sendJson } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { useApi } from '../hooks';
import { Link } from '../router';
import { ErrorBox, Loading, Section, Unavailable } from '../components/States';

interface AccessRequest {
  id: number;
  product: string;
  team: string;
  person: string;
  purpose: string;
  level: string;
  pii: boolean;
  status: string;
  requested_at: string;
}

export function InboxPage() {
  useEffect(() => {
    document.title = 'Inbox · Meshwork';
  }, []);
  return (
    <div>
      <h1>Owners' inbox</h1>
      <AccessRequests />
      {/* `active`: the API's "not closed", open or acknowledged (docs/api.md). */}
      <OpenItems title="Open incidents" endpoint={ENDPOINTS.incidents} path="/incidents" status="active" testId="inbox-incidents" />
      <OpenItems title="Open consumer reports" endpoint={ENDPOINTS.reports} path="/reports" status="open" testId="inbox-reports" />
    </div>
  );
}

function AccessRequests() {
  const { capabilities } = useApp();
  const has = capabilities.has('GET', ENDPOINTS.accessRequests);
  const requests = useApi<AccessRequest[]>(has ? apiPath('/access/requests', { status: 'pending', decidable: 'true' }) : null);
  return (
    <Section title="Access requests" id="access-requests">
      {!has && <Unavailable what="Access requests" endpoint={'GET ' + ENDPOINTS.accessRequests} />}
      {requests.error && <ErrorBox error={requests.error} />}
      {requests.loading && <Loading what="access requests" />}
      {requests.data && requests.data.length === 0 && <p className="muted">No access requests wait for you.</p>}
      <ul className="plain" data-testid="access-requests">
        {(requests.data ?? []).map((request) => (
          <RequestItem key={request.id} request={request} onDecided={requests.reload} />
        ))}
      </ul>
    </Section>
  );
}

function RequestItem({ request, onDecided }: { request: AccessRequest; onDecided: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const decide = async (verb: 'approve' | 'deny') => {
    setError(null);
    try {
      await sendJson('POST', `/api/v1/access/requests/${request.id}/${verb}`, { note });
      onDecided();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const noteId = `note-${request.id}`;
  return (
    <li className="card inner" data-testid={`access-request-${request.id}`}>
      <p>
        <strong>{request.person}</strong> asks for team <strong>{request.team}</strong> to read{' '}
        <Link to={'/products/' + enc(request.product)}>{request.product}</Link> at level <strong>{request.level}</strong>
        {request.pii ? ' including personal data' : ''}.
      </p>
      <p>
        Purpose: <q>{request.purpose}</q> <span className="muted">({request.requested_at})</span>
      </p>
      <label htmlFor={noteId}>Note (optional; required to deny)</label>
      <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} />
      {error && <ErrorBox error={error} />}
      <div className="actions">
        <button type="button" onClick={() => decide('approve')}>
          Approve request {request.id}
        </button>
        <button type="button" className="secondary" onClick={() => decide('deny')}>
          Deny request {request.id}
        </button>
      </div>
    </li>
  );
}

interface OpenItem {
  id: number;
  product: string;
  status: string;
  kind?: string;
  title?: string;
  summary?: string;
}

function OpenItems(props: { title: string; endpoint: string; path: string; status: string; testId: string }) {
  const { title, endpoint, path, status, testId } = props;
  const { capabilities } = useApp();
  const has = capabilities.has('GET', endpoint);
  const items = useApi<OpenItem[]>(has ? apiPath(path, { status }) : null);
  return (
    <Section title={title}>
      {!has && <Unavailable what={title} endpoint={'GET ' + endpoint} />}
      {items.error && <ErrorBox error={items.error} />}
      {items.loading && <Loading what={title.toLowerCase()} />}
      {items.data && items.data.length === 0 && <p className="muted">Nothing open.</p>}
      <ul data-testid={testId}>
        {(items.data ?? []).map((item) => (
          <li key={item.id} data-testid={`${testId}-${item.id}`}>
            #{item.id} <Link to={'/products/' + enc(item.product)}>{item.product}</Link>: {item.kind && <strong>{item.kind} </strong>}
            {item.title ?? item.summary} ({item.status})
          </li>
        ))}
      </ul>
    </Section>
  );
}
