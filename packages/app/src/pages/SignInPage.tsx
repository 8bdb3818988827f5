import { Button, Card, ErrorPanel, fromErrorResponse, NotFoundError } from '@atrium/plugin-api/frontend';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Session } from '../services/Session';
import { useSession } from '../services/useSession';
import { useShellServices } from '../services/useShellServices';
import { useDocumentTitle } from '../useDocumentTitle';

/** Where sign-in sends the user back to, kept in the location state by the redirect. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/sign-in') ? from : '/';
}

/**
 * The sign-in page. Guest sign-in is the one provider for now (development);
 * other providers add a button here that ends in the same `sessions.set`.
 */
export function SignInPage() {
  const { sessions, publicFetch } = useShellServices();
  const session = useSession();
  const location = useLocation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle('Sign in');
  if (session) {
    return <Navigate to={returnPath(location.state)} replace />;
  }
  const signInAsGuest = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await publicFetch('/api/core/auth/guest/sign-in', { method: 'POST' });
      if (!response.ok) {
        throw await fromErrorResponse(response);
      }
      sessions.set((await response.json()) as Session);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <main className="shell-sign-in">
      <Card>
        <div className="shell-sign-in__body">
          <div className="shell-brand shell-brand--large" aria-hidden="true">
            <span className="shell-brand__mark">A</span>
          </div>
          <h1 className="shell-sign-in__title">Sign in to Atrium</h1>
          <p className="shell-muted">
            Your organisation's software, its owners and its standards, in one place.
          </p>
          <Button variant="primary" icon="user" onClick={signInAsGuest} disabled={busy}>
            {busy ? 'Signing in…' : 'Continue as guest'}
          </Button>
          {error ? (
            <ErrorPanel
              title={error instanceof NotFoundError ? 'Guest sign-in is turned off' : 'Could not sign in'}
              error={error}
            />
          ) : null}
        </div>
      </Card>
    </main>
  );
}
