/** An error as JSON, in the shape of `@backstage/errors`' `SerializedError`. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  [key: string]: unknown;
}

/** Fields that describe the HTTP exchange or the process, not the invalid input. */
const omitted = new Set(['stack', 'cause', 'statusCode']);

/**
 * Turns an error into plain JSON for a response body: name, message, and its
 * own enumerable fields (a validator's path or document index), without the
 * stack, the cause or the HTTP status.
 */
export function serializeError(error: Error): SerializedError {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (!omitted.has(key) && value !== undefined && typeof value !== 'function') {
      extra[key] = value;
    }
  }
  return { ...extra, name: error.name, message: error.message };
}
