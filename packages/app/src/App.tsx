import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SignInPage } from './pages/SignInPage';
import { SignedInApp } from './SignedInApp';
import { type ShellServices, ShellServicesContext } from './services/ShellServices';
import { useSession } from './services/useSession';

/** Sends a signed-out user to sign-in, remembering where they were going. */
function RequireSession({
  children,
}: {
  children: (session: NonNullable<ReturnType<typeof useSession>>) => ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return (
      <Navigate
        to="/sign-in"
        replace
        state={{ from: `${location.pathname}${location.search}${location.hash}` }}
      />
    );
  }
  return children(session);
}

/** The portal shell: sign-in, and everything behind it. */
export function App({ services }: { services: ShellServices }) {
  return (
    <ShellServicesContext value={services}>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route
            path="*"
            element={<RequireSession>{(session) => <SignedInApp session={session} />}</RequireSession>}
          />
        </Routes>
      </BrowserRouter>
    </ShellServicesContext>
  );
}
