/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { screen } from '@testing-library/react';
import { OwnedEntitiesCard } from './OwnedEntitiesCard';
import { paymentsGroupFixture } from './paymentsGroupFixture';
import { renderInPortal } from './renderInPortal';
import { jsonResponse } from './testResponses';

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
    renderInPortal(<OwnedEntitiesCard />, { fetch, entity: paymentsGroupFixture });
    await screen.findByRole('link', { name: 'svc-0' });
    await screen.findByText('Component 30');
    expect(screen.getByText('Showing 1 of 30.')).toBeTruthy();
    expect(
      requests.every((url) => url.searchParams.get('filter') === 'relations.ownedBy=group:default/payments'),
    ).toBe(true);
  });
});
