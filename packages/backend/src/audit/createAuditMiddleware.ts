import { AsyncResource } from 'node:async_hooks';
import type { AuthService, LoggerService } from '@atrium/plugin-api';
import type { RequestHandler } from 'express';
import { currentRequestId } from '../logging';
import type { AuditStore } from './AuditStore';
import type { AuditAction } from './describeAuditAction';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every request under `/api` with an unsafe method once its response
 * finishes: one row in the audit table and one log line marked `audit: true`.
 * Mounted on `/api` after authentication (so the actor is known) and before the
 * routers. Routes declared read-only are skipped. Only the path is kept, never the query string, which may carry tokens.
 * A failing insert is logged and never touches the response, which is already sent.
 */
export function createAuditMiddleware(options: {
  store: AuditStore;
  auth: AuthService;
  logger: LoggerService;
  describe(method: string, apiPath: string): AuditAction;
}): RequestHandler {
  const { store, auth, logger, describe } = options;
  return (req, res, next) => {
    const method = req.method.toUpperCase();
    if (!unsafeMethods.has(method)) {
      next();
      return;
    }
    // Captured now: routers rewrite req.url while the request is handled.
    const target = req.originalUrl.split('?', 1)[0] ?? '';
    // Relative to the `/api` mount, e.g. `/catalog/locations`.
    const { pluginId, action, readOnly } = describe(method, req.path);
    if (readOnly) {
      next();
      return;
    }
    const { principal } = auth.credentials(req);
    const requestId = currentRequestId();
    res.once(
      'close',
      AsyncResource.bind(() => {
        const status = res.statusCode;
        const outcome = res.writableFinished && status < 400 ? 'success' : 'failure';
        const actor = principal.type === 'user' ? principal.userEntityRef.toLowerCase() : 'anonymous';
        const via = principal.type === 'user' ? principal.via : undefined;
        logger.info(`audit: ${actor} ${action} ${target} ${outcome} ${status}`, {
          audit: true,
          actor,
          via,
          action,
          target,
          outcome,
          status,
          pluginId,
        });
        store
          .insert({
            at: new Date(),
            actor,
            ...(via === undefined ? {} : { via }),
            action,
            target,
            outcome,
            status,
            ...(requestId === undefined ? {} : { requestId }),
            pluginId,
          })
          .catch((error: unknown) =>
            logger.error(`Could not record the audit event for ${action} ${target}`, {
              error,
              action,
              target,
            }),
          );
      }),
    );
    next();
  };
}
