import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestId } from '../logging';

const requestIdHeader = 'X-Request-Id';

// Anything else could smuggle newlines or markup into log lines, so it is replaced.
const acceptedRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is well-formed, a
 * fresh UUID otherwise), echoes it on the response and runs the rest of the request
 * inside `runWithRequestId` so that every log line written for it carries the id.
 */
export function createRequestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(requestIdHeader);
    const requestId = incoming !== undefined && acceptedRequestId.test(incoming) ? incoming : randomUUID();
    res.setHeader(requestIdHeader, requestId);
    runWithRequestId(requestId, () => next());
  };
}
