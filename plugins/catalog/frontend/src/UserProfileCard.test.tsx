/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { screen } from '@testing-library/react';
import { renderInPortal } from './renderInPortal';
import { noRequests } from './testResponses';
import { UserProfileCard } from './UserProfileCard';

describe('UserProfileCard', () => {
  it("shows a user's profile and groups, with a mailto link", () => {
    renderInPortal(<UserProfileCard />, {
      fetch: noRequests,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'ada' },
        spec: { profile: { displayName: 'Ada Lovelace', email: 'ada@example.com' }, memberOf: ['payments'] },
        relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
      },
    });
    expect(screen.getByText('Ada Lovelace')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ada@example.com' }).getAttribute('href')).toBe(
      'mailto:ada@example.com',
    );
    expect(screen.getByRole('link', { name: 'payments' }).getAttribute('href')).toBe(
      '/catalog/default/group/payments',
    );
  });
});
