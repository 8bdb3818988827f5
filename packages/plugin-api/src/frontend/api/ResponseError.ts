import { AtriumError, type AtriumErrorOptions } from '../../common/errors/AtriumError';

/** A failed response whose body names no typed Atrium error, e.g. a 500 or a proxy's 502. */
export class ResponseError extends AtriumError {
  override readonly name = 'ResponseError';
  readonly statusCode: number;
  readonly code: string;

  constructor(message: string, statusCode: number, options?: AtriumErrorOptions & { code?: string }) {
    super(message, options);
    this.statusCode = statusCode;
    this.code = options?.code ?? 'RESPONSE_ERROR';
  }
}
