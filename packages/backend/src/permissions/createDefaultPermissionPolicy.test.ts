import { definePermission, type UserPrincipal } from '@atrium/plugin-api';
import { createDefaultPermissionPolicy } from './createDefaultPermissionPolicy';

const permission = definePermission({
  id: 'catalog.entity.delete',
  action: 'delete',
  resourceType: 'catalog-entity',
});

const guest: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest'],
  roles: [],
  via: 'guest',
};

describe('createDefaultPermissionPolicy', () => {
  const policy = createDefaultPermissionPolicy();

  it('allows any user principal, on any resource and for every entity', async () => {
    await expect(
      policy.decide({
        principal: guest,
        permission,
        resource: { resourceRef: 'component:default/payments' },
      }),
    ).resolves.toBe('allow');
    await expect(policy.decideConditional({ principal: guest, permission })).resolves.toEqual({
      result: 'allow',
    });
  });

  it('denies the anonymous principal', async () => {
    await expect(policy.decide({ principal: { type: 'none' }, permission })).resolves.toBe('deny');
    await expect(policy.decideConditional({ principal: { type: 'none' }, permission })).resolves.toEqual({
      result: 'deny',
    });
  });

  it('denies an API token what its scopes do not match', async () => {
    const token: UserPrincipal = { ...guest, via: 'api-token', scopes: ['catalog.entity.read'] };
    await expect(policy.decide({ principal: token, permission })).resolves.toBe('deny');
    await expect(policy.decideConditional({ principal: token, permission })).resolves.toEqual({
      result: 'deny',
    });
    await expect(policy.decide({ principal: { ...token, scopes: ['catalog.*'] }, permission })).resolves.toBe(
      'allow',
    );
  });
});
