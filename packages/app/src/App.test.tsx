/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { createPluginLoader } from './plugins/createPluginLoader';
import { createAuthenticatedFetch } from './services/createAuthenticatedFetch';
import { createRecentlyVisitedStore } from './services/createRecentlyVisitedStore';
import { createSessionStore } from './services/createSessionStore';
import { createThemeStore } from './services/createThemeStore';
import type { ShellServices } from './services/ShellServices';
import { createFakeServer, type FakeRoute } from './testing/createFakeServer';
import { jsonResponse } from './testing/jsonResponse';

/** The whole shell in jsdom at `path`, against a fake server. */
function renderApp(path: string, routes: Record<string, FakeRoute>) {
  window.history.replaceState(null, '', path);
  const { serve, requests } = createFakeServer(routes);
  const sessions = createSessionStore();
  const fetch = createAuthenticatedFetch(sessions, serve, 'http://localhost');
  const services: ShellServices = {
    sessions,
    fetch,
    publicFetch: serve,
    theme: createThemeStore(window.localStorage, document.documentElement),
    recentlyVisited: createRecentlyVisitedStore(window.localStorage),
    pluginLoader: createPluginLoader({ registerRemotes: () => undefined, loadRemote: async () => null }),
    createPermissions: () => ({ authorize: async () => ({ allowed: false }) }),
    navigateAway: jest.fn(),
  };
  render(<App services={services} />);
  return { requests, sessions };
}

const providers = () => jsonResponse({ providers: [{ id: 'guest', title: 'Guest' }] });

describe('App', () => {
  it('asks the server who the cookie belongs to and sends a stranger to sign-in', async () => {
    const { requests } = renderApp('/catalog?kind=api', {
      'GET /api/core/auth/me': () =>
        jsonResponse({ error: { name: 'AuthenticationError', message: 'no' } }, 401),
      'GET /api/core/auth/providers': providers,
    });
    await screen.findByRole('button', { name: 'Continue as guest' });
    expect(window.location.pathname).toBe('/sign-in');
    expect(requests[0]?.url).toBe('/api/core/auth/me');
  });

  it('opens the portal for a live session, with the identity from /me', async () => {
    renderApp('/', {
      'GET /api/core/auth/me': () =>
        jsonResponse({
          identity: {
            userEntityRef: 'user:default/ada',
            ownershipEntityRefs: ['user:default/ada'],
            roles: [],
            displayName: 'Ada Lovelace',
          },
          csrfToken: 'c1',
        }),
      'GET /api/core/plugins': () => jsonResponse({ items: [] }),
    });
    await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' });
    expect(window.location.pathname).toBe('/');
  });

  it('says when the session cannot be checked, and checks again on request', async () => {
    let calls = 0;
    renderApp('/', {
      'GET /api/core/auth/me': () =>
        ++calls === 1
          ? jsonResponse({ error: { name: 'ServiceUnavailableError', message: 'database down' } }, 503)
          : jsonResponse({ error: { name: 'AuthenticationError', message: 'no' } }, 401),
      'GET /api/core/auth/providers': providers,
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach Atrium to check your session');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Continue as guest' });
  });
});
