/** Options every Atrium error accepts: the underlying cause is always kept. */
export interface AtriumErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every typed Atrium error. The HTTP layer maps `statusCode`
 * onto the response; anything that is not an `AtriumError` becomes a 500.
 */
export abstract class AtriumError extends Error {
  /** HTTP status the error maps to. */
  abstract readonly statusCode: number;
  /** Stable machine-readable code, e.g. `NOT_FOUND`. */
  abstract readonly code: string;

  constructor(message: string, options?: AtriumErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }
}
