/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '@atrium/plugin-api/frontend';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderInPortal } from '../renderInPortal';
import { ApiDefinitionTab } from './ApiDefinitionTab';

const fetch = async (): Promise<Response> => {
  throw new Error('No request expected');
};

const api = (type: string, definition: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'payments-api', title: 'Payments API' },
  spec: { type, lifecycle: 'production', owner: 'payments', definition },
});

const demo = (file: string) => readFileSync(join(__dirname, '../../../../../demo/apis', file), 'utf8');

// Webpack extracts the stylesheet; Jest has no CSS loader.
jest.mock('./apiDefinition.css', () => ({}));

/** The first render waits for the lazily imported views (and the YAML parser). */
const lazyChunk = { timeout: 5000 };

describe('ApiDefinitionTab', () => {
  it('lists the operations of an OpenAPI definition and opens one to its schemas', async () => {
    renderInPortal(<ApiDefinitionTab />, { fetch, entity: api('openapi', demo('payments-api.yaml')) });
    expect(await screen.findByRole('heading', { name: 'Operations (4)' }, lazyChunk)).toBeTruthy();
    const refund = screen.getByText('/payments/{paymentId}/refunds').closest('details');
    expect(refund).toBeTruthy();
    fireEvent.click(within(refund as HTMLElement).getByText('Refund all or part of a captured payment'));
    expect(within(refund as HTMLElement).getByText('reason')).toBeTruthy();
    expect(
      within(refund as HTMLElement).getByText('one of: "cancelled", "returned", "goodwill", "duplicate"'),
    ).toBeTruthy();
  });

  it('lists the channels and messages of an AsyncAPI definition', async () => {
    renderInPortal(<ApiDefinitionTab />, {
      fetch,
      entity: api('asyncapi', demo('order-events.asyncapi.yaml')),
    });
    expect(
      await screen.findByRole('region', { name: 'Channel orders.order-events.v1' }, lazyChunk),
    ).toBeTruthy();
    expect(screen.getByText('Order shipped')).toBeTruthy();
  });

  it('lists the types of a GraphQL schema and highlights its SDL', async () => {
    renderInPortal(<ApiDefinitionTab />, { fetch, entity: api('graphql', demo('storefront.graphql')) });
    const sdl = await screen.findByRole('region', { name: 'GraphQL schema' }, lazyChunk);
    expect(sdl.querySelectorAll('.api-gql-keyword').length).toBeGreaterThan(10);
    expect(screen.getByRole('heading', { name: 'Types (27)' })).toBeTruthy();
    expect(
      screen.getByText(
        'search(query: String!, filters: [FacetFilter!], sort: SearchSort = RELEVANCE, page: Int = 1): SearchResult!',
      ),
    ).toBeTruthy();
  });

  it('shows any other type as text with a copy button', async () => {
    renderInPortal(<ApiDefinitionTab />, { fetch, entity: api('grpc', 'syntax = "proto3";') });
    const source = await screen.findByRole('region', { name: 'Definition of Payments API' }, lazyChunk);
    expect(source.textContent).toBe('syntax = "proto3";');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });

  it('names the parse error and still shows the source of a broken document', async () => {
    renderInPortal(<ApiDefinitionTab />, { fetch, entity: api('openapi', 'openapi: [unclosed') });
    expect(
      await screen.findByText('The openapi definition could not be parsed', undefined, lazyChunk),
    ).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Definition of Payments API' })).toBeTruthy();
  });
});
