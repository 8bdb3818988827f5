import { definePermission, type UserPrincipal } from '@atrium/plugin-api';
import { createConfigPermissionPolicy } from './createConfigPermissionPolicy';
import type { PolicyRole } from './PolicyRole';

const entityRead = definePermission({
  id: 'catalog.entity.read',
  action: 'read',
  resourceType: 'catalog-entity',
});
const entityRefresh = definePermission({
  id: 'catalog.entity.refresh',
  action: 'update',
  resourceType: 'catalog-entity',
});
const locationCreate = definePermission({ id: 'catalog.location.create', action: 'create' });
const checkRun = definePermission({ id: 'scorecards.check.run', action: 'use' });
const auditRead = definePermission({ id: 'core.audit.read', action: 'read' });

const roles: PolicyRole[] = [
  { name: 'admin', members: ['group:default/platform'], allow: [{ permission: '*', owned: false }] },
  {
    name: 'member',
    members: ['*'],
    allow: [
      { permission: 'catalog.entity.read', owned: false },
      { permission: 'catalog.entity.refresh', owned: true },
    ],
  },
  { name: 'scorer', members: ['user:default/sam'], allow: [{ permission: 'scorecards.*', owned: false }] },
  { name: 'ci', members: [], allow: [{ permission: 'catalog.location.create', owned: false }] },
];
const policy = createConfigPermissionPolicy(roles);

function user(name: string, extra: Partial<UserPrincipal> = {}): UserPrincipal {
  return {
    type: 'user',
    userEntityRef: `user:default/${name}`,
    ownershipEntityRefs: [`user:default/${name}`],
    roles: [],
    via: 'session',
    ...extra,
  };
}

const jane = user('jane', {
  // Jane is in team-a, which is part of the platform group: the sign-in resolves the groups transitively.
  ownershipEntityRefs: ['user:default/jane', 'group:default/team-a', 'Group:default/Platform'],
});
const bob = user('bob', { ownershipEntityRefs: ['user:default/bob', 'group:default/team-b'] });

describe('createConfigPermissionPolicy', () => {
  it('names the roles a principal holds through its groups, its own ref, "*" and explicit roles', () => {
    expect(policy.rolesOf(jane)).toEqual(['admin', 'member']);
    expect(policy.rolesOf(user('sam'))).toEqual(['member', 'scorer']);
    expect(policy.rolesOf(user('robot', { roles: ['ci'] }))).toEqual(['member', 'ci']);
  });

  it('grants an exact permission id to every member of a role', async () => {
    await expect(policy.decide({ principal: bob, permission: entityRead })).resolves.toBe('allow');
  });

  it('denies what no role of the caller grants', async () => {
    await expect(policy.decide({ principal: bob, permission: locationCreate })).resolves.toBe('deny');
    await expect(policy.decide({ principal: bob, permission: auditRead })).resolves.toBe('deny');
  });

  it('grants by pattern', async () => {
    const sam = user('sam');
    await expect(policy.decide({ principal: sam, permission: checkRun })).resolves.toBe('allow');
    await expect(policy.decide({ principal: bob, permission: checkRun })).resolves.toBe('deny');
  });

  it('gives a role to the members of a group, found in ownershipEntityRefs whatever their case', async () => {
    await expect(policy.decide({ principal: jane, permission: auditRead })).resolves.toBe('allow');
    await expect(policy.decide({ principal: jane, permission: locationCreate })).resolves.toBe('allow');
  });

  it('gives a role the principal carries explicitly, as static tokens do', async () => {
    const bot = user('ci-bot', { via: 'token', roles: ['ci'] });
    await expect(policy.decide({ principal: bot, permission: locationCreate })).resolves.toBe('allow');
    await expect(policy.decide({ principal: user('ci-bot'), permission: locationCreate })).resolves.toBe(
      'deny',
    );
  });

  it("gives a '*' role to every user principal", async () => {
    await expect(policy.decide({ principal: user('nobody-special'), permission: entityRead })).resolves.toBe(
      'allow',
    );
  });

  it('grants an owned-only permission on a resource whose owners include one of the caller refs', async () => {
    const owned = { resourceRef: 'component:default/payments', ownerRefs: ['group:default/team-b'] };
    const foreign = { resourceRef: 'component:default/billing', ownerRefs: ['group:default/team-c'] };
    await expect(policy.decide({ principal: bob, permission: entityRefresh, resource: owned })).resolves.toBe(
      'allow',
    );
    await expect(
      policy.decide({ principal: bob, permission: entityRefresh, resource: foreign }),
    ).resolves.toBe('deny');
  });

  it('counts a resource that is one of the caller refs as owned, and denies owned-only grants without a resource', async () => {
    await expect(
      policy.decide({
        principal: bob,
        permission: entityRefresh,
        resource: { resourceRef: 'group:default/team-b' },
      }),
    ).resolves.toBe('allow');
    await expect(policy.decide({ principal: bob, permission: entityRefresh })).resolves.toBe('deny');
  });

  it('answers conditional decisions: allow, deny, or the ownership filter over the caller refs', async () => {
    await expect(policy.decideConditional({ principal: bob, permission: entityRead })).resolves.toEqual({
      result: 'allow',
    });
    await expect(policy.decideConditional({ principal: bob, permission: entityRefresh })).resolves.toEqual({
      result: 'conditional',
      filter: {
        $any: [
          { 'relations.ownedBy': { $in: ['user:default/bob', 'group:default/team-b'] } },
          { 'metadata.ref': { $in: ['user:default/bob', 'group:default/team-b'] } },
        ],
      },
    });
    await expect(policy.decideConditional({ principal: jane, permission: entityRefresh })).resolves.toEqual({
      result: 'allow',
    });
    const onlyRead = createConfigPermissionPolicy([
      { name: 'reader', members: ['*'], allow: [{ permission: 'catalog.entity.read', owned: false }] },
    ]);
    await expect(onlyRead.decideConditional({ principal: bob, permission: entityRefresh })).resolves.toEqual({
      result: 'deny',
    });
  });

  it('limits an API token to its scopes, even for an admin', async () => {
    const token = { ...jane, via: 'api-token' as const, scopes: ['catalog.entity.*'] };
    await expect(policy.decide({ principal: token, permission: entityRead })).resolves.toBe('allow');
    await expect(policy.decide({ principal: token, permission: auditRead })).resolves.toBe('deny');
    await expect(policy.decideConditional({ principal: token, permission: entityRefresh })).resolves.toEqual({
      result: 'allow',
    });
    const noScopes = { ...token, scopes: [] };
    await expect(policy.decide({ principal: noScopes, permission: entityRead })).resolves.toBe('deny');
  });

  it('denies the anonymous principal everything', async () => {
    await expect(policy.decide({ principal: { type: 'none' }, permission: entityRead })).resolves.toBe(
      'deny',
    );
    await expect(
      policy.decideConditional({ principal: { type: 'none' }, permission: entityRead }),
    ).resolves.toEqual({ result: 'deny' });
  });

  it('denies everything when no role is configured', async () => {
    await expect(
      createConfigPermissionPolicy([]).decide({ principal: jane, permission: entityRead }),
    ).resolves.toBe('deny');
  });
});
