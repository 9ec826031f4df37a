// The shell: sign-in gate, navigation, and the page the path names. Nothing but the sign-in page
// renders without a token, and a 401 from any call brings the visitor back to it.
import { useEffect, useRef, useState } from 'react';
import { getJson, session } from './api';
import { Capabilities } from './capabilities';
import { AppContext, type AppState, type Me } from './context';
import { Link, matchPath, navigate, useLocation } from './router';
import { ErrorBox, Loading } from './components/States';
import { SignInPage } from './pages/SignIn';
import { SearchPage } from './pages/Search';
import { ProductPage } from './pages/Product';
import { DomainPage, DomainsPage } from './pages/Domain';
import { GovernancePage } from './pages/Governance';
import { InboxPage } from './pages/Inbox';
import { UsagePage } from './pages/Usage';

const NAV = [
  { to: '/', label: 'Search' },
  { to: '/domains', label: 'Domains' },
  { to: '/governance', label: 'Governance' },
  { to: '/inbox', label: 'Inbox' },
  { to: '/usage', label: 'Usage & health' },
];

export function App() {
  const [token, setToken] = useState(session.token());
  const [notice, setNotice] = useState('');
  useEffect(() => {
    session.onSignOut((reason) => {
      setNotice(reason);
      setToken(null);
    });
  }, []);
  if (!token) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(value) => {
          session.signIn(value);
          setNotice('');
          setToken(value);
        }}
      />
    );
  }
  return <SignedIn key={token} />;
}

function SignedIn() {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    (async () => {
      const capabilities = await Capabilities.load();
      let me: Me | null = null;
      if (capabilities.has('GET', '/api/v1/me')) me = await getJson<Me>('/api/v1/me');
      setState({ capabilities, me });
    })().catch(setError);
  }, []);
  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <Header me={state?.me ?? null} />
      <main id="main" tabIndex={-1}>
        {error && <ErrorBox error={error} />}
        {!error && !state && <Loading what="the server's API" />}
        {state && (
          <AppContext.Provider value={state}>
            <Page />
          </AppContext.Provider>
        )}
      </main>
    </div>
  );
}

function Header({ me }: { me: Me | null }) {
  const { path } = useLocation();
  const current = (to: string) =>
    to === '/' ? path === '/' || path === '/search' : path.startsWith(to);
  return (
    <header className="top">
      <Link to="/" className="brand">
        Meshwork
      </Link>
      <nav aria-label="Main">
        <ul>
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={current(item.to) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="who">
        {me && (
          <span data-testid="me">
            {me.person}
            {me.teams.length > 0 && <span className="muted"> ({me.teams.join(', ')})</span>}
          </span>
        )}
        <button type="button" className="link" onClick={() => session.signOut('You signed out.')}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function Page() {
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    // A new page: move focus to it so keyboard and screen reader users start at its top.
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [path]);
  let params: Record<string, string> | null;
  if (path === '/' || path === '/search') return <SearchPage />;
  if ((params = matchPath('/products/:name', path))) return <ProductPage name={params.name} />;
  if (path === '/domains') return <DomainsPage />;
  if ((params = matchPath('/domains/:id', path))) return <DomainPage id={params.id} />;
  if (path === '/governance') return <GovernancePage />;
  if (path === '/inbox') return <InboxPage />;
  if (path === '/usage') return <UsagePage />;
  return (
    <div>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. <Link to="/">Search the mesh</Link> instead.
      </p>
    </div>
  );
}

export { navigate };
