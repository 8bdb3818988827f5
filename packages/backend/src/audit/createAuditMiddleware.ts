import { AsyncResource } from 'node:async_hooks';
import type { AuthService } from '@atrium/plugin-api';
import type { RequestHandler } from 'express';
import type { AuditRecorder } from './AuditRecorder';
import type { AuditAction } from './describeAuditAction';
import { refusedPrincipal } from './refusedPrincipal';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Records every request under `/api` with an unsafe method once its response
 * finishes. Mounted on `/api` before authentication, and it reads the caller when
 * the response is done, so requests that authentication refuses are seen too: a
 * session refused for its CSRF header is recorded as that session's user; an
 * anonymous 401 is not recorded, so that floods without credentials cannot fill
 * the table. Routes declared read-only are skipped. Only the path is kept, never
 * the query string, which may carry tokens.
 */
export function createAuditMiddleware(options: {
  recorder: AuditRecorder;
  auth: AuthService;
  describe(method: string, apiPath: string): AuditAction;
}): RequestHandler {
  const { recorder, auth, describe } = options;
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
    res.once(
      'close',
      AsyncResource.bind(() => {
        const status = res.statusCode;
        const { principal: authenticated } = auth.credentials(req);
        const principal = authenticated.type === 'user' ? authenticated : refusedPrincipal.get(req);
        if (principal === undefined && status === 401) {
          return;
        }
        recorder.record({
          actor: principal === undefined ? 'anonymous' : principal.userEntityRef.toLowerCase(),
          ...(principal === undefined ? {} : { via: principal.via }),
          action,
          target,
          outcome: res.writableFinished && status < 400 ? 'success' : 'failure',
          status,
          pluginId,
        });
      }),
    );
    next();
  };
}
