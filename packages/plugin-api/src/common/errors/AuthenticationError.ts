import { AtriumError } from './AtriumError';

/** The caller sent no credentials or credentials that are not valid (HTTP 401). */
export class AuthenticationError extends AtriumError {
  override readonly name = 'AuthenticationError';
  readonly statusCode = 401;
  readonly code = 'AUTHENTICATION_ERROR';
}
