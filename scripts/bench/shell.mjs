// Benchmarks the portal shell in headless Chromium against the real backend
// with the demo catalog: the shell's initial JS, each plugin's JS fetched on
// its route, and the paint times of the home page and a plugin page.
//
// Usage: cd /work/main && npx tsc -b && node scripts/bench/shell.mjs [--loads 9]
//
// Runs `npm run build` first when the shell or a plugin remote is not built.
// Rewrites the shell section of BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumArgs } from './lib/chromiumArgs.mjs';
import { describeMachine } from './lib/describeMachine.mjs';
import { formatLoadAverage } from './lib/formatLoadAverage.mjs';
import { formatMarkdown } from './lib/formatMarkdown.mjs';
import { median } from './lib/median.mjs';
import { replaceBenchmarkSection } from './lib/replaceBenchmarkSection.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'packages/app/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const loadsIndex = args.indexOf('--loads');
const loads = loadsIndex === -1 ? 9 : Number(args[loadsIndex + 1]);
const loadAverageAtStart = os.loadavg();

const shellDist = path.join(root, 'packages/app/dist');
const backendEntry = path.join(root, 'packages/backend/dist/index.js');
const remoteManifests = [path.join(root, 'plugins/catalog/frontend/dist/mf-manifest.json')];

// ---------------------------------------------------------------- the portal

function ensureBuilt() {
  const missing = [path.join(shellDist, 'index.html'), backendEntry, ...remoteManifests].filter(
    (f) => !existsSync(f),
  );
  if (missing.length > 0) {
    console.log(`Building (missing ${missing.map((f) => path.relative(root, f)).join(', ')})`);
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}

async function startPortal() {
  const { createBackend } = require(backendEntry);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-shell-'));
  const configFile = path.join(dir, 'app-config.bench.yaml');
  await writeFile(
    configFile,
    JSON.stringify({
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database: { client: 'better-sqlite3', connection: path.join(dir, 'data') },
        logging: { level: 'warn' },
      },
      plugins: { installDirectory: path.join(dir, 'installed') },
      catalog: { locations: [{ type: 'file', target: path.join(root, 'demo/catalog-info.yaml') }] },
    }),
  );
  const backend = await createBackend({
    configFiles: [path.join(root, 'app-config.yaml'), configFile],
    env: {},
    cwd: dir,
    bundledPluginDirs: [path.join(root, 'plugins')],
    shellDistDir: shellDist,
  });
  const signIn = await fetch(`${backend.url}/api/core/auth/guest/sign-in`, { method: 'POST' });
  const session = await signIn.json();
  const api = async (route) => {
    const response = await fetch(`${backend.url}${route}`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    if (!response.ok) {
      throw new Error(`GET ${route} answered ${response.status}`);
    }
    return response.json();
  };
  let entities = 0;
  for (let attempt = 0; attempt < 400 && entities === 0; attempt++) {
    entities = (await api('/api/catalog/entities/by-query?limit=1')).totalItems;
    if (entities === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  if (entities === 0) {
    throw new Error('The catalog did not load the demo entities within 20 s');
  }
  return {
    url: backend.url,
    api,
    entities,
    async stop() {
      await backend.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- measuring

/**
 * A page in a new browser context (empty cache and storage) that is already signed in: the guest
 * sign-in through the context's request API puts the httpOnly session cookie in the context's jar.
 */
async function freshPage(browser, portal, contentSelector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const signIn = await context.request.post(`${portal.url}/api/core/auth/guest/sign-in`);
  if (!signIn.ok()) {
    throw new Error(`Guest sign-in answered ${signIn.status()}`);
  }
  await context.addInitScript(
    ({ contentSelector }) => {
      // When the page's main content first shows: the frame after it enters the DOM.
      const observer = new MutationObserver(() => {
        if (contentSelector && document.querySelector(contentSelector)) {
          observer.disconnect();
          requestAnimationFrame(() => {
            window.__atriumContentPaintedAt = performance.now();
          });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    { contentSelector },
  );
  return { context, page: await context.newPage() };
}

/** Records every script (and stylesheet) the page receives, with its gzip -9 size. */
function recordAssets(page) {
  const pending = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    // A redirect has no body; the response it leads to is recorded.
    if (
      (type === 'script' || type === 'stylesheet') &&
      (response.status() < 300 || response.status() >= 400)
    ) {
      pending.push(
        response.body().then((body) => ({
          path: new URL(response.url()).pathname,
          type,
          gzip: gzipSync(body, { level: 9 }).length,
        })),
      );
    }
  });
  return { take: async () => Promise.all(pending.splice(0)) };
}

const sum = (files) => files.reduce((total, file) => total + file.gzip, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function measureShellAndRoutes(browser, portal, pluginPages) {
  const { context, page } = await freshPage(browser, portal);
  const assets = recordAssets(page);
  await page.goto(`${portal.url}/`);
  await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  await page.waitForLoadState('networkidle');
  const shell = await assets.take();
  const routes = [];
  for (const { pluginId, title, path: pagePath } of pluginPages) {
    await page.goto(`${portal.url}/`);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await assets.take();
    const remoteEntry = page.waitForResponse((response) =>
      response.url().endsWith(`/plugins/${pluginId}/remoteEntry.js`),
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.pathname === pagePath);
    await remoteEntry;
    // Settled: no spinner (a loading plugin, a lazy kit chunk) and no busy table left.
    await page.waitForFunction(() => !document.querySelector('.atrium-progress, [aria-busy="true"]'));
    const fetched = (await assets.take()).filter((file) => file.type === 'script');
    const entry = fetched.filter((file) => file.path === `/plugins/${pluginId}/remoteEntry.js`);
    routes.push({ pluginId, pagePath, entry, beyond: fetched.filter((file) => !entry.includes(file)) });
  }
  await context.close();
  return { shell, routes };
}

async function measurePaints(browser, portal, pagePath, contentSelector) {
  const fcp = [];
  const content = [];
  for (let load = 0; load < loads; load++) {
    const { context, page } = await freshPage(browser, portal, contentSelector);
    await page.goto(`${portal.url}${pagePath}`);
    await page.waitForFunction(() => window.__atriumContentPaintedAt !== undefined, undefined, {
      timeout: 20_000,
    });
    const times = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      content: window.__atriumContentPaintedAt,
    }));
    fcp.push(times.fcp);
    content.push(times.content);
    await context.close();
  }
  return { fcp: median(fcp), content: median(content) };
}

// ---------------------------------------------------------------- report

function formatReport({ browserVersion, portal, shell, routes, paints }) {
  const shellJs = shell.filter((file) => file.type === 'script' && !file.path.startsWith('/plugins/'));
  const shellCss = shell.filter((file) => file.type === 'stylesheet');
  const lines = [
    `Measured ${describeMachine()}, Chromium ${browserVersion}. ` +
      `Production build served by the real backend (SQLite, the demo catalog: ${portal.entities} entities) on localhost. ` +
      'Sizes are each file gzipped at level 9 (1 KB = 1024 bytes); paint times are medians of ' +
      `${loads} loads, each in a new browser context (empty cache), already signed in.`,
    '',
    `Load average when it started: ${formatLoadAverage(loadAverageAtStart)} (other work on the machine slows the paint times).`,
    '',
    '| Measure | Result | Aim |',
    '|---|---:|---:|',
    `| Shell initial JS on \`/\`, gzip | ${kb(sum(shellJs))} in ${shellJs.length} files (CSS ${kb(sum(shellCss))}) | < 200 KB |`,
  ];
  for (const route of routes) {
    lines.push(
      `| \`${route.pagePath}\` (${route.pluginId}): entry \`remoteEntry.js\`, gzip | ${kb(sum(route.entry))} | |`,
      `| \`${route.pagePath}\` (${route.pluginId}): JS beyond the entry, gzip | ${kb(sum(route.beyond))} in ${route.beyond.length} files | < 60 KB |`,
    );
  }
  for (const paint of paints) {
    lines.push(
      `| First contentful paint, \`${paint.pagePath}\` | ${paint.fcp.toFixed(0)} ms | ${paint.aim} |`,
      `| ${paint.contentLabel}, \`${paint.pagePath}\` | ${paint.content.toFixed(0)} ms | |`,
    );
  }
  lines.push('', 'Files:', '');
  lines.push(`- shell: ${shellJs.map((file) => `${path.basename(file.path)} ${kb(file.gzip)}`).join(', ')}`);
  for (const route of routes) {
    const files = [...route.entry, ...route.beyond];
    lines.push(
      `- ${route.pagePath}: ${files.map((file) => `${path.basename(file.path)} ${kb(file.gzip)}`).join(', ')}`,
    );
  }
  return lines.join('\n');
}

ensureBuilt();
const portal = await startPortal();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: chromiumArgs,
});
try {
  const { items } = await portal.api('/api/core/plugins');
  const pluginPages = items.flatMap((plugin) =>
    (plugin.frontend?.pages ?? []).map((page) => ({
      pluginId: plugin.id,
      title: page.title,
      path: page.path,
    })),
  );
  const { shell, routes } = await measureShellAndRoutes(browser, portal, pluginPages);
  const paints = [
    { pagePath: '/', aim: '', contentLabel: 'Home page content painted', selector: 'h1' },
    {
      pagePath: '/catalog',
      aim: '< 500 ms',
      contentLabel: 'Catalog table rows painted',
      selector: 'table[aria-label="Entities"] tbody tr',
    },
  ];
  for (const paint of paints) {
    Object.assign(paint, await measurePaints(browser, portal, paint.pagePath, paint.selector));
    console.log(`${paint.pagePath}: FCP ${paint.fcp.toFixed(0)} ms, content ${paint.content.toFixed(0)} ms`);
  }
  const report = formatReport({ browserVersion: browser.version(), portal, shell, routes, paints });
  console.log(`\n${report}`);
  // Biome formats Markdown too (`npm run lint`); the section is written the way it would print it.
  await replaceBenchmarkSection(root, 'shell', `## Portal shell\n\n${report}`, (section) =>
    formatMarkdown(root, `${section}\n`).trimEnd(),
  );
} finally {
  await browser.close();
  await portal.stop();
}
