import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { loadOrCreateSessionSecret } from './loadOrCreateSessionSecret';

describe.each(TEST_DATABASE_KINDS)('loadOrCreateSessionSecret on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.destroy());

  it('makes one secret and gives every caller, even concurrent ones, the same one', async () => {
    const knex = database.knex('public');
    const secrets = await Promise.all([
      loadOrCreateSessionSecret(knex),
      loadOrCreateSessionSecret(database.knex('public')),
    ]);
    expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets[1]).toBe(secrets[0]);
    expect(await loadOrCreateSessionSecret(knex)).toBe(secrets[0]);
  });
});
