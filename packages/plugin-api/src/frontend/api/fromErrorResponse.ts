import type { AtriumError } from '../../common/errors/AtriumError';
import { AuthenticationError } from '../../common/errors/AuthenticationError';
import { ConflictError } from '../../common/errors/ConflictError';
import type { ErrorResponseBody } from '../../common/errors/ErrorResponseBody';
import { InputError } from '../../common/errors/InputError';
import { NotAllowedError } from '../../common/errors/NotAllowedError';
import { NotFoundError } from '../../common/errors/NotFoundError';
import { ServiceUnavailableError } from '../../common/errors/ServiceUnavailableError';
import { ResponseError } from './ResponseError';

const typedErrors: Record<string, new (message: string) => AtriumError> = {
  InputError,
  AuthenticationError,
  NotAllowedError,
  NotFoundError,
  ConflictError,
  ServiceUnavailableError,
};

function isErrorBody(value: unknown): value is ErrorResponseBody {
  const error = (value as { error?: { name?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.name === 'string' && typeof error.message === 'string';
}

/**
 * Rebuilds the typed error a failed response carries (`{ error: { name, message } }`),
 * so UI code can test `instanceof NotFoundError`. Bodies that name no known class
 * become a {@link ResponseError} with the status code.
 *
 * @example
 * const res = await fetch('/api/catalog/entities/by-name/component/default/nope');
 * if (!res.ok) throw await fromErrorResponse(res); // NotFoundError
 */
export async function fromErrorResponse(response: Response): Promise<AtriumError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const ErrorClass = typedErrors[body.error.name];
    if (ErrorClass) {
      return new ErrorClass(body.error.message);
    }
    return new ResponseError(body.error.message, response.status, {
      ...(body.error.code ? { code: body.error.code } : {}),
    });
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return new ResponseError(
    `Request to ${response.url || 'the server'} failed with ${response.status}${statusText}`,
    response.status,
  );
}
