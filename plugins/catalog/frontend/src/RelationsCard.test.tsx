/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { RelationsCard } from './RelationsCard';
import { renderInPortal } from './renderInPortal';

const noRequests = async (): Promise<Response> => {
  throw new Error('No request expected');
};

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

describe('RelationsCard', () => {
  it('keeps the relations card compact and points to the tab for the rest', () => {
    renderInPortal(<RelationsCard />, { fetch: noRequests, entity: group });
    expect(screen.getAllByRole('link', { name: /svc-/ })).toHaveLength(5);
    expect(screen.getByRole('link', { name: 'and 2 more' }).getAttribute('href')).toBe(
      '/catalog/default/group/payments/relations',
    );
  });
});
