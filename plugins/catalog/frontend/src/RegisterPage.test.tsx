/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { RegisterPage } from './RegisterPage';
import { renderInPortal } from './renderInPortal';

/** jsdom has no `Response`; the API client reads only these members. */
const jsonResponse = (body: unknown, status = 200) =>
  ({ ok: status < 400, status, json: async () => body, text: async () => JSON.stringify(body) }) as Response;

const target = 'https://git.example/org/payments/catalog-info.yaml';

const previewEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-service', namespace: 'default' },
    spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'openapi', owner: 'payments', lifecycle: 'production' },
  },
];

/** A stand-in catalog backend: a dry run, a registration, and an ingestion that finishes on the third poll. */
function createRegisterBackend({ dryRunError }: { dryRunError?: string } = {}) {
  const requests: Array<{ url: URL; method: string; body?: unknown }> = [];
  let polls = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://portal');
    const method = init?.method ?? 'GET';
    requests.push({ url, method, ...(init?.body ? { body: JSON.parse(String(init.body)) } : {}) });
    if (method === 'POST' && url.pathname === '/api/catalog/locations') {
      if (url.searchParams.get('dryRun') === 'true') {
        if (dryRunError) {
          return jsonResponse({ error: { name: 'InputError', message: dryRunError } }, 400);
        }
        return jsonResponse(
          { location: { id: `url:${target}` }, entities: previewEntities, exists: false },
          201,
        );
      }
      return jsonResponse({ location: { id: 'loc-1', type: 'url', target }, entities: [] }, 201);
    }
    if (url.pathname === '/api/catalog/locations/loc-1/status') {
      polls += 1;
      const done = polls >= 3;
      return jsonResponse({
        entitiesRead: done ? 2 : 1,
        errors: [],
        inProgress: !done,
        ...(done ? { lastRefreshAt: '2026-01-01T00:00:00Z' } : {}),
      });
    }
    return jsonResponse({ error: { name: 'NotFoundError', message: 'no' } }, 404);
  };
  return { fetch, requests, polls: () => polls };
}

const analyze = async () => {
  fireEvent.change(await screen.findByLabelText('URL of the catalog-info.yaml'), {
    target: { value: ` ${target} ` },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
};

describe('RegisterPage', () => {
  it('previews a dry run, registers, follows the ingestion and links to the new entities', async () => {
    const backend = createRegisterBackend();
    renderInPortal(<RegisterPage />, { fetch: backend.fetch, path: '/catalog/register' });
    await analyze();
    const preview = await screen.findByRole('table', { name: 'Entities in this location' });
    expect(preview.textContent).toContain('payments-service');
    expect(preview.textContent).toContain('payments-api');
    expect(screen.getByText(/2 entities will be added/)).toBeTruthy();
    // The preview names owners but does not link entities that do not exist yet.
    expect(screen.queryByRole('link', { name: 'payments-service' })).toBeNull();
    expect(backend.requests[0]).toMatchObject({ method: 'POST', body: { type: 'url', target } });
    expect(backend.requests[0]?.url.searchParams.get('dryRun')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    await screen.findByText(/Reading the location/);
    await screen.findByText(/Registered\. 2 entities read/, undefined, { timeout: 5000 });
    expect(backend.polls()).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole('link', { name: 'payments-service' }).getAttribute('href')).toBe(
      '/catalog/default/component/payments-service',
    );
    const registration = backend.requests.find(
      (r) => r.method === 'POST' && !r.url.searchParams.has('dryRun'),
    );
    expect(registration?.body).toEqual({ type: 'url', target });
  });

  it('lists each problem of a failed dry run on its own line and registers nothing', async () => {
    const backend = createRegisterBackend({
      dryRunError:
        'catalog-info.yaml document 1: kind Group is not allowed; catalog-info.yaml document 2: /spec/owner is required',
    });
    renderInPortal(<RegisterPage />, { fetch: backend.fetch, path: '/catalog/register' });
    await analyze();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This location cannot be registered');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'catalog-info.yaml document 1: kind Group is not allowed',
      'catalog-info.yaml document 2: /spec/owner is required',
    ]);
    expect(screen.queryByRole('button', { name: 'Register' })).toBeNull();
    await waitFor(() => expect(backend.requests).toHaveLength(1));
  });

  it('tells users without catalog.location.create who can register, and shows no form', async () => {
    const backend = createRegisterBackend();
    renderInPortal(<RegisterPage />, { fetch: backend.fetch, path: '/catalog/register', allowed: [] });
    expect(await screen.findByText('You cannot register software')).toBeTruthy();
    expect(screen.queryByLabelText('URL of the catalog-info.yaml')).toBeNull();
    expect(backend.requests).toEqual([]);
  });
});
