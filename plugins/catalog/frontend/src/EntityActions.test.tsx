/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { act, fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { EntityActions } from './EntityActions';
import { renderInPortal } from './renderInPortal';

/** jsdom has no `Response`; the API client reads only these members. */
const response = (status: number, body?: unknown) =>
  ({
    ok: status < 400,
    status,
    json: async () => body,
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  }) as Response;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default', uid: 'uid-1' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

/** A stand-in catalog backend recording requests; `location` is what by-entity finds (404 when absent). */
function createBackend({
  location,
  refreshStatus = 200,
}: {
  location?: object;
  refreshStatus?: number;
} = {}) {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://portal');
    const request = `${init?.method ?? 'GET'} ${url.pathname}`;
    requests.push(request);
    if (request === 'POST /api/catalog/refresh') {
      return refreshStatus === 200
        ? response(200)
        : response(refreshStatus, {
            error: { name: 'NotAllowedError', message: 'You are not allowed catalog.entity.refresh' },
          });
    }
    if (request === 'GET /api/catalog/locations/by-entity/component/default/payments') {
      return location
        ? response(200, location)
        : response(404, { error: { name: 'NotFoundError', message: 'Found no location' } });
    }
    if (init?.method === 'DELETE') {
      return response(204);
    }
    throw new Error(`Unexpected request ${request}`);
  };
  return { fetch, requests };
}

function renderActions(backend: ReturnType<typeof createBackend>, allowed?: string[]) {
  return renderInPortal(
    <Routes>
      <Route path="/catalog" element={<p>Catalog index</p>} />
      <Route path="*" element={<EntityActions />} />
    </Routes>,
    {
      fetch: backend.fetch,
      entity,
      path: '/catalog/default/component/payments',
      ...(allowed ? { allowed } : {}),
    },
  );
}

/** Lets the permission answers arrive. */
const settle = () => act(async () => {});

describe('EntityActions', () => {
  it('shows no action to a user who may neither refresh nor unregister', async () => {
    const backend = createBackend();
    renderActions(backend, ['catalog.entity.read']);
    await settle();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows Refresh alone to a user who may only refresh, and schedules a refresh', async () => {
    const backend = createBackend();
    renderActions(backend, ['catalog.entity.refresh']);
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    expect((await screen.findByRole('status')).textContent).toContain('Refresh scheduled');
    expect(screen.queryByRole('button', { name: 'Unregister' })).toBeNull();
    expect(backend.requests).toEqual(['POST /api/catalog/refresh']);
  });

  it('says why a refresh failed', async () => {
    const backend = createBackend({ refreshStatus: 403 });
    renderActions(backend);
    fireEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not refresh');
    expect(alert.textContent).toContain('not allowed catalog.entity.refresh');
  });

  it('unregisters the location after confirmation and goes back to the catalog', async () => {
    const backend = createBackend({
      location: { id: 'loc-1', type: 'url', target: 'https://git.example/c.yaml' },
    });
    renderActions(backend);
    fireEvent.click(await screen.findByRole('button', { name: 'Unregister' }));
    const dialog = await screen.findByRole('dialog', { name: 'Unregister payments?' });
    expect(dialog.textContent).toContain('url:https://git.example/c.yaml');
    expect(backend.requests.some((r) => r.startsWith('DELETE'))).toBe(false);
    fireEvent.click(await screen.findByRole('button', { name: 'Unregister location' }));
    await screen.findByText('Catalog index');
    expect(backend.requests.at(-1)).toBe('DELETE /api/catalog/locations/loc-1');
  });

  it('offers deleting the entity alone when it has no registered location', async () => {
    const backend = createBackend();
    renderActions(backend, ['catalog.entity.delete']);
    fireEvent.click(await screen.findByRole('button', { name: 'Unregister' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete entity' }));
    await screen.findByText('Catalog index');
    expect(backend.requests).toEqual(['DELETE /api/catalog/entities/by-uid/uid-1']);
  });
});
