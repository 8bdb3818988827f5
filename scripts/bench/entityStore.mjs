// Benchmarks the entity store on SQLite and PostgreSQL with 100,000 generated entities.
//
// Usage: cd /work/main && npx tsc -b && node scripts/bench/entityStore.mjs [--entities 100000] [--batch 1000]
//
// Loads the compiled store (packages/backend/dist), bulk upserts the entities in batches, then
// measures p50/p95 of reads, prints a table and rewrites the entityStore section of BENCHMARKS.md.
// PostgreSQL: a fresh database on ATRIUM_TEST_PG_HOST (default 127.0.0.1:5432), dropped afterwards.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const backendRequire = createRequire(path.join(root, 'packages/backend/package.json'));
const distEntry = path.join(root, 'packages/backend/dist/entityStore/index.js');
if (!existsSync(distEntry)) {
  console.error(`Missing ${distEntry}: run 'npx tsc -b' first.`);
  process.exit(1);
}
const { createEntityStore } = backendRequire(distEntry);
const knexFactory = backendRequire('knex');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const entityCount = option('entities', 100_000);
const batchSize = option('batch', 1000);
const samples = option('samples', 200);

const pg = {
  host: process.env.ATRIUM_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.ATRIUM_TEST_PG_PORT ?? 5432),
  user: process.env.ATRIUM_TEST_PG_USER ?? 'postgres',
  password: process.env.ATRIUM_TEST_PG_PASSWORD,
};

// ---------------------------------------------------------------- data

const WORDS = (
  'payments checkout orders inventory search users billing gateway catalog shipping pricing ledger auth ' +
  'identity profile notify email sms push analytics metrics logging tracing config feature flags cart ' +
  'wishlist reviews ratings media images video upload storage cache queue stream events audit fraud risk ' +
  'tax invoice refund subscription plan quota limits portal admin console reports export import sync ' +
  'scheduler worker cron backup archive'
).split(' ');
const TAGS = (
  'java go python typescript kotlin rust node react graphql grpc rest kafka postgres redis mysql mongodb ' +
  'elasticsearch aws gcp azure kubernetes docker terraform helm frontend backend data ml security pci gdpr ' +
  'internal external critical legacy beta public private mobile web batch realtime streaming api sdk cli ' +
  'infra platform observability core edge cdn dns'
).split(' ');

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Groups, users, systems, APIs, resources and components, with owners, tags, annotations and relations. */
function generateEntities(count) {
  const next = random(42);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const some = (list, max) => [
    ...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list))),
  ];
  const counts = {
    group: Math.round(count * 0.01),
    user: Math.round(count * 0.09),
    system: Math.round(count * 0.02),
    api: Math.round(count * 0.2),
    resource: Math.round(count * 0.13),
  };
  counts.component = count - Object.values(counts).reduce((a, b) => a + b, 0);
  const name = (i) => `${pick(WORDS)}-${pick(WORDS)}-${i}`;
  const groups = Array.from({ length: counts.group }, (_, i) => `team-${pick(WORDS)}-${i}`);
  const systems = Array.from({ length: counts.system }, (_, i) => `${pick(WORDS)}-platform-${i}`);
  const apis = Array.from({ length: counts.api }, (_, i) => `${name(i)}-api`);
  const resources = Array.from(
    { length: counts.resource },
    (_, i) => `${pick(['db', 'bucket', 'queue'])}-${name(i)}`,
  );
  const components = Array.from({ length: counts.component }, (_, i) => name(i));
  const relation = (type, inverseType, targetRef) => ({ type, inverseType, targetRef });
  const metadata = (entityName, title) => ({
    name: entityName,
    title,
    description: `The ${title} ${pick(WORDS)} service handles ${pick(WORDS)} and ${pick(WORDS)} for the ${pick(WORDS)} domain.`,
    tags: some(TAGS, 3),
    annotations: {
      'backstage.io/source-location': `url:https://github.com/acme/${entityName}/tree/main/`,
      'github.com/project-slug': `acme/${entityName}`,
      'backstage.io/techdocs-ref': 'dir:.',
    },
    labels: { tier: `tier-${1 + Math.floor(next() * 3)}` },
    links: [{ url: `https://${entityName}.acme.internal/dashboard`, title: 'Dashboard', icon: 'dashboard' }],
  });
  const entities = [];
  groups.forEach((group, i) => {
    const parent = i >= 10 ? groups[i % 10] : undefined;
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: metadata(group, `Team ${group}`),
        spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
      },
      relations: parent ? [relation('childOf', 'parentOf', `group:default/${parent}`)] : [],
    });
  });
  for (let i = 0; i < counts.user; i++) {
    const user = `user-${i}`;
    const group = pick(groups);
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: user, annotations: { 'acme.com/employee-id': String(100000 + i) } },
        spec: { profile: { displayName: `User ${i}`, email: `${user}@acme.com` }, memberOf: [group] },
      },
      relations: [relation('memberOf', 'hasMember', `group:default/${group}`)],
    });
  }
  for (const system of systems) {
    const owner = pick(groups);
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: metadata(system, system),
        spec: { owner },
      },
      relations: [relation('ownedBy', 'ownerOf', `group:default/${owner}`)],
    });
  }
  for (const api of apis) {
    const owner = pick(groups);
    const system = pick(systems);
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: metadata(api, api),
        spec: {
          type: pick(['openapi', 'grpc', 'asyncapi', 'graphql']),
          lifecycle: pick(['production', 'experimental', 'deprecated']),
          owner,
          system,
          definition: 'openapi: 3.0.0',
        },
      },
      relations: [
        relation('ownedBy', 'ownerOf', `group:default/${owner}`),
        relation('partOf', 'hasPart', `system:default/${system}`),
      ],
    });
  }
  for (const resource of resources) {
    const owner = pick(groups);
    const system = pick(systems);
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: metadata(resource, resource),
        spec: { type: pick(['database', 's3-bucket', 'queue']), owner, system },
      },
      relations: [
        relation('ownedBy', 'ownerOf', `group:default/${owner}`),
        relation('partOf', 'hasPart', `system:default/${system}`),
      ],
    });
  }
  for (const componentName of components) {
    const owner = pick(groups);
    const system = pick(systems);
    const dependsOn = some(
      Array.from({ length: 4 }, () =>
        next() < 0.6 ? `component:default/${pick(components)}` : `resource:default/${pick(resources)}`,
      ),
      3,
    );
    const providesApis = next() < 0.5 ? [pick(apis)] : [];
    const consumesApis = next() < 0.7 ? some(apis, 2) : [];
    entities.push({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: metadata(componentName, componentName),
        spec: {
          type: pick(['service', 'website', 'library']),
          lifecycle: pick(['production', 'experimental', 'deprecated']),
          owner,
          system,
          dependsOn,
          providesApis,
          consumesApis,
        },
      },
      relations: [
        relation('ownedBy', 'ownerOf', `group:default/${owner}`),
        relation('partOf', 'hasPart', `system:default/${system}`),
        ...dependsOn.map((target) => relation('dependsOn', 'dependencyOf', target)),
        ...providesApis.map((api) => relation('providesApi', 'apiProvidedBy', `api:default/${api}`)),
        ...consumesApis.map((api) => relation('consumesApi', 'apiConsumedBy', `api:default/${api}`)),
      ],
    });
  }
  // Interleave kinds, as a real catalog reads them.
  for (let i = entities.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [entities[i], entities[j]] = [entities[j], entities[i]];
  }
  return entities.map((item, i) => ({ ...item, source: `location-${Math.floor(i / 50)}` }));
}

// ---------------------------------------------------------------- measuring

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label, run) {
  for (let i = 0; i < 10; i++) {
    await run(i);
  }
  const times = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function runBenchmark(kind, knex, client, entities) {
  const store = await createEntityStore({ knex, client, publish: async () => {} });
  const catalog = store.forProvider('catalog');

  const writeStart = process.hrtime.bigint();
  for (let i = 0; i < entities.length; i += batchSize) {
    await catalog.applyMutation({ upserts: entities.slice(i, i + batchSize) });
  }
  const writeSeconds = Number(process.hrtime.bigint() - writeStart) / 1e9;

  const refs = entities.map(({ entity }) => `${entity.kind}:default/${entity.metadata.name}`.toLowerCase());
  const lifecycles = ['production', 'experimental', 'deprecated'];
  const terms = [
    'payments',
    'checkout serv',
    'inventory',
    'team-audit',
    'fraud ri',
    'kafka',
    'ledger dom',
    'subscr',
  ];
  const pickRef = (i) => refs[(i * 7919) % refs.length];
  const results = [
    await measure('get by ref', (i) => catalog.getByRef(pickRef(i), { format: 'json' })),
    await measure('get 100 by refs', (i) =>
      catalog.getByRefs(
        Array.from({ length: 100 }, (_, j) => pickRef(i * 100 + j)),
        { format: 'json' },
      ),
    ),
    await measure('query, limit 100 (kind and lifecycle, by name)', (i) =>
      catalog.query({
        query: { $all: [{ kind: 'component' }, { 'spec.lifecycle': lifecycles[i % 3] }] },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
        limit: 100,
        format: 'json',
      }),
    ),
    await measure('query, first and next page', async () => {
      const first = await catalog.query({
        query: { 'spec.type': 'service' },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
        limit: 100,
        totalItems: false,
        format: 'json',
      });
      await catalog.query({ cursor: first.pageInfo.nextCursor, limit: 100, format: 'json' });
    }),
    await measure('facets (kind, spec.type, metadata.tags)', () =>
      catalog.facets({ facets: ['kind', 'spec.type', 'metadata.tags'] }),
    ),
    await measure('facets, filtered (kind = component)', () =>
      catalog.facets({ facets: ['spec.type', 'metadata.tags'], query: { kind: 'component' } }),
    ),
    await measure('full-text, limit 20', (i) =>
      catalog.query({ fullText: { term: terms[i % terms.length] }, limit: 20, format: 'json' }),
    ),
  ];
  return { kind, writeSeconds, results };
}

// ---------------------------------------------------------------- databases

async function onSqlite(entities) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-'));
  // The same connection settings as the backend's SQLite namespaces (createSqliteNamespace).
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'core.sqlite') },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection, done) {
        connection.pragma('journal_mode = WAL');
        connection.pragma('foreign_keys = ON');
        connection.pragma('busy_timeout = 5000');
        done(null, connection);
      },
    },
  });
  try {
    return await runBenchmark('SQLite', knex, 'better-sqlite3', entities);
  } finally {
    await knex.destroy();
    await rm(directory, { recursive: true, force: true });
  }
}

async function onPostgres(entities) {
  const database = `atrium_bench_${randomBytes(4).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: { ...pg, database: 'postgres' } });
  await admin.raw(`CREATE DATABASE ${database}`);
  const knex = knexFactory({
    client: 'pg',
    connection: { ...pg, database },
    searchPath: ['core'],
    pool: { min: 0, max: 10 },
  });
  try {
    await knex.raw('CREATE SCHEMA core');
    const result = await runBenchmark('PostgreSQL', knex, 'pg', entities);
    return result;
  } finally {
    await knex.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
  }
}

// ---------------------------------------------------------------- report

function formatReport(runs, peakRssMb) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Machine: ${os.cpus().length} cores, ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; ` +
      `Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `${entityCount.toLocaleString('en-US')} generated entities (groups, users, systems, components, APIs, resources), ` +
      `upserted in batches of ${batchSize}; then ${samples} samples per read after 10 warm-up runs. ` +
      'Reads return JSON text. Targets: upserts under 10 s on SQLite, each read under 20 ms at p95.',
    '',
    `| Measure | ${runs.map((run) => `${run.kind} p50 | ${run.kind} p95`).join(' | ')} |`,
    `|---|${runs.map(() => '---:|---:').join('|')}|`,
    `| Bulk upsert (total) | ${runs
      .map(
        (run) =>
          `${run.writeSeconds.toFixed(1)} s | ${Math.round(entityCount / run.writeSeconds).toLocaleString('en-US')}/s`,
      )
      .join(' | ')} |`,
  ];
  const labels = runs[0]?.results.map((result) => result.label) ?? [];
  for (const label of labels) {
    const cells = runs.map((run) => {
      const result = run.results.find((r) => r.label === label);
      return `${result.p50.toFixed(2)} ms | ${result.p95.toFixed(2)} ms`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    `Peak RSS of the benchmark process: ${peakRssMb.toFixed(0)} MB (both runs, entities held in memory).`,
  );
  return lines.join('\n');
}

async function updateBenchmarks(report) {
  const file = path.join(root, 'BENCHMARKS.md');
  const start = '<!-- entityStore:start -->';
  const end = '<!-- entityStore:end -->';
  const section = `${start}\n## Entity store\n\n${report}\n${end}`;
  let text = existsSync(file)
    ? await readFile(file, 'utf8')
    : '# Benchmarks\n\nMeasured on the machine named in each section; rerun the script to refresh it.\n';
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(file, text);
}

const entities = generateEntities(entityCount);
const runs = [];
for (const run of [onSqlite, onPostgres]) {
  const result = await run(entities);
  console.log(`${result.kind}: ${entityCount} upserts in ${result.writeSeconds.toFixed(2)} s`);
  for (const { label, p50, p95 } of result.results) {
    console.log(
      `  ${label.padEnd(50)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`,
    );
  }
  runs.push(result);
}
const report = formatReport(runs, process.resourceUsage().maxRSS / 1024);
console.log(`\n${report}`);
await updateBenchmarks(report);
