import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '@atrium/backend';
import type { Portal } from './Portal';
import { repoRoot } from './repoRoot';

/** The fixture plugins the browser tests enable beside the bundled ones. */
export const fixturePluginsDir = join(repoRoot, 'packages/app/e2e/fixtures/plugins');

/** Built output the tests need; `npm run build` makes it. */
const requiredBuilds = [
  join(repoRoot, 'packages/app/dist/index.html'),
  join(repoRoot, 'plugins/catalog/frontend/dist/mf-manifest.json'),
];

async function waitForCatalog(portal: Portal): Promise<void> {
  // The catalog reads the demo location on its first scheduled run, shortly after boot.
  for (let attempt = 0; attempt < 200; attempt++) {
    const page = await portal.api<{ totalItems: number }>('/api/catalog/entities/by-query?limit=1');
    if (page.totalItems > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The catalog did not load the demo entities within 10 s');
}

/**
 * Starts the real backend as `npm start` would (app-config.yaml, the bundled
 * plugins, the built shell) with a test layer on top: SQLite in a temporary
 * folder, a free port, the demo catalog, and the fixture plugins enabled
 * with `onBootFailure: continue`. Fixture remotes are built first if stale.
 * `config` is one more layer on top, e.g. a test's `backend.reading.allow`.
 */
export async function startPortal({ config }: { config?: Record<string, unknown> } = {}): Promise<Portal> {
  const missing = requiredBuilds.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The browser tests need built assets; run \`npm run build\` first (missing: ${missing.join(', ')})`,
    );
  }
  execFileSync(process.execPath, [join(repoRoot, 'packages/app/e2e/buildFixtureRemotes.js')], {
    stdio: 'inherit',
  });

  const dir = await mkdtemp(join(tmpdir(), 'atrium-e2e-'));
  const configFile = join(dir, 'app-config.e2e.yaml');
  const fixtures = readdirSync(fixturePluginsDir);
  await writeFile(
    configFile,
    JSON.stringify({
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database: { client: 'better-sqlite3', connection: join(dir, 'data') },
        logging: { level: 'warn' },
      },
      plugins: {
        installDirectory: join(dir, 'installed'),
        enabled: Object.fromEntries([
          ['catalog', {}],
          ...fixtures.map((id) => [id, { onBootFailure: 'continue' }]),
        ]),
      },
      catalog: { locations: [{ type: 'file', target: join(repoRoot, 'demo/catalog-info.yaml') }] },
    }),
  );
  const configFiles = [join(repoRoot, 'app-config.yaml'), configFile];
  if (config) {
    configFiles.push(join(dir, 'app-config.test.yaml'));
    await writeFile(join(dir, 'app-config.test.yaml'), JSON.stringify(config));
  }
  const backend = await createBackend({
    configFiles,
    env: {},
    cwd: dir,
    bundledPluginDirs: [join(repoRoot, 'plugins'), fixturePluginsDir],
    shellDistDir: join(repoRoot, 'packages/app/dist'),
  });
  let token: string | undefined;
  const portal: Portal = {
    url: backend.url,
    async api<T>(path: string) {
      if (!token) {
        const signIn = await fetch(`${backend.url}/api/core/auth/guest/sign-in`, { method: 'POST' });
        token = ((await signIn.json()) as { token: string }).token;
      }
      const response = await fetch(`${backend.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      }
      return (await response.json()) as T;
    },
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitForCatalog(portal);
  } catch (error) {
    await portal.stop();
    throw error;
  }
  return portal;
}
