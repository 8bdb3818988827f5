import { NotAllowedError } from '@atrium/plugin-api';
import { createFakeAuth, createFakeEntityStore, createFakePermissions } from '@atrium/plugin-api/testing';
import type { Request } from 'express';
import { catalogEntityReadPermission, catalogEntityRefreshPermission } from './catalogPermissions';
import { createCatalogAccess } from './createCatalogAccess';

const req = {} as Request;

const store = createFakeEntityStore({
  pluginId: 'catalog',
  entities: [
    {
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments' },
        spec: { owner: 'team-a' },
      },
      relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' }],
    },
    { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-a' }, spec: {} },
  ],
});

describe('createCatalogAccess', () => {
  it('restricts nothing when the read permission is allowed everywhere', async () => {
    const access = createCatalogAccess({
      auth: createFakeAuth(),
      permissions: createFakePermissions(),
      store,
    });
    await expect(access.entityReadRestriction(req)).resolves.toBeUndefined();
  });

  it('hands the conditional filter to the store and a match-nothing predicate on deny', async () => {
    const filter = { 'relations.ownedBy': 'group:default/team-a' };
    const conditional = createCatalogAccess({
      auth: createFakeAuth(),
      permissions: createFakePermissions(undefined, () => ({ result: 'conditional', filter })),
      store,
    });
    await expect(conditional.entityReadRestriction(req)).resolves.toEqual(filter);
    const denied = createCatalogAccess({
      auth: createFakeAuth(),
      permissions: createFakePermissions(() => 'deny'),
      store,
    });
    const restrict = await denied.entityReadRestriction(req);
    expect((await store.query({ restrict })).items).toEqual([]);
  });

  it('describes a readable entity by its ref, leaving its owners to the core', async () => {
    const permissions = createFakePermissions(undefined, () => ({
      result: 'conditional',
      filter: { kind: 'component' },
    }));
    const access = createCatalogAccess({ auth: createFakeAuth(), permissions, store });
    await expect(access.readableEntity(req, 'component:default/payments')).resolves.toEqual({
      resourceRef: 'component:default/payments',
    });
    await expect(access.readableEntity(req, 'group:default/team-a')).resolves.toBeUndefined();
    expect(permissions.questions.map((q) => q.permission)).toEqual([
      catalogEntityReadPermission,
      catalogEntityReadPermission,
    ]);
  });

  it('throws NotAllowedError naming the permission and the resource when denied', async () => {
    const permissions = createFakePermissions(() => 'deny');
    const access = createCatalogAccess({ auth: createFakeAuth(), permissions, store });
    const resource = { resourceRef: 'component:default/payments', ownerRefs: ['group:default/team-a'] };
    const refused = access.authorize(req, catalogEntityRefreshPermission, resource);
    await expect(refused).rejects.toThrow(NotAllowedError);
    await expect(refused).rejects.toThrow(
      "permission 'catalog.entity.refresh' on 'component:default/payments'",
    );
    expect(permissions.questions.at(-1)?.resource).toEqual(resource);
  });
});
