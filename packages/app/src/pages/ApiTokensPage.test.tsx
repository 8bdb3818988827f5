/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApiToken } from '../services/ApiToken';
import type { SeenRequest } from '../testing/createFakeServer';
import { giveElementsASize } from '../testing/giveElementsASize';
import { jsonResponse } from '../testing/jsonResponse';
import { renderInShell } from '../testing/renderInShell';
import { ApiTokensPage } from './ApiTokensPage';

const ciToken: ApiToken = {
  id: 'a1',
  name: 'CI deploy',
  scopes: ['catalog.entity.read'],
  createdAt: '2026-11-01T10:00:00Z',
  expiresAt: '2099-01-01T00:00:00Z',
};

/** A fake token API keeping its tokens in memory. */
function tokenApi(initial: ApiToken[]) {
  let tokens = [...initial];
  return {
    'GET /api/core/auth/tokens': () => jsonResponse({ items: tokens }),
    'POST /api/core/auth/tokens': (request: SeenRequest) => {
      const body = request.body as { name: string; scopes: string[]; expiresInDays: number };
      if (!body.name) {
        return jsonResponse({ error: { name: 'InputError', message: 'name must not be empty' } }, 400);
      }
      const created = { ...ciToken, id: 'b2', name: body.name, scopes: body.scopes };
      tokens = [created, ...tokens];
      return jsonResponse({ ...created, token: 'atr_b2_secretsecret' }, 201);
    },
    'DELETE /api/core/auth/tokens/a1': () => {
      tokens = tokens.map((t) => (t.id === 'a1' ? { ...t, revokedAt: '2026-11-29T00:00:00Z' } : t));
      return jsonResponse(undefined, 204);
    },
  };
}

describe('ApiTokensPage', () => {
  let restoreSizes: () => void;
  beforeAll(() => {
    restoreSizes = giveElementsASize();
  });
  afterAll(() => restoreSizes());

  it('says what tokens are for when there are none', async () => {
    renderInShell(<ApiTokensPage />, { routes: tokenApi([]) });
    await screen.findByText('No API tokens yet');
    expect(document.body.textContent).toMatch(/CLI.*CI job/);
  });

  it('creates a token with the default scope and shows its secret once', async () => {
    const shell = renderInShell(<ApiTokensPage />, { routes: tokenApi([]) });
    await screen.findByText('No API tokens yet');
    fireEvent.click(screen.getAllByRole('button', { name: 'Create token' })[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: 'Create an API token' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'laptop CLI' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create token' }));
    const secret = (await screen.findByLabelText('New API token')) as HTMLInputElement;
    expect(secret.value).toBe('atr_b2_secretsecret');
    expect(document.body.textContent).toContain('shown only once');
    const create = shell.requests.find((r) => r.method === 'POST');
    expect(create?.body).toEqual({ name: 'laptop CLI', expiresInDays: 30, scopes: ['catalog.entity.read'] });
    expect(create?.headers.get('x-atrium-csrf')).toBe('csrf-test');
    await screen.findByRole('table', { name: 'API tokens' });

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New API token')).toBeNull();
  });

  it('shows why a token could not be created, in the dialog', async () => {
    renderInShell(<ApiTokensPage />, { routes: tokenApi([ciToken]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create an API token' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '   ' } });
    fireEvent.submit(within(dialog).getByLabelText('Name').closest('form') as HTMLFormElement);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('InputError: name must not be empty');
  });

  it('revokes a token only after confirmation', async () => {
    const shell = renderInShell(<ApiTokensPage />, { routes: tokenApi([ciToken]) });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke CI deploy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke “CI deploy”?' });
    expect(shell.requests.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Revoke CI deploy' })).toBeNull());
    expect(screen.getByText('revoked')).toBeTruthy();
    expect(shell.requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/core/auth/tokens/a1');
  });
});
