/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { RelationsTab } from './RelationsTab';
import { renderInPortal } from './renderInPortal';

// These components read only the entity; any request would be a bug.
const fetch = async (): Promise<Response> => {
  throw new Error('No request expected');
};

const entity = (relations: Entity['relations']): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-service', title: 'Payments Service' },
  relations,
});

describe('RelationsTab', () => {
  it('groups the relations by type, each target a link to its entity page', () => {
    renderInPortal(<RelationsTab />, {
      fetch,
      entity: entity([
        { type: 'ownedBy', targetRef: 'group:default/payments' },
        { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
        { type: 'dependsOn', targetRef: 'component:default/fraud-detection' },
      ]),
    });
    const dependsOn = screen.getByRole('region', { name: 'Depends on (2)' });
    expect(dependsOn.querySelectorAll('a')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'resource:payments-db' }).getAttribute('href')).toBe(
      '/catalog/default/resource/payments-db',
    );
    expect(screen.getByRole('region', { name: 'Owned by (1)' })).toBeTruthy();
  });

  it('says so when the entity has no relations', () => {
    renderInPortal(<RelationsTab />, { fetch, entity: entity([]) });
    expect(screen.getByText('No relations')).toBeTruthy();
    expect(screen.getByText(/Payments Service has no owner/)).toBeTruthy();
  });
});
