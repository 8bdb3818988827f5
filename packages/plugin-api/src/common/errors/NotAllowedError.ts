import { AtriumError } from './AtriumError';

/** The caller is known but may not do this (HTTP 403). */
export class NotAllowedError extends AtriumError {
  override readonly name = 'NotAllowedError';
  readonly statusCode = 403;
  readonly code = 'NOT_ALLOWED';
}
