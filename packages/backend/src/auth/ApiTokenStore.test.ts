import { AuthenticationError } from '@atrium/plugin-api';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing';
import { ApiTokenStore } from './ApiTokenStore';

describe.each(TEST_DATABASE_KINDS)('ApiTokenStore on %s', (kind) => {
  let database: TestDatabase;
  let tokens: ApiTokenStore;
  let nowMs = Date.UTC(2030, 0, 1);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const knex = database.knex('core');
    if (kind === 'postgres') {
      await knex.raw('CREATE SCHEMA IF NOT EXISTS core');
    }
    tokens = await ApiTokenStore.create(knex, { now: () => nowMs });
    // Migrating twice is a no-op.
    await ApiTokenStore.create(knex);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('verifies a token until it expires, then says when it expired', async () => {
    nowMs = Date.UTC(2030, 0, 1);
    const issued = await tokens.issue({
      userEntityRef: 'user:default/jane',
      name: 'ci',
      scopes: ['*'],
      expiresInDays: 2,
    });

    await expect(tokens.verify(issued.token)).resolves.toMatchObject({
      id: issued.id,
      userEntityRef: 'user:default/jane',
      scopes: ['*'],
      expiresAt: '2030-01-03T00:00:00.000Z',
      lastUsedAt: '2030-01-01T00:00:00.000Z',
    });
    nowMs = Date.UTC(2030, 0, 3);
    await expect(tokens.verify(issued.token)).rejects.toThrow(
      new AuthenticationError("API token 'ci' expired at 2030-01-03T00:00:00.000Z; create a new one"),
    );
  });

  it('refuses a token whose secret does not match, even with a known id', async () => {
    const issued = await tokens.issue({
      userEntityRef: 'user:default/jane',
      name: 'x',
      scopes: ['*'],
      expiresInDays: 1,
    });
    const forged = `${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`;
    await expect(tokens.verify(forged)).rejects.toThrow(/^Unknown API token/);
  });

  it("reports another user's token as not found on revoke and leaves it working", async () => {
    const issued = await tokens.issue({
      userEntityRef: 'user:default/jane',
      name: 'mine',
      scopes: ['*'],
      expiresInDays: 1,
    });

    await expect(tokens.revoke('user:default/mallory', issued.id)).rejects.toThrow(
      /not found among your tokens/,
    );
    await expect(tokens.verify(issued.token)).resolves.toMatchObject({ id: issued.id });
    expect((await tokens.list('user:default/mallory')).length).toBe(0);
  });
});
