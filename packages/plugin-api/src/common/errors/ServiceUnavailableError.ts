import { AtriumError } from './AtriumError';

/** A dependency is down or the plugin failed to boot (HTTP 503). */
export class ServiceUnavailableError extends AtriumError {
  override readonly name = 'ServiceUnavailableError';
  readonly statusCode = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
}
