import { AtriumError } from './AtriumError';

/** The request or its body is malformed or invalid (HTTP 400). */
export class InputError extends AtriumError {
  override readonly name = 'InputError';
  readonly statusCode = 400;
  readonly code = 'INPUT_ERROR';
}
