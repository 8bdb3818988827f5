import { AsyncResource } from 'node:async_hooks';
import type { LoggerService } from '@atrium/plugin-api';
import type { RequestHandler } from 'express';

/**
 * Writes one log line per request (method, path, status, duration) when the
 * response closes. Only the path is logged: query strings may carry tokens, and
 * headers are never logged.
 */
export function createRequestLogMiddleware(options: { logger: LoggerService }): RequestHandler {
  const { logger } = options;
  return (req, res, next) => {
    const startedAt = performance.now();
    const method = req.method;
    // Captured now: routers rewrite req.url while the request is handled.
    const path = req.originalUrl.split('?', 1)[0] ?? '';
    // 'close' fires from the socket's context; binding keeps the request id of this request.
    res.once(
      'close',
      AsyncResource.bind(() => {
        const durationMs = Math.round(performance.now() - startedAt);
        const meta = { method, path, status: res.statusCode, durationMs };
        logger.info(
          `${method} ${path} ${res.statusCode} ${durationMs}ms`,
          res.writableFinished ? meta : { ...meta, aborted: true },
        );
      }),
    );
    next();
  };
}
