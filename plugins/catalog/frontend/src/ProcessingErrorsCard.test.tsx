/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import type { Entity } from '@atrium/plugin-api/frontend';
import { screen } from '@testing-library/react';
import { ProcessingErrorsCard } from './ProcessingErrorsCard';
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

describe('ProcessingErrorsCard', () => {
  it('lists processing errors and warnings, and renders only a hidden marker without them', () => {
    const { unmount } = renderInPortal(<ProcessingErrorsCard />, {
      fetch: noRequests,
      entity: {
        ...group,
        status: {
          items: [
            {
              type: 'backstage.io/catalog-processing',
              level: 'error',
              message: 'NotFoundError: https://git.example/catalog-info.yaml answered 404',
              error: { name: 'NotFoundError', message: 'https://git.example/catalog-info.yaml answered 404' },
            },
            { type: 'x', level: 'info', message: 'Just so you know' },
          ],
        },
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('NotFoundError: https://git.example/catalog-info.yaml answered 404');
    expect(alert.textContent).not.toContain('Just so you know');
    unmount();
    const { container } = renderInPortal(<ProcessingErrorsCard />, { fetch: noRequests, entity: group });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.querySelector('.catalog-status--ok')).toBeTruthy();
  });
});
