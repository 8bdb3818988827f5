import type { LoggerService } from '@atrium/plugin-api';
import express from 'express';
import helmet from 'helmet';
import { createRequestIdMiddleware } from './createRequestIdMiddleware';
import { createRequestLogMiddleware } from './createRequestLogMiddleware';

const strictContentSecurityPolicy: Record<string, string[]> = { 'default-src': ["'self'"] };

/**
 * Builds the core's express app: security headers, request ids, one log line per
 * request, JSON bodies up to `bodyLimit` (default `1mb`) and `GET /healthz`. The host
 * mounts `/api` routes, `createNotFoundHandler()` and `createErrorMiddleware()` on it.
 */
export function createHttpApp(options: {
  logger: LoggerService;
  isReady(): boolean;
  bodyLimit?: string;
  includeStack: boolean;
  /** CSP directives by name, e.g. `{ 'script-src': ["'self'"] }`; replaces the strict default `default-src 'self'`. */
  contentSecurityPolicy?: Record<string, string[]>;
}): express.Express {
  const { logger, isReady, bodyLimit = '1mb', includeStack } = options;
  const app = express();
  app.disable('x-powered-by');
  // Express's fallback handler (errors after headers were sent) shows stacks unless env
  // is 'production'; tie that to includeStack rather than to NODE_ENV.
  app.set('env', includeStack ? 'development' : 'production');
  app.use(createRequestIdMiddleware());
  app.use(createRequestLogMiddleware({ logger }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: options.contentSecurityPolicy ?? strictContentSecurityPolicy,
      },
    }),
  );
  app.use(express.json({ limit: bodyLimit }));
  app.get('/healthz', (_req, res) => {
    if (isReady()) {
      res.json({ status: 'ok' });
    } else {
      res.status(503).json({ status: 'starting' });
    }
  });
  return app;
}
