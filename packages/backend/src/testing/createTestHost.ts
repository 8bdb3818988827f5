import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Backend, createBackend } from '../createBackend';
import type { TestDatabase } from './createTestDatabase';

/** The static token every test host accepts, acting as `user:default/test-user`. */
export const TEST_TOKEN = 'atrium-test-token-0123456789';

/** Options of {@link createTestHost}. */
export interface TestHostOptions {
  /** Folders of plugins to discover; only those in `enabled` boot. */
  pluginDirs: string[];
  /** Plugin ids to enable, with their boot-failure policy. */
  enabled: Record<string, { onBootFailure?: 'abort' | 'continue' }>;
  /** The database to use; an in-memory SQLite when absent. */
  database?: TestDatabase;
  /** More app-config, layered on top as a second file. */
  config?: Record<string, unknown>;
  /** Environment for `${VAR}` substitution. */
  env?: Record<string, string | undefined>;
}

/** A running test backend and helpers to call it. */
export interface TestHost {
  backend: Backend;
  /** fetch against the backend with the test token unless `token: null`. */
  fetch(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Boots the real core with the given plugins on port 0: the boot test every
 * plugin has, and the integration harness of the core itself.
 *
 * @example
 * const host = await createTestHost({ pluginDirs: [join(__dirname, '../..')], enabled: { catalog: {} } });
 * const res = await host.fetch('/api/catalog/entities/by-query');
 */
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const dir = await mkdtemp(join(tmpdir(), 'atrium-test-host-'));
  const file = join(dir, 'app-config.test.yaml');
  const config = {
    backend: {
      listen: { host: '127.0.0.1', port: 0 },
      database: options.database?.config ?? { client: 'better-sqlite3', connection: ':memory:' },
      logging: { level: 'warn' },
    },
    auth: { tokens: [{ token: TEST_TOKEN, subject: 'user:default/test-user', roles: ['admin'] }] },
    plugins: { installDirectory: join(dir, 'installed'), enabled: options.enabled },
  };
  const overrides = join(dir, 'app-config.overrides.yaml');
  await writeFile(file, JSON.stringify(config));
  await writeFile(overrides, JSON.stringify(options.config ?? {}));
  let backend: Backend;
  try {
    backend = await createBackend({
      configFiles: [file, overrides],
      env: options.env ?? {},
      bundledPluginDirs: options.pluginDirs.map((d) => resolve(d)),
      cwd: dir,
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    backend,
    fetch(path, init = {}) {
      const { token = TEST_TOKEN, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) {
        headers.set('authorization', `Bearer ${token}`);
      }
      return fetch(`${backend.url}${path}`, { ...rest, headers });
    },
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
