// Benchmarks the catalog end to end on SQLite and PostgreSQL: generated
// catalog-info.yaml files served over local HTTP, registered through the real
// backend's API, then query latency, the catalog page's paint in headless
// Chromium, and the backend's peak RSS.
//
// Usage: cd /work/main && npx tsc -b && node scripts/bench/catalog.mjs [--entities 100000]
//        [--samples 200] [--loads 5] [--only sqlite|postgres]   (--only skips updating BENCHMARKS.md)
//        [--cpu-prof DIR]   (writes a V8 CPU profile of each backend to DIR)
//        [--backend-log DIR]   (writes each backend's whole log to DIR/<label>.log)
//
// The backend runs in a child process (`atrium start`), so its RSS is its own.
// PostgreSQL: a fresh database on ATRIUM_TEST_PG_HOST (default 127.0.0.1:5432), dropped afterwards.
// Runs `npm run build` first when the shell or the catalog's frontend is not built.

import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './lib/chromiumArgs.mjs';
import { describeMachine } from './lib/describeMachine.mjs';
import { entityName } from './lib/entityName.mjs';
import { formatLoadAverage } from './lib/formatLoadAverage.mjs';
import { formatMarkdown } from './lib/formatMarkdown.mjs';
import { gcd } from './lib/gcd.mjs';
import { median } from './lib/median.mjs';
import { percentile } from './lib/percentile.mjs';
import { pgConnectionFromEnv } from './lib/pgConnectionFromEnv.mjs';
import { pick } from './lib/pick.mjs';
import { replaceBenchmarkSection } from './lib/replaceBenchmarkSection.mjs';
import { seededRandom } from './lib/seededRandom.mjs';
import { TAGS } from './lib/TAGS.mjs';
import { WORDS } from './lib/WORDS.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const appRequire = createRequire(path.join(root, 'packages/app/package.json'));
const backendRequire = createRequire(path.join(root, 'packages/backend/package.json'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const entityCount = Number(option('entities', 100_000));
const samples = Number(option('samples', 200));
const loads = Number(option('loads', 5));
const only = option('only', undefined);
const cpuProfileDir = option('cpu-prof', undefined);
const backendLogDir = option('backend-log', undefined);
const entitiesPerFile = 200;
const loadAverageAtStart = os.loadavg();

const pg = pgConnectionFromEnv();
const token = `bench-${randomBytes(16).toString('hex')}`;

// ---------------------------------------------------------------- data

const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const SEARCH_TERMS = [
  'payments',
  'checkout serv',
  'inventory',
  'team aud',
  'fraud ri',
  'kafka',
  'ledger',
  'subscr',
];

/** A YAML scalar: plain when it cannot be misread, double-quoted (JSON) otherwise. */
function scalar(value) {
  if (typeof value !== 'string') {
    return String(value);
  }
  return /^[a-z][a-z0-9 ._/-]*$/i.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** Block-style YAML for the plain objects below; strings with newlines become `|` blocks. */
function toYaml(value, indent = '') {
  const lines = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) {
      continue;
    }
    if (Array.isArray(item)) {
      if (item.length === 0) {
        lines.push(`${indent}${key}: []`);
        continue;
      }
      lines.push(`${indent}${key}:`);
      for (const element of item) {
        if (typeof element === 'object') {
          const nested = toYaml(element, `${indent}    `).trimStart();
          lines.push(`${indent}  - ${nested}`);
        } else {
          lines.push(`${indent}  - ${scalar(element)}`);
        }
      }
    } else if (typeof item === 'object') {
      lines.push(`${indent}${key}:`, toYaml(item, `${indent}  `));
    } else if (typeof item === 'string' && item.includes('\n')) {
      lines.push(
        `${indent}${key}: |`,
        ...item
          .trimEnd()
          .split('\n')
          .map((line) => `${indent}  ${line}`),
      );
    } else {
      lines.push(`${indent}${key}: ${scalar(item)}`);
    }
  }
  return lines.join('\n');
}

/**
 * The catalog of `count` entities: teams (with parents), users, systems, APIs
 * with OpenAPI definitions, resources and components that depend on
 * components and resources and provide and consume APIs.
 */
function createCatalog(count) {
  const shares = [
    ['group', 0.01],
    ['user', 0.09],
    ['system', 0.02],
    ['api', 0.2],
    ['resource', 0.13],
  ];
  const ranges = {};
  let start = 0;
  for (const [kind, share] of shares) {
    ranges[kind] = { start, count: Math.max(1, Math.round(count * share)) };
    start += ranges[kind].count;
  }
  ranges.component = { start, count: count - start };
  const kinds = Object.keys(ranges);
  const nameIn = (kind, next) => entityName(kind, Math.floor(next() * ranges[kind].count));
  const metadata = (next, name, title) => ({
    name,
    title,
    description: `The ${title} ${pick(next, WORDS)} service handles ${pick(next, WORDS)} and ${pick(next, WORDS)} for the ${pick(next, WORDS)} domain.`,
    tags: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, TAGS)))],
    annotations: {
      'github.com/project-slug': `acme/${name}`,
      'backstage.io/techdocs-ref': 'dir:.',
    },
    labels: { tier: `tier-${1 + Math.floor(next() * 3)}` },
    links: [{ url: `https://${name}.acme.internal/dashboard`, title: 'Dashboard', icon: 'dashboard' }],
  });
  const openapi = (name, next) =>
    [
      'openapi: 3.0.3',
      'info:',
      `  title: ${name}`,
      '  version: 1.0.0',
      'paths:',
      `  /${pick(next, WORDS)}:`,
      '    get:',
      `      summary: List ${pick(next, WORDS)}`,
      '      responses:',
      "        '200':",
      '          description: OK',
      '',
    ].join('\n');

  const entityAt = (index) => {
    const kind = kinds.find((k) => index < ranges[k].start + ranges[k].count);
    const i = index - ranges[kind].start;
    const next = seededRandom(`${kind}!`, i);
    const name = entityName(kind, i);
    const envelope = (entityKind, meta, spec) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: entityKind,
      metadata: meta,
      spec,
    });
    switch (kind) {
      case 'group':
        return envelope('Group', metadata(next, name, `Team ${name}`), {
          type: 'team',
          ...(i >= 10 ? { parent: entityName('group', i % 10) } : {}),
          children: [],
        });
      case 'user':
        return envelope(
          'User',
          { name, annotations: { 'acme.com/employee-id': String(100000 + i) } },
          {
            profile: { displayName: `User ${i}`, email: `${name}@acme.com` },
            memberOf: [nameIn('group', next)],
          },
        );
      case 'system':
        return envelope('System', metadata(next, name, name), { owner: `group:${nameIn('group', next)}` });
      case 'api':
        return envelope('API', metadata(next, name, name), {
          type: 'openapi',
          lifecycle: pick(next, LIFECYCLES),
          owner: `group:${nameIn('group', next)}`,
          system: nameIn('system', next),
          definition: openapi(name, next),
        });
      case 'resource':
        return envelope('Resource', metadata(next, name, name), {
          type: pick(next, ['database', 's3-bucket', 'queue']),
          owner: `group:${nameIn('group', next)}`,
          system: nameIn('system', next),
        });
      default: {
        const dependsOn = [
          ...new Set(
            Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
              next() < 0.6
                ? `component:${nameIn('component', next)}`
                : `resource:${nameIn('resource', next)}`,
            ),
          ),
        ];
        return envelope('Component', metadata(next, name, name), {
          type: pick(next, ['service', 'website', 'library']),
          lifecycle: pick(next, LIFECYCLES),
          owner: `group:${nameIn('group', next)}`,
          system: nameIn('system', next),
          dependsOn,
          providesApis: next() < 0.5 ? [nameIn('api', next)] : [],
          consumesApis: next() < 0.7 ? [...new Set([nameIn('api', next), nameIn('api', next)])] : [],
        });
      }
    }
  };

  // Each file mixes kinds, as a real organisation's repositories do: a fixed permutation of the indexes.
  let stride = 7919;
  while (gcd(stride, count) !== 1) {
    stride += 2;
  }
  const files = new Map();
  const refs = [];
  const fileCount = Math.ceil(count / entitiesPerFile);
  for (let file = 0; file < fileCount; file++) {
    const documents = [];
    for (
      let position = file * entitiesPerFile;
      position < Math.min(count, (file + 1) * entitiesPerFile);
      position++
    ) {
      const entity = entityAt((position * stride) % count);
      refs.push(`${entity.kind}:default/${entity.metadata.name}`.toLowerCase());
      documents.push(toYaml(entity));
    }
    files.set(
      `/repos/part-${String(file).padStart(4, '0')}/catalog-info.yaml`,
      `${documents.join('\n---\n')}\n`,
    );
  }
  files.set(
    '/catalog-info.yaml',
    `${toYaml({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: 'acme-root', description: 'Every repository of Acme' },
      spec: { targets: [...files.keys()].map((p) => `.${p}`) },
    })}\n`,
  );
  // The root file's Location entity plus the Location entity generated for the registered location.
  return { files, refs, expected: count + 2 };
}

/** Serves the generated files on 127.0.0.1 at a free port. */
async function startSourceServer(files) {
  const server = createServer((req, res) => {
    const body = files.get(new URL(req.url, 'http://x').pathname);
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/yaml' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// ---------------------------------------------------------------- the backend

function ensureBuilt() {
  const needed = [
    path.join(root, 'packages/app/dist/index.html'),
    path.join(root, 'packages/cli/dist/bin.js'),
    path.join(root, 'plugins/catalog/frontend/dist/mf-manifest.json'),
  ];
  const missing = needed.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.log(`Building (missing ${missing.map((f) => path.relative(root, f)).join(', ')})`);
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
  // A development build (`webpack --mode development`, left by someone working on the UI) would make the paint
  // figures meaningless, or fail to load beside the production shell; rebuild it for production.
  const bundles = [
    { workspace: '@atrium/app', file: 'packages/app/dist/main.js' },
    { workspace: '@atrium/plugin-catalog-frontend', file: 'plugins/catalog/frontend/dist/remoteEntry.js' },
  ];
  for (const { workspace, file } of bundles) {
    if (readFileSync(path.join(root, file), 'utf8').includes('webpackBootstrap')) {
      console.log(`Building ${workspace} for production (${file} is a development build)`);
      execFileSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: 'inherit' });
    }
  }
}

/** `atrium start` in a child process with a config of its own; resolves once it listens. */
async function startBackend({ dir, database, source, label }) {
  const configFile = path.join(dir, 'app-config.bench.yaml');
  await writeFile(
    configFile,
    JSON.stringify({
      backend: {
        listen: { host: '127.0.0.1', port: 0 },
        database,
        logging: { level: 'info' },
        reading: { allow: [{ host: source.host }] },
      },
      auth: {
        guest: { enabled: true },
        tokens: [{ token, subject: 'user:default/bench' }],
      },
      plugins: { installDirectory: path.join(dir, 'installed'), enabled: { catalog: {} } },
      catalog: {
        locations: [],
        refreshInterval: '24h',
        rules: [
          {
            allow: [
              'Component',
              'API',
              'Resource',
              'System',
              'Domain',
              'Location',
              'Group',
              'User',
              'Template',
            ],
            locations: [{ type: 'url', pattern: `${source.url}/**` }],
          },
        ],
      },
    }),
  );
  const nodeArgs = [];
  if (cpuProfileDir) {
    await mkdir(cpuProfileDir, { recursive: true });
    nodeArgs.push(
      '--cpu-prof',
      `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`,
      `--cpu-prof-name=${label}.cpuprofile`,
    );
  }
  const child = spawn(
    process.execPath,
    [...nodeArgs, 'packages/cli/dist/bin.js', 'start', '--config', configFile],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = [];
  let onLine;
  let logFile;
  if (backendLogDir) {
    await mkdir(backendLogDir, { recursive: true });
    logFile = createWriteStream(path.join(backendLogDir, `${label}.log`));
    // 'close', not 'exit': output can still arrive between the two.
    child.once('close', () => logFile.end());
  }
  const remember = (chunk) => {
    logFile?.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      if (line.trim()) {
        log.push(line);
        if (log.length > 200) {
          log.shift();
        }
        onLine?.(line);
      }
    }
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The backend did not start:\n${log.join('\n')}`)),
      60_000,
    );
    onLine = (line) => {
      const match = /listening on (http:\/\/[\d.:]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The backend exited with ${code}:\n${log.join('\n')}`));
    });
  });
  onLine = undefined;
  let exitStatus;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      log.push(`(the backend exited: code ${code}, signal ${signal})`);
      resolve();
    }),
  );
  return {
    url,
    pid: child.pid,
    log,
    exited,
    exitedWith: () => exitStatus,
    /** Peak resident set size in MB, from the kernel's high-water mark. */
    async peakRssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function createClient(baseUrl) {
  return async (method, route, body) => {
    const response = await fetch(`${baseUrl}/api/catalog${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
}

// ---------------------------------------------------------------- measuring

/** A query this slow would hold the run for hours; after this long it stops with the samples it has. */
const measureBudgetMs = 60_000;

async function measure(label, run) {
  for (let i = 0; i < 10; i++) {
    await run(i);
  }
  const times = [];
  const started = performance.now();
  for (let i = 0; i < samples && (i < 20 || performance.now() - started < measureBudgetMs); i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = { label, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length };
  console.log(
    `  ${label.padEnd(55)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms` +
      (times.length < samples ? `   (${times.length} samples: time budget spent)` : ''),
  );
  return result;
}

/**
 * Registers the root location and polls until every entity is queryable. Also
 * records the longest poll: how long the backend answered nothing while ingesting.
 */
async function ingest(api, source, expected, backend) {
  const start = performance.now();
  const { location } = await api('POST', '/locations', {
    type: 'url',
    target: `${source.url}/catalog-info.yaml`,
  });
  let total = 0;
  let lastReport = 0;
  let longestPollMs = 0;
  let failedPolls = 0;
  const deadline = start + 30 * 60_000;
  while (total < expected) {
    if (performance.now() > deadline) {
      throw new Error(`Only ${total} of ${expected} entities were queryable after 30 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pollStart = performance.now();
    try {
      total = (await api('GET', '/entities/by-query?limit=1&fields=metadata.name')).totalItems;
      const status = await api('GET', `/locations/${location.id}/status`);
      if (status.errors?.length > 0) {
        throw new Error(`The location reported errors: ${JSON.stringify(status.errors.slice(0, 3))}`);
      }
    } catch (error) {
      // While ingestion blocks the backend's event loop, a request sent meanwhile can be reset (its keep-alive
      // socket timed out as idle when the loop wakes, or headersTimeout passed); poll again unless it is gone.
      if (backend.exitedWith() !== undefined || error.message.startsWith('The location')) {
        throw error;
      }
      failedPolls++;
      console.log(`  a poll failed (${error.cause?.code ?? error.message}); polling again`);
    }
    longestPollMs = Math.max(longestPollMs, performance.now() - pollStart);
    if (performance.now() - lastReport > 5000) {
      lastReport = performance.now();
      console.log(`  ${((lastReport - start) / 1000).toFixed(0)} s: ${total} of ${expected} queryable`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  all ${expected} queryable after ${seconds.toFixed(1)} s; longest poll ${(longestPollMs / 1000).toFixed(1)} s` +
      (failedPolls > 0 ? `, ${failedPolls} dropped` : ''),
  );
  return { seconds, longestPollMs, failedPolls };
}

/** The catalog page's kind of query: one filtered page of 100, in name order. */
const filteredPagePath =
  '/entities/by-query?filter=kind=component,spec.lifecycle=production&limit=100&orderField=metadata.name,asc';

async function measureQueries(api, refs) {
  const pickRef = (i) => refs[(i * 7919) % refs.length];
  const byName = (ref) => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    return `/entities/by-name/${kind}/${namespace}/${name}`;
  };
  return [
    await measure('by-name', (i) => api('GET', byName(pickRef(i)))),
    await measure('by-query page of 100 (kind=component, lifecycle=production)', () =>
      api('GET', filteredPagePath),
    ),
    await measure('full-text (fullTextFilterTerm), limit 20', (i) =>
      api(
        'GET',
        `/entities/by-query?fullTextFilterTerm=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length])}&limit=20`,
      ),
    ),
    await measure('facets (kind, spec.type, metadata.tags)', () =>
      api('GET', '/entity-facets?facet=kind&facet=spec.type&facet=metadata.tags'),
    ),
    await measure('by-refs, 100 refs', (i) =>
      api('POST', '/entities/by-refs', {
        entityRefs: Array.from({ length: 100 }, (_, j) => pickRef(i * 100 + j)),
      }),
    ),
  ];
}

/** First contentful paint and table rows painted on /catalog: median of `loads` loads with an empty HTTP cache. */
async function measureCatalogPage(chromium, backendUrl, dir) {
  const context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
  try {
    // The session is the httpOnly `atrium_session` cookie: signing in through the context's request API stores it
    // in the context's cookie jar, where every page of the context sends it.
    const signIn = await context.request.post(`${backendUrl}/api/core/auth/guest/sign-in`);
    if (!signIn.ok()) {
      throw new Error(`Guest sign-in answered ${signIn.status()}`);
    }
    await context.addInitScript(() => {
      // Rows painted: the frame after the first data row enters the DOM.
      const observer = new MutationObserver(() => {
        if (document.querySelector('table[aria-label="Entities"] tbody tr')) {
          observer.disconnect();
          requestAnimationFrame(() => {
            window.__atriumRowsPaintedAt = performance.now();
          });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const fcp = [];
    const rows = [];
    for (let load = 0; load < loads; load++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      const messages = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      await page.goto(`${backendUrl}/catalog`);
      try {
        await page.waitForFunction(() => window.__atriumRowsPaintedAt !== undefined, undefined, {
          timeout: 30_000,
        });
      } catch (error) {
        const screenshot = path.join(os.tmpdir(), `atrium-bench-catalog-${Date.now()}.png`);
        await page.screenshot({ path: screenshot });
        throw new Error(`No table rows on /catalog (screenshot ${screenshot}):\n${messages.join('\n')}`, {
          cause: error,
        });
      }
      const times = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        rows: window.__atriumRowsPaintedAt,
      }));
      fcp.push(times.fcp);
      rows.push(times.rows);
      await page.close();
    }
    const result = { fcp: median(fcp), rows: median(rows) };
    console.log(`  /catalog: FCP ${result.fcp.toFixed(0)} ms, rows ${result.rows.toFixed(0)} ms`);
    return result;
  } finally {
    await context.close();
  }
}

async function runBenchmark(label, database, dir, catalog, chromium, afterIngest) {
  console.log(`${label}:`);
  const source = await startSourceServer(catalog.files);
  const backend = await startBackend({ dir, database, source, label });
  try {
    const api = createClient(backend.url);
    const {
      seconds: ingestSeconds,
      longestPollMs,
      failedPolls,
    } = await ingest(api, source, catalog.expected, backend);
    const note = await afterIngest?.();
    const rssAfterIngestMb = await backend.peakRssMb();
    const queries = await measureQueries(api, catalog.refs);
    const page = await measureCatalogPage(chromium, backend.url, dir);
    const peakRssMb = await backend.peakRssMb();
    console.log(`  peak RSS ${peakRssMb.toFixed(0)} MB (${rssAfterIngestMb.toFixed(0)} MB after ingestion)`);
    return {
      label,
      ingestSeconds,
      longestPollMs,
      failedPolls,
      queries,
      page,
      peakRssMb,
      rssAfterIngestMb,
      note,
    };
  } catch (error) {
    // A crashed backend's last words arrive after the failed request; give them a moment.
    await Promise.race([backend.exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    console.error(backend.log.slice(-40).join('\n'));
    throw error;
  } finally {
    await backend.stop();
    await source.stop();
  }
}

async function onSqlite(catalog, chromium) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-catalog-'));
  try {
    return await runBenchmark(
      'SQLite',
      { client: 'better-sqlite3', connection: path.join(dir, 'data') },
      dir,
      catalog,
      chromium,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPostgres(catalog, chromium) {
  const { Client } = backendRequire('pg');
  const database = `atrium_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ ...pg, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-catalog-'));
  try {
    // With autovacuum off (as on this shared server) nothing ever vacuums or analyzes the freshly loaded tables:
    // the planner keeps its empty-table estimates (a filtered page then takes minutes) and index-only scans
    // visit the heap. A default server's autovacuum would have done both within a minute or two.
    const vacuumWhenAutovacuumIsOff = async () => {
      const { rows } = await admin.query('SHOW autovacuum');
      if (rows[0]?.autovacuum === 'on') {
        return undefined;
      }
      const client = new Client({ ...pg, database });
      await client.connect();
      try {
        const started = performance.now();
        await client.query('VACUUM ANALYZE');
        const seconds = (performance.now() - started) / 1000;
        console.log(`  autovacuum is off: ran VACUUM ANALYZE after ingestion (${seconds.toFixed(1)} s)`);
        return `autovacuum is off on this server, so the benchmark ran \`VACUUM ANALYZE\` after ingestion (${seconds.toFixed(1)} s, not counted), as autovacuum would have; without it the planner keeps empty-table estimates and a filtered page takes minutes at 100,000 entities.`;
      } finally {
        await client.end();
      }
    };
    return await runBenchmark(
      'PostgreSQL',
      { client: 'pg', connection: { ...pg, database } },
      dir,
      catalog,
      chromium,
      vacuumWhenAutovacuumIsOff,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

// ---------------------------------------------------------------- report

function chromiumVersion() {
  const text = execFileSync('/usr/bin/chromium', ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return /[\d.]+/.exec(text)?.[0] ?? text.trim();
}

function formatReport(runs, catalog) {
  const fileCount = catalog.files.size - 1;
  const yamlMb =
    [...catalog.files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 2 ** 20;
  const cell = (run, text) => text(run);
  const row = (measure, target, text) =>
    `| ${measure} | ${runs.map((run) => cell(run, text)).join(' | ')} | ${target} |`;
  const lines = [
    `Measured ${describeMachine()}, Chromium ${chromiumVersion()}.`,
    '',
    `${entityCount.toLocaleString('en-US')} generated entities (teams, users, systems, APIs with OpenAPI definitions, ` +
      `resources, components with dependencies) in ${fileCount} \`catalog-info.yaml\` files of ${entitiesPerFile} documents (${yamlMb.toFixed(0)} MB of YAML), ` +
      'served by a local HTTP server and named by one root Location. The real backend runs as `atrium start` in a child process; ' +
      'the root location is registered with `POST /api/catalog/locations` and the clock stops when ' +
      '`GET /entities/by-query` counts every entity. Queries: ' +
      `${samples} sequential requests each after 10 warm-up ones, over HTTP with a static token. ` +
      `Paints: median of ${loads} loads of \`/catalog\` signed in as guest, HTTP cache cleared before each. ` +
      "Peak RSS is the backend process's VmHWM.",
    '',
    `Load average when it started: ${formatLoadAverage(loadAverageAtStart)} (the machine is shared; other work slows every figure).`,
    '',
    `| Measure | ${runs.map((run) => run.label).join(' | ')} | Target |`,
    `|---|${runs.map(() => '---:').join('|')}|---:|`,
    row(
      'All entities queryable after registration',
      '< 60 s (SQLite)',
      (run) => `${run.ingestSeconds.toFixed(1)} s`,
    ),
    row(
      'Longest wait for an answer during ingestion',
      '',
      (run) =>
        `${(run.longestPollMs / 1000).toFixed(1)} s${run.failedPolls > 0 ? ` (${run.failedPolls} dropped)` : ''}`,
    ),
    row(
      'Ingestion rate',
      '',
      (run) => `${Math.round(catalog.expected / run.ingestSeconds).toLocaleString('en-US')} entities/s`,
    ),
  ];
  for (const [index, query] of (runs[0]?.queries ?? []).entries()) {
    lines.push(
      row(`${query.label}, p50 / p95`, 'p95 < 50 ms', (run) => {
        const result = run.queries[index];
        const partial = result.samples < samples ? ` (${result.samples} samples)` : '';
        return `${result.p50.toFixed(1)} / ${result.p95.toFixed(1)} ms${partial}`;
      }),
    );
  }
  lines.push(
    row('First contentful paint, `/catalog`', '', (run) => `${run.page.fcp.toFixed(0)} ms`),
    row('Catalog table rows painted, `/catalog`', '< 1 s', (run) => `${run.page.rows.toFixed(0)} ms`),
    row(
      'Backend peak RSS (after ingestion)',
      '< 500 MB',
      (run) => `${run.peakRssMb.toFixed(0)} MB (${run.rssAfterIngestMb.toFixed(0)} MB)`,
    ),
  );
  for (const run of runs.filter((r) => r.note)) {
    lines.push('', `${run.label}: ${run.note}`);
  }
  return lines.join('\n');
}

ensureBuilt();
const { chromium } = appRequire('playwright-core');
const catalog = createCatalog(entityCount);
console.log(`Generated ${entityCount} entities in ${catalog.files.size} files`);
const runs = [];
const engines = { sqlite: onSqlite, postgres: onPostgres };
for (const [name, run] of Object.entries(engines)) {
  if (only && only !== name) {
    continue;
  }
  runs.push(await run(catalog, chromium));
}
const report = formatReport(runs, catalog);
console.log(`\n${report}`);
if (!only) {
  // Biome formats Markdown too (`npm run lint`); the section is written the way it would print it.
  await replaceBenchmarkSection(root, 'catalog', `## Catalog\n\n${report}`, (section) =>
    formatMarkdown(root, `${section}\n`, { stdio: ['pipe', 'pipe', 'ignore'] }).trimEnd(),
  );
}
