import type { Entity } from '@atrium/plugin-api/frontend';
import { entitySourceLinks } from './entitySourceLinks';

const entityWith = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', annotations },
});

describe('entitySourceLinks', () => {
  it('takes the view and edit links from their annotations', () => {
    expect(
      entitySourceLinks(
        entityWith({
          'backstage.io/view-url': 'https://git.example/org/payments/blob/main/catalog-info.yaml',
          'backstage.io/edit-url': 'https://git.example/org/payments/edit/main/catalog-info.yaml',
          'backstage.io/source-location': 'url:https://git.example/org/other/',
        }),
      ),
    ).toEqual({
      viewUrl: 'https://git.example/org/payments/blob/main/catalog-info.yaml',
      editUrl: 'https://git.example/org/payments/edit/main/catalog-info.yaml',
    });
  });

  it('falls back to a url source location for viewing', () => {
    expect(
      entitySourceLinks(entityWith({ 'backstage.io/source-location': 'url:https://git.example/org/p/' })),
    ).toEqual({
      viewUrl: 'https://git.example/org/p/',
    });
  });

  it('never returns a script, data, mailto or file link', () => {
    expect(
      entitySourceLinks(
        entityWith({
          'backstage.io/view-url': 'javascript:alert(1)',
          'backstage.io/edit-url': 'data:text/html,<script>alert(1)</script>',
          'backstage.io/source-location': 'url:mailto:a@example.com',
        }),
      ),
    ).toEqual({});
    expect(entitySourceLinks(entityWith({ 'backstage.io/source-location': 'file:/etc/passwd' }))).toEqual({});
  });

  it('returns nothing for an entity without annotations', () => {
    expect(entitySourceLinks({ apiVersion: 'v1', kind: 'Component', metadata: { name: 'x' } })).toEqual({});
  });
});
