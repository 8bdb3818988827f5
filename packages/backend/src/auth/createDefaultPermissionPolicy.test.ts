import { definePermission } from '@atrium/plugin-api';
import { createDefaultPermissionPolicy } from './createDefaultPermissionPolicy';

const permission = definePermission({
  id: 'catalog.entity.delete',
  action: 'delete',
  resourceType: 'catalog-entity',
});

describe('createDefaultPermissionPolicy', () => {
  const policy = createDefaultPermissionPolicy();

  it('allows any user principal', async () => {
    await expect(
      policy.decide({
        principal: {
          type: 'user',
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs: ['user:default/guest'],
          roles: [],
          via: 'guest',
        },
        permission,
        resource: { resourceRef: 'component:default/payments' },
      }),
    ).resolves.toBe('allow');
  });

  it('denies the anonymous principal', async () => {
    await expect(policy.decide({ principal: { type: 'none' }, permission })).resolves.toBe('deny');
  });
});
