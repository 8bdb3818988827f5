import { types } from 'node:util';

/**
 * A one-line reason for an error, for messages that wrap it. Node reports a refused
 * connection to a dual-stack host as an AggregateError with an empty message, so the
 * code and the inner errors stand in for it.
 */
export function describeError(error: unknown): string {
  // isNativeError, unlike instanceof, also recognises errors made in another realm.
  if (!types.isNativeError(error)) {
    return String(error);
  }
  const { errors, code } = error as { errors?: unknown; code?: unknown };
  if (!error.message && Array.isArray(errors) && errors.length > 0) {
    return errors.map(describeError).join('; ');
  }
  return error.message || (typeof code === 'string' ? code : error.name);
}
