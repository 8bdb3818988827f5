import { AtriumError } from './AtriumError';

/** The request conflicts with the current state, e.g. another provider owns the entity (HTTP 409). */
export class ConflictError extends AtriumError {
  override readonly name = 'ConflictError';
  readonly statusCode = 409;
  readonly code = 'CONFLICT';
}
