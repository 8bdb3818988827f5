import { type Credentials, definePermission, type EntityStoreService, InputError } from '@atrium/plugin-api';
import { createDefaultPermissionPolicy } from './createDefaultPermissionPolicy';
import { createPermissionsRegistry } from './createPermissionsRegistry';
import type { PermissionPolicy } from './PermissionPolicy';

const locationCreate = definePermission({ id: 'catalog.location.create', action: 'create' });
const entityDelete = definePermission({
  id: 'catalog.entity.delete',
  action: 'delete',
  resourceType: 'catalog-entity',
});
const checkRun = definePermission({ id: 'scorecards.check.run', action: 'use' });

const jane: Credentials = {
  principal: {
    type: 'user',
    userEntityRef: 'user:default/jane',
    ownershipEntityRefs: ['user:default/jane'],
    roles: [],
    via: 'session',
  },
};
const anonymous: Credentials = { principal: { type: 'none' } };

function spyPolicy() {
  const decide = jest.fn<ReturnType<PermissionPolicy['decide']>, Parameters<PermissionPolicy['decide']>>(
    async () => 'deny',
  );
  const decideConditional = jest.fn<
    ReturnType<PermissionPolicy['decideConditional']>,
    Parameters<PermissionPolicy['decideConditional']>
  >(async () => ({ result: 'conditional', filter: { kind: 'component' } }));
  return { decide, decideConditional, rolesOf: () => [] };
}

describe('createPermissionsRegistry', () => {
  it('records what each plugin registered', () => {
    const registry = createPermissionsRegistry(createDefaultPermissionPolicy());
    registry.forPlugin('catalog').register([locationCreate]);
    registry.forPlugin('catalog').register([entityDelete, locationCreate]);
    registry.forPlugin('scorecards').register([checkRun]);

    expect(registry.registeredBy('catalog')).toEqual([locationCreate, entityDelete]);
    expect(registry.registeredBy('scorecards')).toEqual([checkRun]);
    expect(registry.registeredBy('github')).toEqual([]);
  });

  it('answers with the policy decision for a registered permission', async () => {
    const permissions = createPermissionsRegistry(createDefaultPermissionPolicy()).forPlugin('catalog');
    permissions.register([locationCreate]);

    await expect(permissions.authorize(jane, locationCreate)).resolves.toEqual({ result: 'allow' });
    await expect(permissions.authorize(anonymous, locationCreate)).resolves.toEqual({ result: 'deny' });
  });

  it('hands the principal, permission and resource to the policy', async () => {
    const policy = spyPolicy();
    const permissions = createPermissionsRegistry(policy).forPlugin('catalog');
    permissions.register([entityDelete]);
    const resource = { resourceRef: 'component:default/payments', ownerRefs: ['group:default/team-a'] };

    await expect(permissions.authorize(jane, entityDelete, resource)).resolves.toEqual({ result: 'deny' });
    expect(policy.decide).toHaveBeenCalledWith({
      principal: jane.principal,
      permission: entityDelete,
      resource,
    });
  });

  it('looks up the owners of a catalog entity the plugin names without ownerRefs', async () => {
    const policy = spyPolicy();
    const getByRefs = jest.fn(async () => [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments' },
        relations: [
          { type: 'ownedBy', targetRef: 'group:default/team-a' },
          { type: 'partOf', targetRef: 'system:default/money' },
        ],
      },
    ]);
    const entities = { getByRefs } as unknown as EntityStoreService;
    const permissions = createPermissionsRegistry(policy, { entities }).forPlugin('catalog');
    permissions.register([entityDelete]);

    await permissions.authorize(jane, entityDelete, { resourceRef: 'component:default/payments' });

    expect(getByRefs).toHaveBeenCalledWith(['component:default/payments'], { fields: ['relations'] });
    expect(policy.decide).toHaveBeenCalledWith({
      principal: jane.principal,
      permission: entityDelete,
      resource: { resourceRef: 'component:default/payments', ownerRefs: ['group:default/team-a'] },
    });
  });

  it('passes conditional decisions through for catalog-entity permissions only', async () => {
    const policy = spyPolicy();
    const permissions = createPermissionsRegistry(policy).forPlugin('catalog');
    permissions.register([entityDelete, locationCreate]);

    await expect(permissions.authorizeConditional(jane, entityDelete)).resolves.toEqual({
      result: 'conditional',
      filter: { kind: 'component' },
    });
    await expect(permissions.authorizeConditional(jane, locationCreate)).rejects.toThrow(
      /permission 'catalog\.location\.create', which has no resourceType 'catalog-entity'/,
    );
  });

  it('refuses to check a permission the plugin did not register, naming it', async () => {
    const registry = createPermissionsRegistry(createDefaultPermissionPolicy());
    registry.forPlugin('scorecards').register([checkRun]);
    const catalog = registry.forPlugin('catalog');

    const check = catalog.authorize(jane, checkRun);

    await expect(check).rejects.toThrow(InputError);
    await expect(check).rejects.toThrow(
      /Plugin 'catalog' checked permission 'scorecards\.check\.run' without registering it/,
    );
    await expect(catalog.authorizeConditional(jane, checkRun)).rejects.toThrow(InputError);
  });
});
