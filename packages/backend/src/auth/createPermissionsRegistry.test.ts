import { type Credentials, definePermission, InputError } from '@atrium/plugin-api';
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
    const decide = jest.fn<ReturnType<PermissionPolicy['decide']>, Parameters<PermissionPolicy['decide']>>(
      async () => 'deny',
    );
    const permissions = createPermissionsRegistry({ decide }).forPlugin('catalog');
    permissions.register([entityDelete]);
    const resource = { resourceRef: 'component:default/payments', ownerRefs: ['group:default/team-a'] };

    await expect(permissions.authorize(jane, entityDelete, resource)).resolves.toEqual({ result: 'deny' });
    expect(decide).toHaveBeenCalledWith({ principal: jane.principal, permission: entityDelete, resource });
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
  });
});
