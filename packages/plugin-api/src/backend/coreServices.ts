import { createServiceRef } from './createServiceRef';
import type { AuthService } from './services/AuthService';
import type { ConfigService } from './services/ConfigService';
import type { DatabaseService } from './services/DatabaseService';
import type { EntityStoreService } from './services/EntityStoreService';
import type { EventsService } from './services/EventsService';
import type { HttpRouterService } from './services/HttpRouterService';
import type { LifecycleService } from './services/LifecycleService';
import type { LoggerService } from './services/LoggerService';
import type { PermissionsService } from './services/PermissionsService';
import type { SchedulerService } from './services/SchedulerService';
import type { UrlReaderService } from './services/UrlReaderService';

/**
 * Refs of the services the core gives every plugin. Each is plugin-scoped:
 * the instance knows which plugin holds it.
 *
 * @example
 * createBackendPlugin({ pluginId: 'x', deps: { logger: coreServices.logger }, async init({ logger }) {} });
 */
export const coreServices = {
  config: createServiceRef<ConfigService>({ id: 'core.config', scope: 'plugin' }),
  logger: createServiceRef<LoggerService>({ id: 'core.logger', scope: 'plugin' }),
  database: createServiceRef<DatabaseService>({ id: 'core.database', scope: 'plugin' }),
  httpRouter: createServiceRef<HttpRouterService>({ id: 'core.httpRouter', scope: 'plugin' }),
  auth: createServiceRef<AuthService>({ id: 'core.auth', scope: 'plugin' }),
  permissions: createServiceRef<PermissionsService>({ id: 'core.permissions', scope: 'plugin' }),
  entityStore: createServiceRef<EntityStoreService>({ id: 'core.entityStore', scope: 'plugin' }),
  events: createServiceRef<EventsService>({ id: 'core.events', scope: 'plugin' }),
  scheduler: createServiceRef<SchedulerService>({ id: 'core.scheduler', scope: 'plugin' }),
  urlReader: createServiceRef<UrlReaderService>({ id: 'core.urlReader', scope: 'plugin' }),
  lifecycle: createServiceRef<LifecycleService>({ id: 'core.lifecycle', scope: 'plugin' }),
} as const;
