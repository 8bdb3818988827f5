/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { deserialize, serialize } from 'node:v8';
import type { Entity } from '@atrium/plugin-api/frontend';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderInPortal } from '../renderInPortal';
import { DependencyGraphTab } from './DependencyGraphTab';

const root: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-service', title: 'Payments Service' },
  spec: { type: 'service' },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/payments' },
    { type: 'providesApi', targetRef: 'api:default/payments-api' },
  ],
};

const catalog: Record<string, unknown> = {
  'group:default/payments': {
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments Team' },
    spec: { type: 'team' },
    relations: [
      { type: 'ownerOf', targetRef: 'component:default/payments-service' },
      { type: 'ownerOf', targetRef: 'resource:default/payments-db' },
    ],
  },
  'api:default/payments-api': {
    kind: 'API',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'openapi' },
    relations: [{ type: 'apiProvidedBy', targetRef: 'component:default/payments-service' }],
  },
};

function catalogFetch() {
  const requests: Array<{ url: string; body: { entityRefs: string[]; fields: string[] } }> = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body));
    requests.push({ url, body });
    // jsdom has no `Response`; the API client reads only these members.
    const items = body.entityRefs.map((ref: string) => catalog[ref] ?? null);
    return { ok: true, status: 200, json: async () => ({ items }) } as Response;
  };
  return { fetch, requests };
}

// jsdom lacks structuredClone, which dagre uses; every browser the portal supports has it.
globalThis.structuredClone ??= ((value: unknown) => deserialize(serialize(value))) as typeof structuredClone;

// jsdom has no canvas to measure text with (and says so loudly); the graph falls back to an estimate.
HTMLCanvasElement.prototype.getContext = () => null;

// Webpack extracts the stylesheet; Jest has no CSS loader.
jest.mock('./graph.css', () => ({}));

/** The first render waits for the lazily imported graph and its layout library. */
const lazyChunk = { timeout: 5000 };

describe('DependencyGraphTab', () => {
  it('draws the entity and its direct relations, loaded with a projection through by-refs', async () => {
    const { fetch, requests } = catalogFetch();
    renderInPortal(<DependencyGraphTab />, { fetch, entity: root });
    expect(await screen.findByRole('link', { name: 'Payments Team (Group, team)' }, lazyChunk)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Payments Service (Component, service)' })).toBeTruthy();
    expect(requests[0]?.url).toBe('/api/catalog/entities/by-refs');
    expect(requests[0]?.body.entityRefs.sort()).toEqual([
      'api:default/payments-api',
      'group:default/payments',
    ]);
    expect(requests[0]?.body.fields).toContain('relations');
    expect(screen.getByText('3 entities, 2 relations')).toBeTruthy();
  });

  it('expands a node to its neighbours and hides a relation type with the filter', async () => {
    const { fetch, requests } = catalogFetch();
    renderInPortal(<DependencyGraphTab />, { fetch, entity: root });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Show the relations of Payments Team' }, lazyChunk),
    );
    expect(await screen.findByRole('link', { name: 'payments-db (resource)' })).toBeTruthy();
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1]?.body.entityRefs).toEqual(['resource:default/payments-db']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Owned by' }));
    expect(screen.queryByRole('link', { name: 'payments-db (resource)' })).toBeNull();
    expect(screen.getByText('2 entities, 1 relations')).toBeTruthy();
  });

  it('opens the entity page of a node with Enter', async () => {
    const { fetch } = catalogFetch();
    renderInPortal(
      <Routes>
        <Route path="/catalog/default/group/payments" element={<p>Group page</p>} />
        <Route path="*" element={<DependencyGraphTab />} />
      </Routes>,
      { fetch, entity: root },
    );
    const node = await screen.findByRole('link', { name: 'Payments Team (Group, team)' }, lazyChunk);
    act(() => node.focus());
    fireEvent.keyDown(node, { key: 'Enter' });
    expect(await screen.findByText('Group page')).toBeTruthy();
  });
});
