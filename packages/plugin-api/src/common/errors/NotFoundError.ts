import { AtriumError } from './AtriumError';

/** The subject of the request does not exist (HTTP 404). */
export class NotFoundError extends AtriumError {
  override readonly name = 'NotFoundError';
  readonly statusCode = 404;
  readonly code = 'NOT_FOUND';
}
