import type { UserPrincipal } from '@atrium/plugin-api';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing';
import { SessionStore } from './SessionStore';

const jane: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/jane',
  ownershipEntityRefs: ['user:default/jane'],
  roles: [],
  via: 'session',
};

describe.each(TEST_DATABASE_KINDS)('SessionStore on %s', (kind) => {
  let database: TestDatabase;
  let sessions: SessionStore;
  let nowMs = Date.UTC(2030, 0, 1);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const knex = database.knex('core');
    if (kind === 'postgres') {
      await knex.raw('CREATE SCHEMA IF NOT EXISTS core');
    }
    sessions = await SessionStore.create(knex, { maxAgeMs: 60 * 60_000, now: () => nowMs });
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('keeps the principal, profile and CSRF token of a session until it ends', async () => {
    const started = await sessions.start({ principal: jane, displayName: 'Jane', email: 'jane@example.com' });

    await expect(sessions.use(started.id)).resolves.toMatchObject({
      principal: jane,
      displayName: 'Jane',
      email: 'jane@example.com',
      csrfToken: started.csrfToken,
    });
    await sessions.end(started.id);
    await expect(sessions.use(started.id)).resolves.toBeUndefined();
  });

  it('replaces the principal on refresh and records when', async () => {
    const started = await sessions.start({ principal: jane });
    nowMs += 10 * 60_000;
    const refreshed = { ...jane, ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'] };

    await sessions.refresh(started.id, { principal: refreshed });
    const used = await sessions.use(started.id);
    expect(used?.principal).toEqual(refreshed);
    expect(used?.refreshedAt.getTime()).toBe(nowMs);
  });

  it('sweeps expired sessions when a new one starts', async () => {
    await sessions.start({ principal: jane });
    nowMs += 2 * 60 * 60_000;
    await sessions.start({ principal: jane });

    const rows = await database.knex('core')('auth_sessions').select('expires_at');
    expect(rows.every((row) => Number(row.expires_at) > nowMs)).toBe(true);
  });
});
