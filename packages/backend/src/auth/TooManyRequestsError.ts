import { AtriumError } from '@atrium/plugin-api';

/** The caller sent too many requests to a rate-limited route (HTTP 429). */
export class TooManyRequestsError extends AtriumError {
  override readonly name = 'TooManyRequestsError';
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_REQUESTS';
}
