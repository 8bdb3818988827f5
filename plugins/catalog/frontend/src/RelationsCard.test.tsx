/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { screen } from '@testing-library/react';
import { paymentsGroupFixture } from './paymentsGroupFixture';
import { RelationsCard } from './RelationsCard';
import { renderInPortal } from './renderInPortal';
import { noRequests } from './testResponses';

describe('RelationsCard', () => {
  it('keeps the relations card compact and points to the tab for the rest', () => {
    renderInPortal(<RelationsCard />, { fetch: noRequests, entity: paymentsGroupFixture });
    expect(screen.getAllByRole('link', { name: /svc-/ })).toHaveLength(5);
    expect(screen.getByRole('link', { name: 'and 2 more' }).getAttribute('href')).toBe(
      '/catalog/default/group/payments/relations',
    );
  });
});
