import type { Express } from 'express';
import { coreServices } from '../backend/coreServices';
import type { BackendPlugin } from '../backend/createBackendPlugin';
import type { AuthService } from '../backend/services/AuthService';
import type { ConfigService } from '../backend/services/ConfigService';
import type { EventsService } from '../backend/services/EventsService';
import type { LoggerService } from '../backend/services/LoggerService';
import { InputError } from '../common/errors/InputError';
import { createFakeAuth } from './createFakeAuth';
import { createFakeConfig } from './createFakeConfig';
import { createFakeDatabase, type FakeDatabase } from './createFakeDatabase';
import { createFakeEntityStore, type FakeEntityStore } from './createFakeEntityStore';
import { createFakeEvents, type FakeEvents } from './createFakeEvents';
import { createFakeHttpRouter, type FakeHttpRouter } from './createFakeHttpRouter';
import { createFakeLifecycle, type FakeLifecycle } from './createFakeLifecycle';
import { createFakeLogger, type FakeLogger } from './createFakeLogger';
import { createFakePermissions, type FakePermissions } from './createFakePermissions';
import { createFakeScheduler, type FakeScheduler } from './createFakeScheduler';
import { createFakeUrlReader, type FakeUrlReader } from './createFakeUrlReader';

/** The fakes {@link startTestPlugin} makes for the core services, by ref id. */
export interface FakeCoreServices {
  'core.config': ConfigService;
  'core.logger': FakeLogger;
  'core.database': FakeDatabase;
  'core.httpRouter': FakeHttpRouter;
  'core.auth': AuthService;
  'core.permissions': FakePermissions;
  'core.entityStore': FakeEntityStore;
  'core.events': FakeEvents;
  'core.scheduler': FakeScheduler;
  'core.urlReader': FakeUrlReader;
  'core.lifecycle': FakeLifecycle;
}

/** A plugin started by {@link startTestPlugin}. */
export interface TestPlugin {
  /** Every service by ref id: the core fakes, with overrides in place of those they replace. */
  services: FakeCoreServices & Record<string, unknown>;
  /** The plugin's routes, mounted at `/api/<pluginId>` as in the real backend. */
  app: Express;
  /** What `init` returned for the services the plugin provides, by name. */
  provided: Record<string, unknown>;
  /** Runs the lifecycle's shutdown hooks, then closes the fake database. */
  stop(): Promise<void>;
}

/**
 * Starts a backend plugin on fakes: `init` receives, for each declared dep,
 * the service whose ref id is in `overrides` or else a fresh fake. Services
 * that are not core services must be given in `overrides`. The fake entity
 * store writes as the plugin and publishes its changes on the fake events.
 *
 * @example
 * const plugin = await startTestPlugin(todoPlugin, { 'core.config': createFakeConfig({ maxItems: 5 }) });
 * await request(plugin.app).post('/api/todo/items').send({ title: 'x' }).expect(201);
 * expect(plugin.services['core.logger'].lines).toEqual([]);
 * await plugin.stop();
 */
export async function startTestPlugin(
  plugin: BackendPlugin,
  overrides: Partial<Record<string, unknown>> = {},
): Promise<TestPlugin> {
  const coreIds = new Set<string>(Object.values(coreServices).map((ref) => ref.id));
  for (const [name, ref] of Object.entries(plugin.deps)) {
    if (!coreIds.has(ref.id) && overrides[ref.id] === undefined) {
      throw new InputError(
        `Plugin '${plugin.pluginId}' depends on '${ref.id}' (deps.${name}), which has no fake; pass one in overrides, e.g. { '${ref.id}': myFake }`,
      );
    }
  }
  const services: Record<string, unknown> = { ...overrides };
  const ensure = <T>(id: keyof FakeCoreServices, create: () => T): T => {
    if (services[id] === undefined) {
      services[id] = create();
    }
    return services[id] as T;
  };
  const logger = ensure<LoggerService>('core.logger', createFakeLogger);
  const events = ensure<EventsService>('core.events', createFakeEvents);
  const router = ensure<Partial<FakeHttpRouter>>('core.httpRouter', () =>
    createFakeHttpRouter({ mountPath: `/api/${plugin.pluginId}`, logger }),
  );
  const app = router.app;
  if (!app) {
    throw new InputError(
      `Override 'core.httpRouter' with createFakeHttpRouter() so startTestPlugin can serve its app`,
    );
  }
  ensure('core.config', () => createFakeConfig());
  ensure('core.auth', () => createFakeAuth());
  ensure('core.permissions', () => createFakePermissions());
  ensure('core.entityStore', () => createFakeEntityStore({ pluginId: plugin.pluginId, publishTo: events }));
  ensure('core.scheduler', createFakeScheduler);
  ensure('core.urlReader', () => createFakeUrlReader());
  const lifecycle = ensure<Partial<FakeLifecycle>>('core.lifecycle', createFakeLifecycle);
  // Only a database made here is closed by stop(); an override belongs to the test.
  const ownDatabase = services['core.database'] === undefined ? createFakeDatabase() : undefined;
  ensure('core.database', () => ownDatabase);

  const deps = Object.fromEntries(Object.entries(plugin.deps).map(([name, ref]) => [name, services[ref.id]]));
  let provided: Record<string, unknown>;
  try {
    provided = (await plugin.init(deps)) ?? {};
  } catch (error) {
    await ownDatabase?.destroy();
    throw error;
  }
  return {
    services: services as TestPlugin['services'],
    app,
    provided,
    async stop() {
      try {
        await lifecycle.shutdown?.();
      } finally {
        await ownDatabase?.destroy();
      }
    },
  };
}
