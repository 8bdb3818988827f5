import type { Entity } from '@atrium/plugin-api';
import { annotateEntity, locationAnnotations, REJECTED_URL } from './annotateEntity';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'a', annotations },
});

describe('annotateEntity', () => {
  it('sets the location, origin, source, view and edit annotations of a url location', () => {
    const target = 'https://git.example.com/org/repo/blob/main/sub/catalog-info.yaml';
    expect(
      annotateEntity(
        entity(),
        locationAnnotations({ type: 'url', target }, 'url:https://git.example.com/root.yaml'),
      ).metadata.annotations,
    ).toEqual({
      'backstage.io/managed-by-location': `url:${target}`,
      'backstage.io/managed-by-origin-location': 'url:https://git.example.com/root.yaml',
      'backstage.io/source-location': 'url:https://git.example.com/org/repo/blob/main/sub/',
      'backstage.io/view-url': target,
      'backstage.io/edit-url': target,
    });
  });

  it('sets only the location annotations for a file location, whatever the file claims', () => {
    const annotations = annotateEntity(
      entity({
        'backstage.io/managed-by-location': 'url:https://evil.example.com/',
        'backstage.io/orphan': 'true',
      }),
      locationAnnotations({ type: 'file', target: '/srv/catalog.yaml' }, 'file:/srv/catalog.yaml'),
    ).metadata.annotations;
    expect(annotations).toEqual({
      'backstage.io/managed-by-location': 'file:/srv/catalog.yaml',
      'backstage.io/managed-by-origin-location': 'file:/srv/catalog.yaml',
    });
  });

  it('replaces view and edit URLs that are not http(s)', () => {
    const annotations = annotateEntity(
      entity({
        'backstage.io/view-url': 'javascript:alert(1)',
        'backstage.io/edit-url': ' JavaScript:alert(1)',
      }),
      locationAnnotations({ type: 'file', target: '/srv/catalog.yaml' }, 'file:/srv/catalog.yaml'),
    ).metadata.annotations;
    expect(annotations?.['backstage.io/view-url']).toBe(REJECTED_URL);
    expect(annotations?.['backstage.io/edit-url']).toBe(REJECTED_URL);
  });
});
