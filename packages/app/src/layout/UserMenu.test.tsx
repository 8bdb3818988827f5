/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse } from '../testing/jsonResponse';
import { renderInShell } from '../testing/renderInShell';
import { UserMenu } from './UserMenu';

const identity = {
  userEntityRef: 'user:default/ada',
  ownershipEntityRefs: ['user:default/ada'],
  roles: ['catalog-admin'],
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
};

/** Clicks the account button: the first click loads the menu's code and opens it. */
async function openMenu() {
  const button = screen.getByRole('button', { name: 'Account: Ada Lovelace' });
  fireEvent.click(button);
  return screen.findByRole('menu', { name: 'Account: Ada Lovelace' });
}

describe('UserMenu', () => {
  it('says who is signed in and links to their catalog page and API tokens', async () => {
    renderInShell(<UserMenu />, { identity });
    const menu = await openMenu();
    expect(menu.textContent).toContain('user:default/ada');
    expect(menu.textContent).toContain('ada@example.com');
    expect(menu.textContent).toContain('catalog-admin');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'My catalog page',
      'API tokens',
      'Settings',
      'Sign out',
    ]);
  });

  it('signs out on the server with the CSRF token, then forgets the session', async () => {
    const shell = renderInShell(<UserMenu />, {
      identity,
      routes: { 'POST /api/core/auth/sign-out': () => jsonResponse(undefined, 204) },
    });
    await openMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(shell.sessions.get()).toEqual({ status: 'signed-out' }));
    expect(shell.requests[0]?.headers.get('x-atrium-csrf')).toBe('csrf-test');
  });

  it('stays signed in and says so when sign-out fails', async () => {
    const shell = renderInShell(<UserMenu />, {
      identity,
      routes: {
        'POST /api/core/auth/sign-out': () =>
          jsonResponse({ error: { name: 'ServiceUnavailableError', message: 'database down' } }, 503),
      },
    });
    await openMenu();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not sign out: database down');
    expect(shell.sessions.get().status).toBe('signed-in');
  });
});
