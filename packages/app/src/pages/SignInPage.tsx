import {
  Button,
  Card,
  EmptyState,
  ErrorPanel,
  fromErrorResponse,
  type IconName,
  NotFoundError,
  Progress,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import type { SignInProvider } from '../services/SignInProvider';
import { type SessionBody, toSession } from '../services/toSession';
import { useSession } from '../services/useSession';
import { useShellServices } from '../services/useShellServices';
import { useSignInProviders } from '../services/useSignInProviders';
import { useDocumentTitle } from '../useDocumentTitle';

/** Where sign-in sends the user back to, kept in the location state by the redirect. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  // Same-origin paths only: `//host` would leave the portal.
  return typeof from === 'string' && /^\/(?![/\\])/.test(from) && !from.startsWith('/sign-in') ? from : '/';
}

/** What a provider's button says: "Sign in with Okta", "Sign in with GitHub". */
function buttonLabel(provider: SignInProvider): string {
  return /^sign in/i.test(provider.title) ? provider.title : `Sign in with ${provider.title}`;
}

const providerIcons: Record<string, IconName> = { github: 'git', oidc: 'shield' };

/** The buttons of the configured providers: guest signs in here, the others leave for their identity provider. */
function ProviderButtons({ providers, returnTo }: { providers: SignInProvider[]; returnTo: string }) {
  const { sessions, publicFetch, navigateAway } = useShellServices();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const signInAsGuest = async () => {
    setBusy('guest');
    setError(undefined);
    try {
      const response = await publicFetch('/api/core/auth/guest/sign-in', {
        method: 'POST',
        credentials: 'same-origin',
      });
      if (!response.ok) {
        throw await fromErrorResponse(response);
      }
      sessions.set({ status: 'signed-in', session: toSession((await response.json()) as SessionBody) });
    } catch (caught) {
      setError(caught);
      setBusy(undefined);
    }
  };
  const start = (provider: SignInProvider) => {
    setBusy(provider.id);
    navigateAway(
      `/api/core/auth/${encodeURIComponent(provider.id)}/start?returnTo=${encodeURIComponent(returnTo)}`,
    );
  };
  const others = providers.filter((provider) => provider.id !== 'guest');
  const guest = providers.find((provider) => provider.id === 'guest');
  return (
    <div className="shell-sign-in__providers">
      {others.map((provider) => (
        <Button
          key={provider.id}
          variant="primary"
          icon={providerIcons[provider.id] ?? 'user'}
          disabled={busy !== undefined}
          onClick={() => start(provider)}
        >
          {busy === provider.id ? 'Redirecting…' : buttonLabel(provider)}
        </Button>
      ))}
      {guest ? (
        <Button
          variant={others.length > 0 ? 'secondary' : 'primary'}
          icon="user"
          onClick={signInAsGuest}
          disabled={busy !== undefined}
        >
          {busy === 'guest' ? 'Signing in…' : 'Continue as guest'}
        </Button>
      ) : null}
      {error ? (
        <ErrorPanel
          title={error instanceof NotFoundError ? 'Guest sign-in is turned off' : 'Could not sign in'}
          error={error}
        />
      ) : null}
    </div>
  );
}

/**
 * The sign-in page: a button per configured provider (from the public provider
 * list), the reason a sign-in failed when the server sent one back in `?error=`,
 * and what to configure when no provider is.
 */
export function SignInPage() {
  const state = useSession();
  const providers = useSignInProviders();
  const location = useLocation();
  const [params] = useSearchParams();
  useDocumentTitle('Sign in');
  if (state.status === 'signed-in') {
    return <Navigate to={returnPath(location.state)} replace />;
  }
  const failure = params.get('error');
  let body: ReactNode;
  if (providers.status === 'loading') {
    body = <Progress label="Loading the sign-in options" />;
  } else if (providers.status === 'failed') {
    body = (
      <ErrorPanel
        title="Could not load the sign-in options"
        error={providers.error}
        onRetry={providers.retry}
      />
    );
  } else if (providers.providers.length === 0) {
    body = (
      <EmptyState
        icon="settings"
        title="No sign-in method is configured"
        description={
          <>
            Add one under <code>auth.providers</code> in <code>app-config.yaml</code> (<code>oidc</code> for
            Okta, Entra ID, Keycloak…, or <code>github</code>), or set <code>auth.guest.enabled: true</code>{' '}
            for local development, then restart Atrium.
          </>
        }
      />
    );
  } else {
    body = <ProviderButtons providers={providers.providers} returnTo={returnPath(location.state)} />;
  }
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
          {failure ? (
            <ErrorPanel title="Sign-in failed">
              <p className="shell-sign-in__failure">{failure}</p>
            </ErrorPanel>
          ) : null}
          {body}
        </div>
      </Card>
    </main>
  );
}
