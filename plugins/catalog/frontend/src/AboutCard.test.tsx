/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { AboutCard } from './AboutCard';
import { renderInPortal } from './renderInPortal';

// These components read only the entity; any request would be a bug.
const fetch = async (): Promise<Response> => {
  throw new Error('No request expected');
};

function entityWith(overrides: Partial<Entity['metadata']>, spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-service', ...overrides },
    spec,
  };
}

describe('AboutCard', () => {
  it('shows the description, owner, system, lifecycle and tags', () => {
    renderInPortal(<AboutCard />, {
      fetch,
      entity: entityWith(
        { description: 'Takes payments.', tags: ['java', 'pci'] },
        { owner: 'payments', system: 'payment-processing', lifecycle: 'production', type: 'service' },
      ),
    });
    expect(screen.getByText('Takes payments.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'payments' }).getAttribute('href')).toBe(
      '/catalog/default/group/payments',
    );
    expect(screen.getByRole('link', { name: 'payment-processing' }).getAttribute('href')).toBe(
      '/catalog/default/system/payment-processing',
    );
    expect(screen.getByText('production')).toBeTruthy();
    expect(screen.getByText('pci')).toBeTruthy();
  });

  it('links http, https and mailto links, and never a script URL', () => {
    renderInPortal(<AboutCard />, {
      fetch,
      entity: entityWith({
        links: [
          { url: 'https://runbooks.example/payments', title: 'Runbook' },
          { url: 'mailto:payments@example.com', title: 'Mail the team' },
          { url: 'javascript:alert(document.cookie)', title: 'Innocent link' },
          { url: ' JAVASCRIPT:alert(1)', title: 'Sneaky link' },
        ],
      }),
    });
    const runbook = screen.getByRole('link', { name: 'Runbook' });
    expect(runbook.getAttribute('href')).toBe('https://runbooks.example/payments');
    expect(runbook.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Mail the team' }).getAttribute('href')).toBe(
      'mailto:payments@example.com',
    );
    expect(screen.queryByRole('link', { name: 'Innocent link' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Sneaky link' })).toBeNull();
    expect(screen.getByText('Innocent link').tagName).toBe('SPAN');
    expect(document.querySelector('a[href^="javascript" i]')).toBeNull();
  });

  it('says when the entity has no description and no owner', () => {
    renderInPortal(<AboutCard />, { fetch, entity: entityWith({}) });
    expect(screen.getByText('No description.')).toBeTruthy();
    expect(screen.getByText('No owner')).toBeTruthy();
  });

  it('links to view and edit the source from the annotations, never with a script URL', () => {
    renderInPortal(<AboutCard />, {
      fetch,
      entity: entityWith({
        annotations: {
          'backstage.io/view-url': 'https://git.example/org/payments/blob/main/catalog-info.yaml',
          'backstage.io/edit-url': 'javascript:alert(1)',
        },
      }),
    });
    expect(screen.getByRole('link', { name: 'View source' }).getAttribute('href')).toBe(
      'https://git.example/org/payments/blob/main/catalog-info.yaml',
    );
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('names no owner for users and groups, which are owners themselves', () => {
    renderInPortal(<AboutCard />, {
      fetch,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'payments' },
        spec: {},
      },
    });
    expect(screen.queryByText('No owner')).toBeNull();
    expect(screen.queryByText('Owner')).toBeNull();
  });
});
