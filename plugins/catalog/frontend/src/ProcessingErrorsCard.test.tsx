/**
 * @jest-environment jsdom
 */
import './jsdomTextEncoder';
import { screen } from '@testing-library/react';
import { ProcessingErrorsCard } from './ProcessingErrorsCard';
import { paymentsGroupFixture } from './paymentsGroupFixture';
import { renderInPortal } from './renderInPortal';
import { noRequests } from './testResponses';

describe('ProcessingErrorsCard', () => {
  it('lists processing errors and warnings, and renders only a hidden marker without them', () => {
    const { unmount } = renderInPortal(<ProcessingErrorsCard />, {
      fetch: noRequests,
      entity: {
        ...paymentsGroupFixture,
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
    const { container } = renderInPortal(<ProcessingErrorsCard />, {
      fetch: noRequests,
      entity: paymentsGroupFixture,
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(container.querySelector('.catalog-status--ok')).toBeTruthy();
  });
});
