// The only page a visitor without a token sees. The token is checked against the API before it
// is kept (in this tab's sessionStorage; never in the URL).
import { useState, type FormEvent } from 'react';
import { ApiError, request } from '../api';

interface Props {
  notice: string;
  onSignedIn: (token: string) => void;
}

export function SignInPage({ notice, onSignedIn }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Paste your API token.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await request('/api/v1/products', {}, value);
      onSignedIn(value);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401
          ? 'The server does not accept this token: it is unknown, expired or revoked.'
          : 'Could not reach the server: ' + (caught as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin" id="main">
      <h1>Sign in to Meshwork</h1>
      <p>
        Meshwork signs you in with an API token. An administrator creates one for you with{' '}
        <code>mesh token create --person YOU</code>.
      </p>
      {notice && (
        <p className="notice" role="status" data-testid="signin-notice">
          {notice}
        </p>
      )}
      <form onSubmit={submit} aria-describedby="token-help">
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-error' : undefined}
          autoFocus
        />
        <p id="token-help" className="muted">
          Kept only in this browser tab until you sign out or close it.
        </p>
        {error && (
          <p id="token-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
