import { join } from 'node:path';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from './testing/createTestDatabase';
import { createTestHost, type TestHostOptions } from './testing/createTestHost';
import {
  pendingSlowRequests,
  releaseSlowRequests,
  shutdownLog,
} from './testing/fixtures/plugins/greeter/backend';

const fixtures = join(__dirname, 'testing/fixtures/plugins');

describe.each(TEST_DATABASE_KINDS)('the core backend on %s', (kind) => {
  let database: TestDatabase;
  const boot = (options: Omit<TestHostOptions, 'pluginDirs' | 'database'>) =>
    createTestHost({ pluginDirs: [fixtures], database, ...options });

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.destroy();
  });

  it('serves a plugin and answers 401 with the Backstage error body without credentials', async () => {
    const host = await boot({ enabled: { greeter: {} }, config: { greeter: { greeting: 'Hej' } } });
    try {
      expect((await host.fetch('/healthz')).status).toBe(200);
      const hello = await host.fetch('/api/greeter/hello');
      expect(await hello.json()).toEqual({ greeting: 'Hej', who: 'user:default/test-user' });

      const anonymous = await host.fetch('/api/greeter/hello', { token: null });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({
        error: expect.objectContaining({ name: 'AuthenticationError', message: expect.any(String) }),
        request: { method: 'GET', url: '/api/greeter/hello' },
        response: { statusCode: 401 },
      });
      expect((await host.fetch('/api/greeter/hello', { token: 'not-a-real-token-at-all' })).status).toBe(401);
      expect((await host.fetch('/api/greeter/public/ping', { token: null })).status).toBe(200);
      expect((await host.fetch('/api/nothing-here')).status).toBe(404);
    } finally {
      await host.stop();
    }
  });

  it('lists enabled plugins with their frontend contributions and only frontend-visible config', async () => {
    const host = await boot({
      enabled: { greeter: {} },
      config: { greeter: { apiKey: 'sk-very-secret-value', banner: 'Welcome' } },
    });
    try {
      expect((await host.fetch('/api/core/plugins', { token: null })).status).toBe(401);
      const body = (await (await host.fetch('/api/core/plugins')).json()) as {
        items: Array<Record<string, unknown>>;
      };
      expect(body.items).toEqual([
        expect.objectContaining({
          id: 'greeter',
          status: 'started',
          config: { banner: 'Welcome' },
          frontend: expect.objectContaining({
            remote: 'atrium_greeter',
            entry: '/plugins/greeter/mf-manifest.json',
            pages: [{ id: 'greeter', path: '/greeter', title: 'Greeter', icon: 'hand' }],
          }),
        }),
      ]);
      expect(JSON.stringify(body)).not.toContain('sk-very-secret-value');
    } finally {
      await host.stop();
    }
  });

  it('boots a plugin after the plugin whose service it consumes and shuts down in reverse order', async () => {
    shutdownLog.length = 0;
    const host = await boot({ enabled: { 'clock-reader': {}, clock: {}, greeter: {} } });
    expect(host.backend.plugins.map((p) => p.plugin.manifest.id)).toEqual([
      'clock',
      'clock-reader',
      'greeter',
    ]);
    expect(await (await host.fetch('/api/clock-reader/time')).json()).toEqual({
      now: '2026-11-28T00:00:00.000Z',
    });
    await host.stop();
    expect(shutdownLog).toEqual(['greeter', 'clock-reader', 'clock']);
  });

  it('stops the boot when code registers a route its manifest does not declare, naming file and key', async () => {
    await expect(boot({ enabled: { 'undeclared-route': {} } })).rejects.toThrow(
      /undeclared-route\/plugin\.yaml: backend\.routes: the code registers route 'DELETE \/secret' that is not declared/,
    );
  });

  it('reports a boot-order cycle with its path', async () => {
    await expect(boot({ enabled: { 'cycle-a': {}, 'cycle-b': {} } })).rejects.toThrow(
      'Plugins depend on each other in a cycle: cycle-a → cycle-b → cycle-a',
    );
  });

  it('stops the boot when a plugin fails under the default policy, naming the plugin and the reason', async () => {
    await expect(boot({ enabled: { greeter: {}, failing: {} } })).rejects.toThrow(
      "Plugin 'failing' failed to start: the upstream inventory service refused the connection",
    );
  });

  it('keeps running without a failed plugin configured onBootFailure: continue, which answers 503', async () => {
    const host = await boot({ enabled: { failing: { onBootFailure: 'continue' }, greeter: {} } });
    try {
      const failed = await host.fetch('/api/failing/never');
      expect(failed.status).toBe(503);
      expect(((await failed.json()) as { error: { name: string } }).error.name).toBe(
        'ServiceUnavailableError',
      );
      expect((await host.fetch('/api/greeter/hello')).status).toBe(200);
      const list = (await (await host.fetch('/api/core/plugins')).json()) as {
        items: Array<Record<string, unknown>>;
      };
      expect(list.items.find((p) => p.id === 'failing')).toEqual(
        expect.objectContaining({
          status: 'failed',
          error: expect.stringContaining('refused the connection'),
        }),
      );
    } finally {
      await host.stop();
    }
  });

  it('refuses config that breaks a plugin schema, naming the file and key', async () => {
    await expect(
      boot({ enabled: { greeter: {} }, config: { greeter: { greeting: { text: 'Hej' } } } }),
    ).rejects.toThrow(/app-config\.overrides\.yaml: greeter\.greeting: must be string/);
  });

  it('finishes an in-flight request during a graceful shutdown', async () => {
    const host = await boot({ enabled: { greeter: {} } });
    const inFlight = host.fetch('/api/greeter/slow');
    for (let i = 0; i < 500 && pendingSlowRequests() === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(pendingSlowRequests()).toBe(1);
    const stopped = host.stop();
    releaseSlowRequests();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await stopped;
  });

  it('lets a plugin write its entities, refuses another provider overwriting them, and emits change events', async () => {
    const host = await boot({ enabled: { greeter: {}, intruder: {} } });
    try {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      };
      const post = (plugin: string) =>
        host.fetch(`/api/${plugin}/entities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify([entity]),
        });
      expect(await (await post('greeter')).json()).toEqual(
        expect.objectContaining({ changed: ['component:default/payments'] }),
      );
      const intrusion = await post('intruder');
      expect(intrusion.status).toBe(409);
      expect(((await intrusion.json()) as { error: { message: string } }).error.message).toContain('greeter');
      let changes: string[] = [];
      for (let i = 0; i < 200 && changes.length === 0; i++) {
        changes = (await (await host.fetch('/api/greeter/changes')).json()) as string[];
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(changes).toEqual(['upserted component:default/payments']);
    } finally {
      await host.stop();
    }
  });
});
