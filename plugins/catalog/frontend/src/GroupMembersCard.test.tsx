/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { screen } from '@testing-library/react';
import { GroupMembersCard } from './GroupMembersCard';
import { paymentsGroupFixture } from './paymentsGroupFixture';
import { renderInPortal } from './renderInPortal';
import { noRequests } from './testResponses';

describe('GroupMembersCard', () => {
  it("shows a group's parent, sub-teams and members as links", () => {
    renderInPortal(<GroupMembersCard />, { fetch: noRequests, entity: paymentsGroupFixture });
    expect(screen.getByText('Members (2)')).toBeTruthy();
    expect(screen.getByText('Sub-teams (1)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ada' }).getAttribute('href')).toBe('/catalog/default/user/ada');
    expect(screen.getByRole('link', { name: 'commerce' }).getAttribute('href')).toBe(
      '/catalog/default/group/commerce',
    );
  });
});
