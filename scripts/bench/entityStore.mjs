// Benchmarks the entity store on SQLite and PostgreSQL with 100,000 generated entities.
//
// Usage: cd /work/main && npx tsc -b && node scripts/bench/entityStore.mjs [--entities 100000] [--batch 1000]
//        [--samples 200] [--only sqlite|postgres]   (--only skips updating BENCHMARKS.md)
//
// Loads the compiled store (packages/backend/dist), bulk upserts the entities in batches, then
// measures p50/p95 of reads, prints a table and rewrites the entityStore section of BENCHMARKS.md.
// PostgreSQL: a fresh database on ATRIUM_TEST_PG_HOST (default 127.0.0.1:5432), dropped afterwards.

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/describeMachine.mjs';
import { entityName } from './lib/entityName.mjs';
import { formatLoadAverage } from './lib/formatLoadAverage.mjs';
import { gcd } from './lib/gcd.mjs';
import { percentile } from './lib/percentile.mjs';
import { pgConnectionFromEnv } from './lib/pgConnectionFromEnv.mjs';
import { pick } from './lib/pick.mjs';
import { replaceBenchmarkSection } from './lib/replaceBenchmarkSection.mjs';
import { seededRandom } from './lib/seededRandom.mjs';
import { TAGS } from './lib/TAGS.mjs';
import { WORDS } from './lib/WORDS.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const backendRequire = createRequire(path.join(root, 'packages/backend/package.json'));
const distEntry = path.join(root, 'packages/backend/dist/entityStore/index.js');
const sqliteNamespaceEntry = path.join(root, 'packages/backend/dist/database/createSqliteNamespace.js');
if (!existsSync(distEntry)) {
  console.error(`Missing ${distEntry}: run 'npx tsc -b' first.`);
  process.exit(1);
}
const { createEntityStore } = backendRequire(distEntry);
const { createSqliteNamespace } = backendRequire(sqliteNamespaceEntry);
const { ownedByPredicate } = backendRequire('@atrium/plugin-api');
const knexFactory = backendRequire('knex');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const entityCount = option('entities', 100_000);
const batchSize = option('batch', 1000);
const samples = option('samples', 200);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex === -1 ? undefined : args[onlyIndex + 1];

const pg = pgConnectionFromEnv();

// ---------------------------------------------------------------- data

const DESCRIPTIONS = [
  (title, word) => `The ${title} ${word()} service handles ${word()} and ${word()} for the ${word()} domain.`,
  (title, word) => `Owns ${word()} ${word()} for the ${word()} teams; see ${title}.`,
  (_, word) => `Backend for ${word()} ${word()}, talking to ${word()} over a queue.`,
  (_, word) => `Library that wraps the ${word()} ${word()} API.`,
  (_, word) => `Stores ${word()} records and ${word()} events.`,
];

/**
 * A catalog of `count` entities: groups, users, systems, APIs, resources and
 * components, with owners, tags, annotations, links and relations. Entity i
 * is computed from i alone, so batches are generated as they are written and
 * the benchmark does not hold the whole catalog in memory.
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
    ranges[kind] = { start, count: Math.round(count * share) };
    start += ranges[kind].count;
  }
  ranges.component = { start, count: count - start };
  const refOf = (kind, next) => {
    const i = Math.floor(next() * ranges[kind].count);
    return `${kind}:default/${entityName(kind, i)}`;
  };
  const relation = (type, inverseType, targetRef) => ({ type, inverseType, targetRef });
  const metadata = (next, entityName, title) => ({
    name: entityName,
    title,
    description: pick(next, DESCRIPTIONS)(title, () => pick(next, WORDS)),
    tags: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, TAGS)))],
    annotations: {
      'backstage.io/source-location': `url:https://github.com/acme/${entityName}/tree/main/`,
      'github.com/project-slug': `acme/${entityName}`,
      'backstage.io/techdocs-ref': 'dir:.',
    },
    labels: { tier: `tier-${1 + Math.floor(next() * 3)}` },
    links: [{ url: `https://${entityName}.acme.internal/dashboard`, title: 'Dashboard', icon: 'dashboard' }],
  });
  const ownership = (next) => {
    const owner = refOf('group', next);
    return { owner: owner.slice('group:default/'.length), ownerRef: owner };
  };

  const entityAt = (index) => {
    const kind = Object.keys(ranges).find((k) => index < ranges[k].start + ranges[k].count);
    const i = index - ranges[kind].start;
    const next = seededRandom(`${kind}!`, i);
    const name = entityName(kind, i);
    switch (kind) {
      case 'group': {
        const parent = i >= 10 ? entityName('group', i % 10) : undefined;
        return {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: metadata(next, name, `Team ${name}`),
            spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
          },
          relations: parent ? [relation('childOf', 'parentOf', `group:default/${parent}`)] : [],
        };
      }
      case 'user': {
        const group = refOf('group', next);
        return {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name, annotations: { 'acme.com/employee-id': String(100000 + i) } },
            spec: { profile: { displayName: `User ${i}`, email: `${name}@acme.com` }, memberOf: [group] },
          },
          relations: [relation('memberOf', 'hasMember', group)],
        };
      }
      case 'system': {
        const { owner, ownerRef } = ownership(next);
        return {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'System',
            metadata: metadata(next, name, name),
            spec: { owner },
          },
          relations: [relation('ownedBy', 'ownerOf', ownerRef)],
        };
      }
      case 'api':
      case 'resource': {
        const { owner, ownerRef } = ownership(next);
        const system = refOf('system', next);
        const spec =
          kind === 'api'
            ? {
                type: pick(next, ['openapi', 'grpc', 'asyncapi', 'graphql']),
                lifecycle: pick(next, ['production', 'experimental', 'deprecated']),
                owner,
                system: system.slice('system:default/'.length),
                definition: 'openapi: 3.0.0',
              }
            : {
                type: pick(next, ['database', 's3-bucket', 'queue']),
                owner,
                system: system.slice('system:default/'.length),
              };
        return {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: kind === 'api' ? 'API' : 'Resource',
            metadata: metadata(next, name, name),
            spec,
          },
          relations: [relation('ownedBy', 'ownerOf', ownerRef), relation('partOf', 'hasPart', system)],
        };
      }
      default: {
        const { owner, ownerRef } = ownership(next);
        const system = refOf('system', next);
        const dependsOn = [
          ...new Set(
            Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
              next() < 0.6 ? refOf('component', next) : refOf('resource', next),
            ),
          ),
        ];
        const providesApis = next() < 0.5 ? [refOf('api', next)] : [];
        const consumesApis = next() < 0.7 ? [...new Set([refOf('api', next), refOf('api', next)])] : [];
        const short = (ref) => ref.slice(ref.indexOf('/') + 1);
        return {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: metadata(next, name, name),
            spec: {
              type: pick(next, ['service', 'website', 'library']),
              lifecycle: pick(next, ['production', 'experimental', 'deprecated']),
              owner,
              system: short(system),
              dependsOn,
              providesApis: providesApis.map(short),
              consumesApis: consumesApis.map(short),
            },
          },
          relations: [
            relation('ownedBy', 'ownerOf', ownerRef),
            relation('partOf', 'hasPart', system),
            ...dependsOn.map((target) => relation('dependsOn', 'dependencyOf', target)),
            ...providesApis.map((api) => relation('providesApi', 'apiProvidedBy', api)),
            ...consumesApis.map((api) => relation('consumesApi', 'apiConsumedBy', api)),
          ],
        };
      }
    }
  };

  // Written in an interleaved order (a fixed permutation of the indexes), as a real catalog reads them.
  let stride = 7919;
  while (gcd(stride, count) !== 1) {
    stride += 2;
  }
  return {
    count,
    /** The upsert written at position `position` of the bulk load. */
    at(position) {
      const index = (position * stride) % count;
      return { ...entityAt(index), source: `location-${Math.floor(position / 50)}` };
    },
  };
}

// ---------------------------------------------------------------- measuring

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

async function runBenchmark(kind, knex, client, catalogData, afterLoad = async () => {}) {
  const store = await createEntityStore({ knex, client, publish: async () => {} });
  const catalog = store.forProvider('catalog');

  // Only the writes are timed; each batch is generated before its clock starts.
  let writeNanoseconds = 0n;
  const refs = [];
  for (let start = 0; start < catalogData.count; start += batchSize) {
    const upserts = [];
    for (let position = start; position < Math.min(start + batchSize, catalogData.count); position++) {
      upserts.push(catalogData.at(position));
    }
    for (const { entity } of upserts) {
      refs.push(`${entity.kind}:default/${entity.metadata.name}`.toLowerCase());
    }
    const batchStart = process.hrtime.bigint();
    await catalog.applyMutation({ upserts });
    writeNanoseconds += process.hrtime.bigint() - batchStart;
  }
  const writeSeconds = Number(writeNanoseconds) / 1e9;
  await afterLoad();

  const lifecycles = ['production', 'experimental', 'deprecated'];
  const terms = [
    'payments',
    'checkout serv',
    'inventory',
    'team aud',
    'fraud ri',
    'kafka',
    'ledger dom',
    'subscr',
  ];
  const pickRef = (i) => refs[(i * 7919) % refs.length];
  // What a member sees under an owned-only read grant: a user and the three groups they belong to.
  const groupCount = Math.round(catalogData.count * 0.01);
  const ownership = (i) =>
    ownedByPredicate([
      `user:default/${entityName('user', i)}`,
      ...[0, 1, 2].map((j) => `group:default/${entityName('group', (i * 3 + j) % groupCount)}`),
    ]);
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
    await measure('the same query without totalItems', (i) =>
      catalog.query({
        query: { $all: [{ kind: 'component' }, { 'spec.lifecycle': lifecycles[i % 3] }] },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
        limit: 100,
        totalItems: false,
        format: 'json',
      }),
    ),
    // Two equalities without a kind: counted from the search rows on PostgreSQL, not the facet counts.
    await measure('query, limit 100 (lifecycle and type, by name)', (i) =>
      catalog.query({
        query: { $all: [{ 'spec.lifecycle': lifecycles[i % 3] }, { 'spec.type': 'service' }] },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
        limit: 100,
        format: 'json',
      }),
    ),
    await measure('two pages by cursor (spec.type, by name)', async () => {
      const first = await catalog.query({
        query: { 'spec.type': 'service' },
        orderBy: [{ field: 'metadata.name', order: 'asc' }],
        limit: 100,
        totalItems: false,
        format: 'json',
      });
      await catalog.query({ cursor: first.pageInfo.nextCursor, limit: 100, format: 'json' });
    }),
    await measure('query with a read restriction (owned by a user and 3 groups)', (i) =>
      catalog.query({ query: { kind: 'component' }, restrict: ownership(i), limit: 100, format: 'json' }),
    ),
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
  const directory = await mkdtemp(path.join(os.tmpdir(), 'atrium-entity-store-bench-'));
  // The backend's own SQLite namespace, so that the bench measures the connection settings it runs with.
  const database = createSqliteNamespace({ directory, namespace: 'core', log: console });
  try {
    return await runBenchmark('SQLite', await database.getClient(), 'better-sqlite3', entities);
  } finally {
    await database.destroy();
    await rm(directory, { recursive: true, force: true });
  }
}

async function onPostgres(entities) {
  const database = `atrium_entity_store_bench_${randomBytes(4).toString('hex')}`;
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
    // Autovacuum would analyze the freshly loaded tables within a minute or two; do it now.
    const result = await runBenchmark('PostgreSQL', knex, 'pg', entities, () => knex.raw('VACUUM ANALYZE'));
    return result;
  } finally {
    await knex.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
  }
}

// ---------------------------------------------------------------- report

/** Aim at p95 per read, from the issue. */
const aims = {
  'get by ref': '< 20 ms',
  'query, limit 100 (kind and lifecycle, by name)': '< 20 ms',
  'facets (kind, spec.type, metadata.tags)': '< 20 ms',
  'full-text, limit 20': '< 20 ms',
};

function formatReport(runs, peakRssMb, loadAtStart, loadAtEnd) {
  const lines = [
    `Measured ${describeMachine()}, by \`node scripts/bench/entityStore.mjs\`.`,
    '',
    `${entityCount.toLocaleString('en-US')} generated entities (groups, users, systems, components with dependsOn and ` +
      'API relations, APIs, resources; tags, owners, annotations, links), upserted in batches of ' +
      `${batchSize.toLocaleString('en-US')}; then ${samples} samples per read after 10 warm-up runs. Reads return JSON ` +
      'text and count totalItems unless noted. PostgreSQL is vacuumed and analyzed after the load, as autovacuum would.',
    '',
    'On PostgreSQL, a query of one kind with at most one more equality is counted, and the facets of one kind are read, ' +
      'from the facet counts its writes keep per kind; the lifecycle-and-type query is counted from the search rows. ' +
      'On SQLite, upserts are prepared in a worker thread while the transaction writes.',
    '',
    `Load average when it started: ${loadAtStart}; when it ended: ${loadAtEnd} (other work on the machine slows every figure).`,
    '',
    `Bulk upsert of ${entityCount.toLocaleString('en-US')} entities (aim on SQLite: < 10 s): ` +
      runs
        .map(
          (run) =>
            `${run.kind} ${run.writeSeconds.toFixed(1)} s (${Math.round(entityCount / run.writeSeconds).toLocaleString('en-US')}/s)`,
        )
        .join(', ') +
      '.',
    '',
    `| Read | ${runs.map((run) => `${run.kind} p50 | ${run.kind} p95`).join(' | ')} | Aim (p95) |`,
    `|---|${runs.map(() => '---:|---:').join('|')}|---:|`,
  ];
  for (const { label } of runs[0]?.results ?? []) {
    const cells = runs.map((run) => {
      const result = run.results.find((r) => r.label === label);
      return `${result.p50.toFixed(1)} ms | ${result.p95.toFixed(1)} ms`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} | ${aims[label] ?? ''} |`);
  }
  lines.push('', `Peak RSS of the benchmark process: ${peakRssMb.toFixed(0)} MB (both runs).`);
  return lines.join('\n');
}

const loadAtStart = formatLoadAverage(os.loadavg());
const entities = createCatalog(entityCount);
const runs = [];
const engines = { sqlite: onSqlite, postgres: onPostgres };
for (const [name, run] of Object.entries(engines)) {
  if (only && only !== name) {
    continue;
  }
  const result = await run(entities);
  console.log(`${result.kind}: ${entityCount} upserts in ${result.writeSeconds.toFixed(2)} s`);
  for (const { label, p50, p95 } of result.results) {
    console.log(
      `  ${label.padEnd(50)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`,
    );
  }
  runs.push(result);
}
const report = formatReport(
  runs,
  process.resourceUsage().maxRSS / 1024,
  loadAtStart,
  formatLoadAverage(os.loadavg()),
);
console.log(`\n${report}`);
if (!only) {
  await replaceBenchmarkSection(root, 'entityStore', `## Entity store\n\n${report}`);
}
