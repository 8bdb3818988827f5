import type { Entity } from '@atrium/plugin-api';
import { createFakeEntityStore } from '@atrium/plugin-api/testing';
import { findEntityAncestry } from './findEntityAncestry';

function entity(
  kind: string,
  name: string,
  managedBy: string | undefined,
  spec?: Record<string, unknown>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      ...(managedBy ? { annotations: { 'backstage.io/managed-by-location': managedBy } } : {}),
    },
    spec: spec ?? {},
  };
}

describe('findEntityAncestry', () => {
  const store = createFakeEntityStore({
    pluginId: 'catalog',
    entities: [
      entity('Location', 'config', 'file:/srv/catalog/all.yaml', {
        type: 'file',
        target: '/srv/catalog/all.yaml',
      }),
      entity('Location', 'teams', 'file:/srv/catalog/all.yaml', {
        type: 'file',
        targets: ['teams/org.yaml'],
      }),
      entity('Location', 'decoy', 'file:/srv/other/all.yaml', { type: 'file', targets: ['teams/org.yaml'] }),
      entity('Group', 'team-a', 'file:/srv/catalog/teams/org.yaml'),
      entity('Component', 'loose', undefined),
    ],
  });

  it('follows relative file targets up to the root, ignoring Locations that resolve elsewhere', async () => {
    const group = (await store.getByRef('group:default/team-a')) as Entity;
    expect(await findEntityAncestry(store, group)).toEqual({
      rootEntityRef: 'group:default/team-a',
      items: [
        { entity: expect.objectContaining({ kind: 'Group' }), parentEntityRefs: ['location:default/teams'] },
        {
          entity: expect.objectContaining({ kind: 'Location' }),
          parentEntityRefs: ['location:default/config'],
        },
        { entity: expect.objectContaining({ kind: 'Location' }), parentEntityRefs: [] },
      ],
    });
  });

  it('gives just the entity when nothing manages it', async () => {
    const loose = (await store.getByRef('component:default/loose')) as Entity;
    expect(await findEntityAncestry(store, loose)).toEqual({
      rootEntityRef: 'component:default/loose',
      items: [{ entity: loose, parentEntityRefs: [] }],
    });
  });
});
