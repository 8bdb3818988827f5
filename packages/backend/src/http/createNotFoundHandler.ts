import { NotFoundError } from '@atrium/plugin-api';
import type { RequestHandler } from 'express';

/**
 * The last handler under `/api`: turns an unmatched request into a `NotFoundError`
 * that the error middleware renders.
 *
 * @example
 * app.use('/api', apiRouter);
 * app.use('/api', createNotFoundHandler());
 * app.use(createErrorMiddleware({ logger, includeStack }));
 */
export function createNotFoundHandler(): RequestHandler {
  return (req) => {
    const path = req.originalUrl.split('?', 1)[0];
    throw new NotFoundError(`No route for ${req.method} ${path}`);
  };
}
