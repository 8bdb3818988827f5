/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { OwnedEntitiesCard } from './OwnedEntitiesCard';
import { renderInPortal } from './renderInPortal';

const jsonResponse = (body: unknown) =>
  ({ ok: true, status: 200, json: async () => body, text: async () => JSON.stringify(body) }) as Response;

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [
    { type: 'childOf', targetRef: 'group:default/commerce' },
    { type: 'parentOf', targetRef: 'group:default/payments-fraud' },
    { type: 'hasMember', targetRef: 'user:default/ada' },
    { type: 'hasMember', targetRef: 'user:default/bob' },
    ...Array.from({ length: 7 }, (_, i) => ({ type: 'ownerOf', targetRef: `component:default/svc-${i}` })),
  ],
};

describe('OwnedEntitiesCard', () => {
  it('asks the server what a group owns, by relation, and counts it by kind', async () => {
    const requests: URL[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://portal');
      requests.push(url);
      if (url.pathname === '/api/catalog/entity-facets') {
        return jsonResponse({ facets: { kind: [{ value: 'Component', count: 30 }] } });
      }
      return jsonResponse({
        items: [{ apiVersion: 'v1', kind: 'Component', metadata: { name: 'svc-0', namespace: 'default' } }],
        totalItems: 30,
        pageInfo: {},
      });
    };
    renderInPortal(<OwnedEntitiesCard />, { fetch, entity: group });
    await screen.findByRole('link', { name: 'svc-0' });
    await screen.findByText('Component 30');
    expect(screen.getByText('Showing 1 of 30.')).toBeTruthy();
    expect(
      requests.every((url) => url.searchParams.get('filter') === 'relations.ownedBy=group:default/payments'),
    ).toBe(true);
  });
});
