import type { AuthService, LoggerService, PermissionsService, PluginManifest } from '@atrium/plugin-api';
import type { RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import type { Scheduler } from '../scheduler';
import type { AuditRecorder } from './AuditRecorder';
import { AuditStore } from './AuditStore';
import { coreAuditRoutes } from './coreAuditRoutes';
import { createAuditMiddleware } from './createAuditMiddleware';
import { createAuditRecorder } from './createAuditRecorder';
import { createAuditRouter } from './createAuditRouter';
import { describeAuditAction } from './describeAuditAction';

/** The core's audit log: what `createBackend` mounts. */
export interface Audit {
  /** For `app.use('/api', …)` before authentication, so that requests it refuses are seen too. */
  middleware: RequestHandler;
  /** For what the middleware cannot see or name: sign-in (a GET callback) and sign-out. */
  recorder: AuditRecorder;
  /** For `app.use('/api/core/audit', …)`. */
  router: Router;
  store: AuditStore;
}

/**
 * Creates the audit table (in the core namespace) and schedules the core task
 * `core.audit.prune`, which deletes records older than `retentionDays` every hour
 * on one replica.
 *
 * @example
 * const audit = await createAudit({ knex: coreKnex, scheduler, logger, auth, permissions, manifests, retentionDays: 90 });
 */
export async function createAudit(options: {
  /** A knex on the core namespace. */
  knex: Knex;
  scheduler: Scheduler;
  logger: LoggerService;
  auth: AuthService;
  /** The core's own permissions service, with the core permissions registered. */
  permissions: PermissionsService;
  /** Manifests of the enabled plugins, for route patterns in actions. */
  manifests: PluginManifest[];
  retentionDays: number;
}): Promise<Audit> {
  const { knex, scheduler, logger, auth, permissions, manifests, retentionDays } = options;
  const store = await AuditStore.create(knex);
  await scheduler.forPlugin('core').schedule({
    id: 'audit.prune',
    every: '1h',
    timeout: '10m',
    run: async () => {
      const deleted = await store.prune(retentionDays);
      if (deleted > 0) {
        logger.info(`Pruned ${deleted} audit records older than ${retentionDays} days`);
      }
    },
  });
  const recorder = createAuditRecorder({ store, logger });
  return {
    store,
    recorder,
    middleware: createAuditMiddleware({
      recorder,
      auth,
      describe: describeAuditAction(manifests, coreAuditRoutes),
    }),
    router: createAuditRouter({ auth, store, permissions }),
  };
}
