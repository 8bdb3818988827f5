import { type EntityStoreService, NotAllowedError } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing';
import { createIdentityResolver } from './createIdentityResolver';
import { seedPeople } from './fixtures/seedPeople';
import type { IdentityResolverConfig } from './IdentityResolverConfig';

const resolvers: IdentityResolverConfig[] = [
  { by: 'email' },
  { by: 'annotation', annotation: 'github.com/user-login', claim: 'login' },
  { by: 'name', claim: 'preferred_username' },
];

describe.each(TEST_DATABASE_KINDS)('createIdentityResolver on %s', (kind) => {
  let database: TestDatabase;
  let store: EntityStoreService;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = await seedPeople(database);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const resolver = (unknownUsers: 'refuse' | 'limited' = 'refuse') =>
    createIdentityResolver({ store, resolvers, unknownUsers, logger: createFakeLogger() });

  it('matches by e-mail regardless of case and follows groups up the tree through a cycle', async () => {
    const signedIn = await resolver().signIn({ provider: 'oidc', claims: {}, email: 'jane.doe@EXAMPLE.com' });

    expect(signedIn.principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jane',
      ownershipEntityRefs: [
        'user:default/jane',
        'group:default/team-a',
        'group:default/eng',
        'group:default/org',
      ],
      roles: [],
      via: 'session',
    });
    expect(signedIn.displayName).toBe('Jane Doe');
  });

  it('matches by annotation and takes groups from memberOf relations', async () => {
    const signedIn = await resolver().signIn({ provider: 'github', claims: { login: 'octocat' } });

    expect(signedIn.principal.userEntityRef).toBe('user:default/octo');
    expect(signedIn.principal.ownershipEntityRefs).toEqual(['user:default/octo', 'group:default/team-b']);
  });

  it('tries the resolvers in order and matches by name last', async () => {
    const signedIn = await resolver().signIn({
      provider: 'oidc',
      claims: { preferred_username: 'bob' },
      email: 'nobody@example.com',
    });

    expect(signedIn.principal.userEntityRef).toBe('user:default/bob');
  });

  it('refuses a person no User entity matches, saying whom to ask', async () => {
    await expect(
      resolver().signIn({ provider: 'oidc', claims: { sub: 'x' }, email: 'stranger@example.com' }),
    ).rejects.toThrow(
      new NotAllowedError(
        'You signed in, but no User entity in the catalog matches you; ask an administrator to add you to the catalog',
      ),
    );
  });

  it('refuses an e-mail that several User entities share', async () => {
    await expect(
      resolver().signIn({ provider: 'oidc', claims: {}, email: 'twins@example.com' }),
    ).rejects.toThrow(/more than one User entity by email/);
  });

  it('signs an unknown person in with only their own ref when unknownUsers is limited', async () => {
    const signedIn = await resolver('limited').signIn({
      provider: 'github',
      claims: { login: 'New.Person!' },
      displayName: 'New Person',
    });

    expect(signedIn.principal).toEqual({
      type: 'user',
      userEntityRef: 'user:default/new.person',
      ownershipEntityRefs: ['user:default/new.person'],
      roles: [],
      via: 'session',
    });
  });

  it('never gives a limited person the name of a catalog user the resolvers did not match', async () => {
    await expect(
      resolver('limited').signIn({ provider: 'github', claims: { login: 'jane' } }),
    ).rejects.toThrow(/belongs to one/);
  });
});
