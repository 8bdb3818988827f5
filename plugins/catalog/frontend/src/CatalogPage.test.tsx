/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePluginManifest } from '@atrium/plugin-api';
import type { Entity } from '@atrium/plugin-api/frontend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { CatalogPage } from './CatalogPage';
import { renderInPortal } from './renderInPortal';

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
});

/** Shows the page's URL query, where the filters live. */
function ShowSearch() {
  return <output data-testid="search">{useLocation().search}</output>;
}

/** jsdom has no `Response`; the API client reads only these members. */
const jsonResponse = (body: unknown, status = 200) =>
  ({ ok: status < 400, status, json: async () => body, text: async () => JSON.stringify(body) }) as Response;

const errorBody = { error: { name: 'ServiceUnavailableError', message: 'The store is down' } };

/** A stand-in catalog backend: two pages of components, and the kind facets. */
function createCatalogBackend({ failing = false, empty = false, firstPage = Promise.resolve() } = {}) {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://portal');
    requests.push(url);
    if (url.pathname === '/api/catalog/entities/by-query') {
      await firstPage;
    }
    if (url.pathname === '/api/catalog/entity-facets') {
      return jsonResponse({
        facets: {
          kind: [
            { value: 'Component', count: 3 },
            { value: 'API', count: 1 },
          ],
          'spec.type': [{ value: 'service', count: 3 }],
          'spec.owner': [
            { value: 'group:default/payments', count: 2 },
            { value: 'group:default/ledger', count: 1 },
          ],
        },
      });
    }
    if (failing) {
      return jsonResponse({ ...errorBody, response: { statusCode: 503 } }, 503);
    }
    if (empty) {
      return jsonResponse({ items: [], totalItems: 0, pageInfo: {} });
    }
    if (url.searchParams.get('cursor') === 'page-2') {
      return jsonResponse({ items: [component('refunds-worker')], totalItems: 0, pageInfo: {} });
    }
    return jsonResponse({
      items: [component('payments-service'), component('ledger')],
      totalItems: 3,
      pageInfo: { nextCursor: 'page-2' },
    });
  };
  const queries = () => requests.filter((url) => url.pathname === '/api/catalog/entities/by-query');
  const facetRequests = () => requests.filter((url) => url.pathname === '/api/catalog/entity-facets');
  return { fetch, queries, facetRequests };
}

describe('CatalogPage', () => {
  it('asks the server for the first page by name, then for further pages by cursor', async () => {
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    await screen.findByText('3 entities');
    expect(backend.queries()[0]?.searchParams.get('orderField')).toBe('metadata.name,asc');
    // jsdom lays nothing out, so the table sees its end at once and asks for the next page.
    await screen.findByText('Showing 3 of 3 entities');
    expect(backend.queries().at(-1)?.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('filters by the kind chosen from the facets', async () => {
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    const kind = await screen.findByLabelText('Kind');
    await screen.findByRole('option', { name: 'Component (3)' });
    fireEvent.change(kind, { target: { value: 'component' } });
    await waitFor(() => expect(backend.queries().at(-1)?.searchParams.get('filter')).toBe('kind=component'));
    await screen.findByText('3 entities match');
  });

  it('searches once typing pauses', async () => {
    jest.useFakeTimers();
    try {
      const backend = createCatalogBackend();
      renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
      const search = screen.getByRole('searchbox', { name: 'Search' });
      fireEvent.change(search, { target: { value: 'pay' } });
      fireEvent.change(search, { target: { value: 'payments' } });
      await act(async () => {
        jest.advanceTimersByTime(1000);
      });
      await waitFor(() =>
        expect(
          backend
            .queries()
            .filter((url) => !url.searchParams.has('cursor'))
            .map((url) => url.searchParams.get('fullTextFilterTerm')),
        ).toEqual([null, 'payments']),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the error with a way to try again', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const backend = createCatalogBackend({ failing: true });
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load the catalog');
    expect(alert.textContent).toContain('The store is down');
    const before = backend.queries().length;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(backend.queries().length).toBeGreaterThan(before));
    jest.restoreAllMocks();
  });

  it('tells an empty catalog from a filter that matches nothing', async () => {
    const backend = createCatalogBackend({ empty: true });
    const { unmount } = renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    await screen.findByText('The catalog is empty');
    unmount();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog?kind=api&q=nothing' });
    await screen.findByText('No entities match');
    expect(backend.queries().at(-1)?.searchParams.get('fullTextFilterTerm')).toBe('nothing');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('The catalog is empty');
  });

  it('asks first, in its default view, for exactly the page plugin.yaml tells the backend to preload', async () => {
    const manifestFile = join(__dirname, '../../plugin.yaml');
    const manifest = parsePluginManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
    const preload = manifest.frontend?.pages.find((page) => page.path === '/catalog')?.preload;
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    await waitFor(() => expect(backend.queries()).toHaveLength(1));
    const [first] = backend.queries();
    expect([`${first?.pathname.replace(/^\/api\/catalog/, '')}${first?.search}`]).toEqual(preload);
  });

  it('asks for the filter counts only once the first page has arrived', async () => {
    let sendFirstPage = () => {};
    const firstPage = new Promise<void>((resolve) => {
      sendFirstPage = resolve;
    });
    const backend = createCatalogBackend({ firstPage });
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog?kind=component' });
    await waitFor(() => expect(backend.queries()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.facetRequests()).toEqual([]);
    sendFirstPage();
    await screen.findByText(/^3 entities/);
    await waitFor(() => expect(backend.facetRequests()).toHaveLength(2));
  });

  it('combines the facet filters and "owned by me" into one server filter, kept in the URL', async () => {
    const backend = createCatalogBackend();
    renderInPortal(
      <>
        <CatalogPage />
        <ShowSearch />
      </>,
      { fetch: backend.fetch, path: '/catalog?kind=component' },
    );
    // The facets offered are those of the chosen kind.
    await waitFor(() =>
      expect(backend.facetRequests().some((url) => url.searchParams.get('filter') === 'kind=component')).toBe(
        true,
      ),
    );
    const type = screen.getByRole('combobox', { name: 'Type' });
    fireEvent.click(type);
    fireEvent.click(await screen.findByRole('option', { name: 'service (3)' }));
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    fireEvent.change(owner, { target: { value: 'PAY' } });
    // Owners show in short form; the URL and the filter keep the ref as the facet has it.
    expect(screen.getByRole('option', { name: 'payments (2)' }).getAttribute('title')).toBe(
      'group:default/payments',
    );
    fireEvent.keyDown(owner, { key: 'Enter' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Owned by me' }));
    await waitFor(() =>
      expect(backend.queries().at(-1)?.searchParams.get('filter')).toBe(
        'kind=component,spec.type=service,spec.owner=group:default/payments,relations.ownedBy=user:default/guest',
      ),
    );
    expect(screen.getByTestId('search').textContent).toBe(
      '?kind=component&type=service&owner=group%3Adefault%2Fpayments&mine=true',
    );
    expect((owner as HTMLInputElement).value).toBe('payments');
    fireEvent.click(screen.getByRole('button', { name: 'Clear owner' }));
    await waitFor(() =>
      expect(screen.getByTestId('search').textContent).toBe('?kind=component&type=service&mine=true'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(backend.queries().at(-1)?.searchParams.has('filter')).toBe(false));
    expect((screen.getByRole('checkbox', { name: 'Owned by me' }) as HTMLInputElement).checked).toBe(false);
    expect((type as HTMLInputElement).value).toBe('');
  });

  it('shows the columns that suit the kind and asks only for their fields', async () => {
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog?kind=user' });
    await screen.findByRole('columnheader', { name: /Email/ });
    expect(screen.queryByRole('columnheader', { name: /Lifecycle/ })).toBeNull();
    expect(backend.queries()[0]?.searchParams.get('fields')).toContain('spec.profile.email');
  });

  it('links to registering existing software', async () => {
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, { fetch: backend.fetch, path: '/catalog' });
    expect(
      (await screen.findByRole('link', { name: 'Register existing software' })).getAttribute('href'),
    ).toBe('/catalog/register');
  });

  it('hides registering from users without catalog.location.create', async () => {
    const backend = createCatalogBackend();
    renderInPortal(<CatalogPage />, {
      fetch: backend.fetch,
      path: '/catalog',
      allowed: ['catalog.entity.read'],
    });
    await screen.findByText('Showing 3 of 3 entities');
    expect(screen.queryByRole('link', { name: 'Register existing software' })).toBeNull();
  });
});
