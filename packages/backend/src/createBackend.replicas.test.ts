import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './testing/createTestDatabase';
import { createTestHost, type TestHost } from './testing/createTestHost';
import { waitFor } from './testing/waitFor';

const fixtures = join(__dirname, 'testing/fixtures/plugins');

interface Tick {
  replica: string;
  at: number;
}

describe('two core replicas on one PostgreSQL database', () => {
  let database: TestDatabase;
  const hosts: TestHost[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    for (const replica of ['a', 'b']) {
      hosts.push(
        await createTestHost({
          pluginDirs: [fixtures],
          database,
          enabled: { ticker: {} },
          config: { ticker: { replica } },
        }),
      );
    }
  });
  afterAll(async () => {
    for (const host of hosts) {
      await host.stop().catch(() => undefined);
    }
    await database.destroy();
  });

  const ticks = async (host: TestHost) => (await (await host.fetch('/api/ticker/ticks')).json()) as Tick[];

  it('run a scheduled task once per interval between them, and the survivor takes over when one stops', async () => {
    const [a, b] = hosts as [TestHost, TestHost];
    await waitFor('four ticks', async () => (await ticks(a)).length >= 4);
    const before = await ticks(b);
    const gaps = before.slice(1).map((tick, i) => tick.at - (before[i] as Tick).at);
    // A second run inside one interval would mean both replicas ran the task.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800);

    const stopped = before[before.length - 1]?.replica === 'a' ? a : b;
    const survivor = stopped === a ? b : a;
    const survivorName = stopped === a ? 'b' : 'a';
    await stopped.stop();
    const seen = (await ticks(survivor)).length;
    await waitFor('two ticks after the stop', async () => (await ticks(survivor)).length >= seen + 2);
    const after = (await ticks(survivor)).slice(seen);
    expect(after.every((tick) => tick.replica === survivorName)).toBe(true);
  });
});
