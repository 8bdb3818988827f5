import express from 'express';
import request from 'supertest';
import { coreServices } from '../backend/coreServices';
import { createBackendPlugin } from '../backend/createBackendPlugin';
import { createServiceRef } from '../backend/createServiceRef';
import { NotAllowedError } from '../common/errors/NotAllowedError';
import { NotFoundError } from '../common/errors/NotFoundError';
import { defineEvent } from '../common/events/defineEvent';
import { entityChangedEvent } from '../common/events/entityChangedEvent';
import { definePermission } from '../common/permissions/definePermission';
import { createFakeConfig } from './createFakeConfig';
import { createFakePermissions } from './createFakePermissions';
import { startTestPlugin, type TestPlugin } from './startTestPlugin';

const itemCreatedEvent = defineEvent<{ id: number; title: string }>('todo.item.created');
const itemCreatePermission = definePermission({ id: 'todo.item.create', action: 'create' });
const todoCountServiceRef = createServiceRef<{ count(): Promise<number> }>({ id: 'todo.count' });

/** A small plugin using most core services, the way a real one would. */
const todoPlugin = createBackendPlugin({
  pluginId: 'todo',
  deps: {
    config: coreServices.config,
    logger: coreServices.logger,
    database: coreServices.database,
    router: coreServices.httpRouter,
    auth: coreServices.auth,
    permissions: coreServices.permissions,
    entityStore: coreServices.entityStore,
    events: coreServices.events,
    scheduler: coreServices.scheduler,
    lifecycle: coreServices.lifecycle,
  },
  provides: { count: todoCountServiceRef },
  async init({
    config,
    logger,
    database,
    router,
    auth,
    permissions,
    entityStore,
    events,
    scheduler,
    lifecycle,
  }) {
    const knex = await database.getClient();
    await knex.schema.createTable('items', (table) => {
      table.increments('id');
      table.string('title');
      table.string('created_by');
    });
    const maxItems = config.getOptional<number>('maxItems') ?? 10;
    permissions.register([itemCreatePermission]);

    const api = express.Router();
    api.get('/items', async (_req, res) => {
      res.json({ items: await knex('items').select('id', 'title', 'created_by as createdBy').orderBy('id') });
    });
    api.get('/items/:id', async (req, res) => {
      const item = await knex('items')
        .where({ id: Number(req.params.id) })
        .first();
      if (!item) {
        throw new NotFoundError(`Item '${req.params.id}' not found`);
      }
      res.json(item);
    });
    api.post('/items', async (req, res) => {
      const credentials = auth.userCredentials(req);
      const decision = await permissions.authorize(credentials, itemCreatePermission);
      if (decision.result === 'deny') {
        throw new NotAllowedError(`${credentials.principal.userEntityRef} may not create items`);
      }
      const [{ count }] = (await knex('items').count({ count: '*' })) as [{ count: number }];
      if (count >= maxItems) {
        throw new NotAllowedError(`At most ${maxItems} items are allowed`);
      }
      const [id] = await knex('items').insert({
        title: req.body.title,
        created_by: credentials.principal.userEntityRef,
      });
      await events.publish(itemCreatedEvent, { id: Number(id), title: req.body.title });
      res.status(201).json({ id });
    });
    api.get('/owners/:kind/:namespace/:name', async (req, res) => {
      const { kind, namespace, name } = req.params;
      const entity = await entityStore.getByRef({ kind, namespace, name }, { fields: ['spec.owner'] });
      if (!entity) {
        throw new NotFoundError(`Entity '${kind}:${namespace}/${name}' not found`);
      }
      res.json({ owner: entity.spec?.owner });
    });
    router.use(api);
    router.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

    events.subscribe(entityChangedEvent, { id: 'log-changes' }, ({ entityRef, change }) => {
      logger.info(`entity ${change}`, { entityRef });
    });
    await scheduler.schedule({
      id: 'purge',
      every: '1d',
      run: async () => {
        await knex('items').delete();
      },
    });
    lifecycle.addShutdownHook(() => logger.info('stopped'));
    return { count: { count: async () => (await knex('items').pluck('id')).length } };
  },
});

describe('startTestPlugin', () => {
  let plugin: TestPlugin | undefined;
  afterEach(async () => {
    await plugin?.stop();
    plugin = undefined;
  });

  it('boots a plugin on fakes and serves its routes under /api/<pluginId>', async () => {
    plugin = await startTestPlugin(todoPlugin);
    await request(plugin.app).post('/api/todo/items').send({ title: 'write tests' }).expect(201);
    const res = await request(plugin.app).get('/api/todo/items').expect(200);
    expect(res.body).toEqual({
      items: [{ id: 1, title: 'write tests', createdBy: 'user:default/test-user' }],
    });
    expect(plugin.services['core.events'].published).toEqual([
      { eventId: 'todo.item.created', payload: { id: 1, title: 'write tests' } },
    ]);
    expect(plugin.services['core.permissions'].registered).toEqual([itemCreatePermission]);
    expect(plugin.services['core.httpRouter'].authPolicies).toEqual([
      { path: '/health', allow: 'unauthenticated' },
    ]);
  });

  it('answers typed errors with the Atrium error body', async () => {
    plugin = await startTestPlugin(todoPlugin);
    const res = await request(plugin.app).get('/api/todo/items/42').expect(404);
    expect(res.body).toEqual({
      error: { name: 'NotFoundError', code: 'NOT_FOUND', message: "Item '42' not found" },
      request: { method: 'GET', url: '/api/todo/items/42' },
      response: { statusCode: 404 },
    });
  });

  it('gives the plugin the overrides in place of the default fakes', async () => {
    plugin = await startTestPlugin(todoPlugin, {
      'core.config': createFakeConfig({ maxItems: 1 }),
      'core.permissions': createFakePermissions(() => 'allow'),
    });
    await request(plugin.app).post('/api/todo/items').send({ title: 'one' }).expect(201);
    const res = await request(plugin.app).post('/api/todo/items').send({ title: 'two' }).expect(403);
    expect(res.body.error.message).toBe('At most 1 items are allowed');
  });

  it('lets the permissions fake deny a request', async () => {
    plugin = await startTestPlugin(todoPlugin, { 'core.permissions': createFakePermissions(() => 'deny') });
    await request(plugin.app).post('/api/todo/items').send({ title: 'x' }).expect(403);
    expect((await request(plugin.app).get('/api/todo/items')).body.items).toEqual([]);
  });

  it('wires the entity store to the plugin id and to the events the plugin subscribes to', async () => {
    plugin = await startTestPlugin(todoPlugin);
    const store = plugin.services['core.entityStore'];
    await store.applyMutation({
      upserts: [
        {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'payments' },
            spec: { owner: 'team-a' },
          },
        },
      ],
    });
    expect(store.events[0]?.provider).toBe('todo');
    expect(plugin.services['core.logger'].lines).toEqual([
      { level: 'info', message: 'entity upserted', meta: { entityRef: 'component:default/payments' } },
    ]);
    const res = await request(plugin.app).get('/api/todo/owners/Component/default/payments').expect(200);
    expect(res.body).toEqual({ owner: 'team-a' });
  });

  it('runs scheduled tasks on demand, returns provided services and runs shutdown hooks on stop', async () => {
    const started = await startTestPlugin(todoPlugin);
    await request(started.app).post('/api/todo/items').send({ title: 'x' }).expect(201);
    const count = started.provided.count as { count(): Promise<number> };
    expect(await count.count()).toBe(1);
    await started.services['core.scheduler'].runTask('purge');
    expect(await count.count()).toBe(0);
    await started.stop();
    expect(started.services['core.logger'].lines.at(-1)?.message).toBe('stopped');
  });

  it('refuses a plugin that needs a service with no fake, naming the ref and the fix', async () => {
    const needsSearch = createBackendPlugin({
      pluginId: 'needs-search',
      deps: { search: createServiceRef<object>({ id: 'search.index' }) },
      async init() {},
    });
    await expect(startTestPlugin(needsSearch)).rejects.toThrow(
      "Plugin 'needs-search' depends on 'search.index' (deps.search), which has no fake; pass one in overrides",
    );
    const search = {};
    const received: unknown[] = [];
    const recording = createBackendPlugin({
      pluginId: 'needs-search',
      deps: { search: createServiceRef<object>({ id: 'search.index' }) },
      async init(deps) {
        received.push(deps.search);
      },
    });
    plugin = await startTestPlugin(recording, { 'search.index': search });
    expect(received).toEqual([search]);
    expect(received[0]).toBe(search);
  });
});
