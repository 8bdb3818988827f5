import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { coreServices, entityChangedEvent, type LoggerService } from '@atrium/plugin-api';
import { createAudit } from './audit';
import { createAuthService, createCoreAuth } from './auth';
import {
  type ConfigSchemaEntry,
  collectSecrets,
  coreConfigSchemas,
  createConfigService,
  filterFrontendConfig,
  loadConfig,
  type RootConfig,
  validateConfig,
} from './config';
import { createDatabaseManager, type DatabaseConfig } from './database';
import { createEntityStore } from './entityStore';
import { createEventBus } from './events';
import {
  BackendStartupError,
  createCorePluginsRouter,
  createPluginAssetsRouter,
  createPluginHost,
  createPluginsApiRouter,
  type DiscoveredPlugin,
  discoverPlugins,
  findPagePreloads,
  findPluginForPage,
  isPublicPluginPath,
  type PluginRuntime,
  sortPluginsForBoot,
} from './host';
import {
  createErrorMiddleware,
  createHttpApp,
  createNotFoundHandler,
  type HttpServer,
  startHttpServer,
} from './http';
import { createRootLogger } from './logging';
import {
  corePermissions,
  createPermissionsRegistry,
  createPermissionsRouter,
  loadPermissionPolicy,
} from './permissions';
import { createScheduler } from './scheduler';
import { createShellContentSecurityPolicy, createShellRouter } from './shell';
import { createUrlReader, type ReadingAllowRule } from './urlReader';

/** How to start a backend. */
export interface BackendOptions {
  /** app-config.yaml first, then each `--config FILE`. */
  configFiles: string[];
  /** Environment for `${VAR}` substitution and NODE_ENV. */
  env: Record<string, string | undefined>;
  /** Folders of bundled plugins; default `<cwd>/plugins`. */
  bundledPluginDirs?: string[];
  /** Where relative paths in config resolve from; default the working directory. */
  cwd?: string;
  /** The built portal shell; default `packages/app/dist` beside this package. */
  shellDistDir?: string;
  /** How long one plugin's `init` may take; default 30 s. */
  initTimeoutMs?: number;
}

/** A running backend. */
export interface Backend {
  readonly url: string;
  readonly port: number;
  readonly logger: LoggerService;
  readonly config: RootConfig;
  readonly plugins: PluginRuntime[];
  /** Graceful stop: no new requests, in-flight ones finish, shutdown hooks run in reverse boot order. */
  stop(): Promise<void>;
}

function enabledPlugins(config: RootConfig, discovered: DiscoveredPlugin[]): DiscoveredPlugin[] {
  const enabled = config.getOptional<Record<string, unknown>>('plugins.enabled') ?? {};
  const byId = new Map(discovered.map((p) => [p.manifest.id, p]));
  return Object.keys(enabled).map((id) => {
    const plugin = byId.get(id);
    if (!plugin) {
      throw new BackendStartupError(
        `Plugin '${id}' is enabled in config (plugins.enabled.${id}) but no plugin.yaml with id '${id}' was found; ` +
          `install it or remove the key. Found: ${[...byId.keys()].join(', ') || 'none'}`,
      );
    }
    return plugin;
  });
}

/**
 * Starts the thin core: config, logger, database, entity store, events,
 * scheduler, auth, the plugin host, and the HTTP server. Nothing a plugin
 * could provide lives here.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig({ files: options.configFiles, env: options.env });
  validateConfig(config, coreConfigSchemas);

  const discovered = await discoverPlugins(
    {
      bundled: options.bundledPluginDirs ?? [join(cwd, 'plugins')],
      installed: resolve(cwd, config.get<string>('plugins.installDirectory')),
    },
    cwd,
  );
  const plugins = sortPluginsForBoot(enabledPlugins(config, discovered));
  const schemas: ConfigSchemaEntry[] = [
    ...coreConfigSchemas,
    ...plugins.flatMap((p) =>
      p.manifest.config
        ? [{ key: p.manifest.id, schema: p.manifest.config, declaredIn: p.manifestFile }]
        : [],
    ),
  ];
  validateConfig(config, schemas);
  const permissionPolicy = loadPermissionPolicy(config, plugins);

  const production = options.env.NODE_ENV === 'production';
  const secrets = collectSecrets(config, schemas);
  const logger = createRootLogger({
    level: config.get('backend.logging.level'),
    format: production ? 'json' : 'pretty',
    secrets: () => secrets,
  });
  if (
    production &&
    config.get<boolean>('auth.guest.enabled') &&
    !config.get<boolean>('auth.guest.allowInProduction')
  ) {
    throw new BackendStartupError(
      'auth.guest.enabled is true while NODE_ENV=production; disable guest sign-in or set auth.guest.allowInProduction',
    );
  }

  const instanceId = randomUUID();
  const databaseConfig = config.get<DatabaseConfig>('backend.database');
  const databases = createDatabaseManager({
    config: {
      ...databaseConfig,
      connection:
        databaseConfig.client === 'better-sqlite3' &&
        typeof databaseConfig.connection === 'string' &&
        databaseConfig.connection !== ':memory:'
          ? resolve(cwd, databaseConfig.connection)
          : databaseConfig.connection,
    },
    logger: logger.child({ service: 'database' }),
  });
  const coreKnex = await databases.forNamespace('core').getClient();
  const events = await createEventBus({
    knex: coreKnex,
    client: databases.client,
    logger: logger.child({ service: 'events' }),
    instanceId,
  });
  const store = await createEntityStore({
    knex: coreKnex,
    client: databases.client,
    publish: (payloads) => events.publishCore(entityChangedEvent, payloads),
  });
  const scheduler = await createScheduler({
    knex: coreKnex,
    logger: logger.child({ service: 'scheduler' }),
    instanceId,
  });
  const coreEntities = store.forProvider('core');
  const permissions = createPermissionsRegistry(permissionPolicy.policy, { entities: coreEntities });
  const corePermissionsService = permissions.forPlugin('core');
  corePermissionsService.register(corePermissions);
  if (production && permissionPolicy.roles === undefined) {
    logger.warn(
      'permissions.roles is not configured, so every signed-in user may do everything; configure roles in app-config before going live',
    );
  }
  const auth = createAuthService();
  const audit = await createAudit({
    knex: coreKnex,
    scheduler,
    logger: logger.child({ service: 'audit' }),
    auth,
    permissions: corePermissionsService,
    manifests: plugins.map((p) => p.manifest),
    retentionDays: config.get<number>('audit.retentionDays'),
  });
  const coreAuth = await createCoreAuth({
    config,
    knex: coreKnex,
    entities: coreEntities,
    rolesOf: (principal) => permissionPolicy.policy.rolesOf(principal),
    audit: audit.recorder,
    logger: logger.child({ service: 'auth' }),
  });
  const urlReader = createUrlReader({ allow: config.get<ReadingAllowRule[]>('backend.reading.allow') });
  const enabledConfig =
    config.get<Record<string, { onBootFailure: 'abort' | 'continue' }>>('plugins.enabled');

  const host = createPluginHost({
    plugins,
    logger,
    initTimeoutMs: options.initTimeoutMs ?? 30_000,
    onBootFailure: (id) => enabledConfig[id]?.onBootFailure ?? 'abort',
    registrationsOf: (id) => ({
      subscriptions: events.subscriptionsOf(id),
      permissions: permissions.registeredBy(id).map((p) => p.id),
    }),
    coreServicesFor: (plugin, own) => {
      const id = plugin.manifest.id;
      return {
        [coreServices.config.id]: createConfigService(config, id),
        [coreServices.logger.id]: logger.child({ plugin: id }),
        [coreServices.database.id]: databases.forNamespace(id),
        [coreServices.httpRouter.id]: own.httpRouter,
        [coreServices.auth.id]: auth,
        [coreServices.permissions.id]: permissions.forPlugin(id),
        [coreServices.entityStore.id]: store.forProvider(id),
        [coreServices.events.id]: events.forPlugin(
          id,
          plugin.manifest.backend?.events ?? { emits: [], subscribes: [] },
        ),
        [coreServices.scheduler.id]: scheduler.forPlugin(id),
        [coreServices.urlReader.id]: urlReader,
        [coreServices.lifecycle.id]: own.lifecycle,
      };
    },
  });

  let ready = false;
  const app = createHttpApp({
    logger,
    isReady: () => ready,
    bodyLimit: config.get<string>('backend.http.bodyLimit'),
    includeStack: !production,
    contentSecurityPolicy: createShellContentSecurityPolicy(config.get<string[]>('plugins.origins')),
  });
  // Before authentication, so that the audit log also sees the requests it refuses.
  app.use('/api', audit.middleware);
  app.use(
    '/api',
    coreAuth.middleware((path) => isPublicPluginPath(host.runtimes, path)),
  );
  app.use('/api/core/auth', coreAuth.router);
  app.use('/api/core', createCorePluginsRouter(host.runtimes, filterFrontendConfig(config, schemas)));
  app.use(
    '/api/core/permissions',
    createPermissionsRouter({
      auth,
      loaded: permissionPolicy,
      permissions: corePermissionsService,
      entities: coreEntities,
    }),
  );
  app.use('/api/core/audit', audit.router);
  app.use('/api', createPluginsApiRouter(host.runtimes));
  app.use('/api', createNotFoundHandler());
  app.use('/plugins', createPluginAssetsRouter(host.runtimes));
  app.use(
    createShellRouter({
      distDir: options.shellDistDir ?? join(__dirname, '../../app/dist'),
      // A signed-out visitor sees the sign-in page first: an API read preloaded for them would answer 401.
      // The session is looked up only for a page a plugin draws: the rest have nothing to preload.
      preloadsFor: async (req) =>
        findPluginForPage(host.runtimes, req.path) && (await coreAuth.hasSession(req))
          ? findPagePreloads(host.runtimes, req.path, req.originalUrl.split('?')[1] ?? '')
          : [],
    }),
  );
  app.use(createErrorMiddleware({ logger, includeStack: !production }));

  const server: HttpServer = await startHttpServer(app, {
    host: config.get<string>('backend.listen.host'),
    port: config.get<number>('backend.listen.port'),
    logger,
  });

  const stopCore = async () => {
    await scheduler.stop();
    await events.stop();
    await store.close();
    await databases.destroy();
  };
  try {
    await events.start();
    await host.boot();
    await scheduler.start();
  } catch (error) {
    await server.stop();
    await host.shutdown();
    await stopCore();
    throw error;
  }
  ready = true;
  logger.info(`Atrium listening on ${server.url}`, { plugins: plugins.map((p) => p.manifest.id) });

  return {
    url: server.url,
    port: server.port,
    logger,
    config,
    plugins: host.runtimes,
    async stop() {
      ready = false;
      await server.stop();
      await host.shutdown();
      await stopCore();
    },
  };
}
