/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { GroupMembersCard } from './GroupMembersCard';
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

describe('GroupMembersCard', () => {
  it("shows a group's parent, sub-teams and members as links", () => {
    renderInPortal(<GroupMembersCard />, { fetch: noRequests, entity: group });
    expect(screen.getByText('Members (2)')).toBeTruthy();
    expect(screen.getByText('Sub-teams (1)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ada' }).getAttribute('href')).toBe('/catalog/default/user/ada');
    expect(screen.getByRole('link', { name: 'commerce' }).getAttribute('href')).toBe(
      '/catalog/default/group/commerce',
    );
  });
});
