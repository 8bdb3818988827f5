import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TooManyRequestsError } from './TooManyRequestsError';

/** `auth.rateLimit` in app-config. */
export interface AuthRateLimitConfig {
  windowMs: number;
  max: number;
}

/**
 * A per-IP limit for one sign-in or token route (`subject` names it in the
 * error). Counters live in this replica's memory, so N replicas allow up to N
 * times `max`; the limit is against guessing and floods, not an exact quota.
 * Answers 429 with the usual error body and a `RateLimit` header.
 */
export function createAuthRateLimit(config: AuthRateLimitConfig, subject: string): RequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(
        new TooManyRequestsError(
          `Too many ${subject} requests from this address; wait ${Math.ceil(config.windowMs / 1000)} seconds and try again`,
        ),
      );
    },
  });
}
