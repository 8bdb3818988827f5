/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { jsonResponse } from '../testing/jsonResponse';
import { type RenderInShellOptions, renderInShell } from '../testing/renderInShell';
import { SignInPage } from './SignInPage';

const providers = (list: Array<{ id: string; title: string }>) => () => jsonResponse({ providers: list });

/** The sign-in page for a visitor without a session. */
function renderSignIn(
  routes: RenderInShellOptions['routes'],
  router: RenderInShellOptions['router'] = { initialEntries: ['/sign-in'] },
) {
  const shell = renderInShell(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="*" element={<p>Signed in at the app</p>} />
    </Routes>,
    { ...(routes ? { routes } : {}), router, signedOut: true },
  );
  return shell;
}

describe('SignInPage', () => {
  it('offers a button per provider and starts the provider with the page to return to', async () => {
    const shell = renderSignIn(
      {
        'GET /api/core/auth/providers': providers([
          { id: 'oidc', title: 'Okta' },
          { id: 'github', title: 'GitHub' },
          { id: 'guest', title: 'Guest' },
        ]),
      },
      { initialEntries: [{ pathname: '/sign-in', state: { from: '/catalog?kind=api' } }] },
    );
    await screen.findByRole('button', { name: 'Sign in with Okta' });
    expect(screen.getByRole('button', { name: 'Sign in with GitHub' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Continue as guest' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Okta' }));
    expect(shell.navigateAway).toHaveBeenCalledWith(
      '/api/core/auth/oidc/start?returnTo=%2Fcatalog%3Fkind%3Dapi',
    );
  });

  it('never sends the user back to another site', async () => {
    const shell = renderSignIn(
      { 'GET /api/core/auth/providers': providers([{ id: 'github', title: 'GitHub' }]) },
      { initialEntries: [{ pathname: '/sign-in', state: { from: '//evil.example/x' } }] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with GitHub' }));
    expect(shell.navigateAway).toHaveBeenCalledWith('/api/core/auth/github/start?returnTo=%2F');
  });

  it('shows why a sign-in failed', async () => {
    renderSignIn(
      { 'GET /api/core/auth/providers': providers([{ id: 'oidc', title: 'Okta' }]) },
      {
        initialEntries: ['/sign-in?error=No%20user%20in%20the%20catalog%20matches%20ada%40example.com'],
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed');
    expect(alert.textContent).toContain('No user in the catalog matches ada@example.com');
  });

  it('says what to configure when no provider is', async () => {
    renderSignIn({ 'GET /api/core/auth/providers': providers([]) });
    await screen.findByText('No sign-in method is configured');
    expect(document.body.textContent).toContain('auth.guest.enabled: true');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('signs in as the guest with a cookie and keeps the CSRF token, not the bearer token', async () => {
    const shell = renderSignIn({
      'GET /api/core/auth/providers': providers([{ id: 'guest', title: 'Guest' }]),
      'POST /api/core/auth/guest/sign-in': () =>
        jsonResponse({
          token: 'bearer-secret',
          expiresAt: '2030-01-01T00:00:00Z',
          identity: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [], roles: [] },
          csrfToken: 'csrf-guest',
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Continue as guest' }));
    await screen.findByText('Signed in at the app');
    expect(shell.sessions.session()).toEqual({
      identity: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [], roles: [] },
      csrfToken: 'csrf-guest',
    });
  });

  it('shows a failed provider list with a way to try again', async () => {
    let calls = 0;
    renderSignIn({
      'GET /api/core/auth/providers': () =>
        ++calls === 1 ? jsonResponse(undefined, 502) : providers([{ id: 'guest', title: 'Guest' }])(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Continue as guest' });
  });
});
