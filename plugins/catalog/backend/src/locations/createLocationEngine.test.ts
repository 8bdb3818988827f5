import { join } from 'node:path';
import { type Entity, NotFoundError, type UrlReaderService } from '@atrium/plugin-api';
import {
  createFakeDatabase,
  createFakeEntityStore,
  createFakeLogger,
  createFakeUrlReader,
  type FakeDatabase,
} from '@atrium/plugin-api/testing';
import { createLocationEngine, type LocationEngineOptions } from './createLocationEngine';
import { LocationStore } from './LocationStore';

const url = 'https://git.example.com/acme/repo/catalog-info.yaml';

/** A reader over a mutable map that gives no etags, so only the content hash can tell a change. */
function createMutableReader(files: Record<string, string>): UrlReaderService {
  return {
    registerProvider() {},
    async readUrl(target) {
      const text = files[target];
      if (text === undefined) {
        throw new NotFoundError(`${target} was not found (404)`);
      }
      return { buffer: async () => Buffer.from(text) };
    },
  };
}

function component(name: string, extra = ''): string {
  return `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n${extra}`;
}

describe('createLocationEngine', () => {
  let database: FakeDatabase;
  let locations: LocationStore;

  beforeEach(async () => {
    database = createFakeDatabase();
    await database.migrate({ directory: join(__dirname, '../../migrations') });
    locations = new LocationStore(await database.getClient());
  });
  afterEach(() => database.destroy());

  function setup(files: Record<string, string>, options: Partial<LocationEngineOptions> = {}) {
    const store = createFakeEntityStore({ pluginId: 'catalog' });
    const urlReader = createFakeUrlReader(files);
    const logger = createFakeLogger();
    const engine = createLocationEngine({ store, locations, urlReader, logger, ...options });
    return { store, urlReader, logger, engine };
  }

  it('skips writing a location whose content hash has not changed', async () => {
    const files = { [url]: component('a') };
    const { store, engine } = setup(files, { urlReader: createMutableReader(files) });
    const write = jest.spyOn(store, 'applyMutation');
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    const writes = write.mock.calls.length;
    await engine.refreshLocation(record);
    expect(write.mock.calls.length).toBe(writes);
    files[url] = component('b');
    await engine.refreshLocation(record);
    expect(write.mock.calls.length).toBeGreaterThan(writes);
  });

  it('skips a location whose every URL still matches its etag without reading the body again', async () => {
    const { store, urlReader, engine } = setup({ [url]: component('a') });
    const read = jest.spyOn(urlReader, 'readUrl');
    const write = jest.spyOn(store, 'applyMutation');
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    expect((await locations.getById(record.id))?.etags).toEqual({ [url]: expect.any(String) });
    const writes = write.mock.calls.length;
    await engine.refreshLocation(record);
    expect(write.mock.calls.length).toBe(writes);
    expect(read.mock.calls.at(-1)?.[1]).toEqual(expect.objectContaining({ etag: expect.any(String) }));
  });

  it('deletes an orphan only after its grace period, and forgets the clock when the entity comes back', async () => {
    let now = 1_000_000;
    const files = { [url]: `${component('a')}---\n${component('b')}` };
    const { store, engine } = setup(files, {
      urlReader: createMutableReader(files),
      orphanGracePeriodMs: 60_000,
      now: () => now,
    });
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    files[url] = component('a');
    await engine.refreshAll();
    const orphan = (await store.getByRef('component:default/b')) as Entity;
    expect(orphan.metadata.annotations?.['backstage.io/orphan']).toBe('true');
    now += 59_000;
    await engine.deleteExpiredOrphans();
    expect(await store.getByRef('component:default/b')).toBeDefined();
    files[url] = `${component('a')}---\n${component('b')}`;
    await engine.refreshAll();
    expect(
      (await store.getByRef('component:default/b'))?.metadata.annotations?.['backstage.io/orphan'],
    ).toBeUndefined();
    now += 30_000;
    files[url] = component('a');
    await engine.refreshAll();
    now += 30_000;
    await engine.deleteExpiredOrphans();
    // 89 s since it first became an orphan, but only 30 s since the second time.
    expect(await store.getByRef('component:default/b')).toBeDefined();
    now += 31_000;
    await engine.deleteExpiredOrphans();
    expect(await store.getByRef('component:default/b')).toBeUndefined();
  });

  it('keeps orphans for good with orphanStrategy keep', async () => {
    const files = { [url]: `${component('a')}---\n${component('b')}` };
    const { store, engine } = setup(files, { orphanStrategy: 'keep' });
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    const later = createLocationEngine({
      store,
      locations,
      urlReader: createFakeUrlReader({ [url]: component('a') }),
      logger: createFakeLogger(),
      orphanStrategy: 'keep',
      now: () => Date.now() + 10 * 365 * 86_400_000,
    });
    await later.refreshAll();
    await later.deleteExpiredOrphans();
    expect((await store.getByRef('component:default/b'))?.metadata.annotations?.['backstage.io/orphan']).toBe(
      'true',
    );
  });

  it('reports progress per batch in the log and the status of a large location', async () => {
    const docs = Array.from({ length: 25 }, (_, i) => component(`c${i}`)).join('---\n');
    const { engine, logger } = setup({ [url]: docs }, { batchSize: 10 });
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    expect(logger.lines.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        `Location url:${url}: 10 entities written so far`,
        `Location url:${url}: 20 entities written so far`,
        `Location url:${url}: 26 entities written so far`,
      ]),
    );
    expect(await engine.getStatus()).toEqual([
      expect.objectContaining({
        entitiesRead: 26,
        errors: [],
        inProgress: false,
        lastRefreshAt: expect.any(String),
      }),
    ]);
  });

  it('writes only the files that changed and keeps the entities of unchanged files out of the orphans', async () => {
    const root = 'https://git.example.com/acme/root.yaml';
    const first = 'https://git.example.com/acme/first/catalog-info.yaml';
    const second = 'https://git.example.com/acme/second/catalog-info.yaml';
    const files = {
      [root]: `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./first/catalog-info.yaml, ./second/catalog-info.yaml]\n`,
      [first]: `${component('a')}---\n${component('b')}`,
      [second]: `${component('c')}---\n${component('d')}`,
    };
    const { store, engine } = setup(files, { urlReader: createMutableReader(files) });
    const write = jest.spyOn(store, 'applyMutation');
    const record = await locations.create({ type: 'url', target: root, origin: 'api' });
    await engine.refreshLocation(record);
    expect(await store.getByRef('component:default/d')).toBeDefined();
    write.mockClear();
    files[second] = component('c', '  system: billing\n');
    await engine.refreshLocation(record);
    const written = write.mock.calls.flatMap(([mutation]) => mutation.upserts ?? []);
    expect(written.map((upsert) => upsert.entity.metadata.name)).toEqual(['c']);
    expect(write.mock.calls.flatMap(([mutation]) => mutation.deletes ?? [])).toEqual(['component:default/d']);
    for (const name of ['a', 'b', 'c']) {
      expect(
        (await store.getByRef(`component:default/${name}`))?.metadata.annotations?.['backstage.io/orphan'],
      ).toBeUndefined();
    }
    expect(await store.getByRef('component:default/d')).toBeUndefined();
    expect(await engine.getStatus()).toEqual([expect.objectContaining({ entitiesRead: 5, errors: [] })]);
  });

  it('reads an unchanged file again when the location rules change', async () => {
    const files = {
      [url]: `${component('a')}---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: u\nspec:\n  memberOf: []\n`,
    };
    const { store, engine } = setup(files, { urlReader: createMutableReader(files) });
    const record = await locations.create({
      type: 'url',
      target: url,
      origin: 'config',
      rules: [{ allow: ['Component', 'User', 'Location'] }],
    });
    await engine.refreshLocation(record);
    expect(await store.getByRef('user:default/u')).toBeDefined();
    await locations.setRules(record.id, [{ allow: ['Component', 'Location'] }]);
    await engine.refreshLocation(record);
    expect((await engine.getStatus())[0]?.errors).toEqual([
      expect.objectContaining({ name: 'NotAllowedError' }),
    ]);
  });

  it('reads an unchanged file again after a refresh where it failed, clearing the error from its entities', async () => {
    const files = { [url]: component('a') };
    const { store, engine } = setup(files, { urlReader: createMutableReader(files) });
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await engine.refreshLocation(record);
    files[url] = `${component('a')}---\nkind: [unclosed`;
    await engine.refreshLocation(record);
    expect((await store.getByRef('component:default/a'))?.status?.items?.[0]?.message).toContain(
      'YAML error',
    );
    files[url] = component('a');
    await engine.refreshLocation(record);
    expect((await store.getByRef('component:default/a'))?.status).toBeUndefined();
    expect(await engine.getStatus()).toEqual([expect.objectContaining({ errors: [] })]);
  });

  it('skips a missing target of an optional Location without an error and reports a missing required one', async () => {
    const location = (presence: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: l\nspec:\n  presence: ${presence}\n  targets: [./gone.yaml, ./here.yaml]\n`;
    const here = 'https://git.example.com/acme/repo/here.yaml';
    const optional = setup({ [url]: location('optional'), [here]: component('here') });
    const record = await locations.create({ type: 'url', target: url, origin: 'api' });
    await optional.engine.refreshLocation(record);
    expect(await optional.engine.getStatus()).toEqual([expect.objectContaining({ errors: [] })]);
    expect(await optional.store.getByRef('component:default/here')).toBeDefined();
    const required = setup({ [url]: location('required'), [here]: component('here') });
    await required.engine.refreshLocation(record, { force: true });
    expect((await required.engine.getStatus())[0]?.errors).toEqual([
      {
        name: 'NotFoundError',
        message:
          "url:https://git.example.com/acme/repo/gone.yaml: No file at 'https://git.example.com/acme/repo/gone.yaml'",
      },
    ]);
  });

  it('reads a registered optional location whose target is missing as empty, with presence on its Location entity', async () => {
    const { store, engine } = setup({});
    const record = await locations.create({ type: 'url', target: url, origin: 'api', presence: 'optional' });
    expect(record.presence).toBe('optional');
    await engine.refreshLocation(record);
    expect(await engine.getStatus()).toEqual([expect.objectContaining({ errors: [], entitiesRead: 1 })]);
    expect((await store.getByRef(record.entityRef))?.spec).toEqual({
      type: 'url',
      target: url,
      presence: 'optional',
    });
  });

  it('refuses a file location target reached from a url location', async () => {
    const location = `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: sneaky\nspec:\n  type: file\n  target: /etc/passwd\n`;
    const { engine } = setup({ [url]: location });
    await expect(engine.dryRun({ type: 'url', target: url })).rejects.toThrow(
      "target '/etc/passwd' is a file location; only config may name files",
    );
  });

  it('uses the injected buildRelations', async () => {
    const { engine } = setup(
      { [url]: component('a') },
      { buildRelations: () => [{ type: 'custom', inverseType: 'customOf', targetRef: 'group:default/x' }] },
    );
    const entities = await engine.dryRun({ type: 'url', target: url });
    expect(entities[1]?.relations).toEqual([{ type: 'custom', targetRef: 'group:default/x' }]);
  });

  it('refuses documents the injected validator finds problems with, naming file, document and field', async () => {
    const { engine } = setup(
      { [url]: `${component('a')}---\n${component('b')}` },
      {
        validateEntity: (document, context) =>
          (document as Entity).metadata.name === 'b' &&
          context.location === `url:${url}` &&
          context.documentIndex === 1
            ? [{ path: 'spec.owner', message: 'must be a group' }]
            : [],
      },
    );
    await expect(engine.dryRun({ type: 'url', target: url })).rejects.toThrow(
      `url:${url} document 2: Component 'b': spec.owner: must be a group`,
    );
  });
});
