// "Request access": a consumer asks, for one of their teams, to read a product at a
// classification level (and optionally its personal data), saying why. The product's owners
// decide in their inbox.
import { useState, type FormEvent } from 'react';
import { sendJson } from '../api';
import { useApp } from '../context';
import { ENDPOINTS } from '../endpoints';
import { ErrorBox, Unavailable } from './States';

const LEVELS = ['public', 'internal', 'confidential', 'restricted'];

interface Props {
  product: string;
  classification: string;
}

export function RequestAccess({ product, classification }: Props) {
  const { capabilities, me } = useApp();
  const teams = me?.teams ?? [];
  const [team, setTeam] = useState(teams[0] ?? '');
  const [level, setLevel] = useState(LEVELS.includes(classification) ? classification : 'internal');
  const [pii, setPii] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [sent, setSent] = useState<{ id: number; status: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (!capabilities.has('POST', ENDPOINTS.accessRequests)) {
    return <Unavailable what="Requesting access" endpoint={'POST ' + ENDPOINTS.accessRequests} />;
  }
  if (sent) {
    return (
      <p className="notice" role="status" data-testid="request-sent">
        Access request {sent.id} sent ({sent.status}). The owners of {product} decide in their inbox.
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setSent(await sendJson('POST', ENDPOINTS.accessRequests, { product, team, level, pii, purpose }));
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="request-access-heading">
      <h3 id="request-access-heading">Request access</h3>
      <label>
        <span>For team</span>
        {teams.length > 0 ? (
          <select value={team} onChange={(event) => setTeam(event.target.value)} required>
            {teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        ) : (
          <input value={team} onChange={(event) => setTeam(event.target.value)} required />
        )}
      </label>
      <label>
        <span>Level</span>
        <select value={level} onChange={(event) => setLevel(event.target.value)}>
          {LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={pii} onChange={(event) => setPii(event.target.checked)} />
        <span>Also personal data (fields tagged pii)</span>
      </label>
      <label>
        <span>Purpose</span>
        <textarea
          value={purpose}
          onChange={(event) => setPurpose(event.target.value)}
          required
          minLength={10}
          rows={3}
          placeholder="What you will use the data for, and for how long"
        />
      </label>
      {error && <ErrorBox error={error} />}
      <button type="submit">Send access request</button>
    </form>
  );
}
