import { ErrorPanel, Progress } from '@atrium/plugin-api/frontend';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from './pages/SignInPage';
import { SignedInApp } from './SignedInApp';
import { type ShellServices, ShellServicesContext } from './services/ShellServices';
import { useRestoreSession } from './services/useRestoreSession';
import { useSession } from './services/useSession';
import { useShellServices } from './services/useShellServices';

/** Shows the app to a signed-in user and sends anyone else to sign-in, remembering where they were going. */
function RequireSession() {
  const state = useSession();
  const { sessions } = useShellServices();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return (
        <main className="shell-sign-in">
          <Progress label="Checking your session" />
        </main>
      );
    case 'failed':
      return (
        <main className="shell-sign-in">
          <ErrorPanel
            title="Could not reach Atrium to check your session"
            error={state.error}
            onRetry={() => sessions.set({ status: 'loading' })}
          />
        </main>
      );
    case 'signed-out':
      return (
        <Navigate
          to="/sign-in"
          replace
          state={{ from: `${location.pathname}${location.search}${location.hash}` }}
        />
      );
    default:
      // A new user means new caches: the key remounts everything behind sign-in.
      return <SignedInApp key={state.session.identity.userEntityRef} session={state.session} />;
  }
}

/** Asks the server for the session once the services are in context. */
function Routed() {
  useRestoreSession();
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="*" element={<RequireSession />} />
    </Routes>
  );
}

/** The portal shell: sign-in, and everything behind it. */
export function App({ services }: { services: ShellServices }) {
  return (
    <ShellServicesContext value={services}>
      <BrowserRouter>
        <Routed />
      </BrowserRouter>
    </ShellServicesContext>
  );
}
