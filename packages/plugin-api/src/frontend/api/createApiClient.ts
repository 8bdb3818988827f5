import { InputError } from '../../common/errors/InputError';
import type { ApiClient, JsonRequestInit } from './ApiClient';
import type { FetchFn } from './FetchFn';
import { fromErrorResponse } from './fromErrorResponse';

/**
 * Makes an {@link ApiClient} for the backend routes under `baseUrl`. The shell
 * builds one per plugin; plugins get theirs from `useApi()`.
 *
 * @example
 * const catalog = createApiClient({ baseUrl: '/api/catalog', fetch: authenticatedFetch });
 * const entity = await catalog.json<Entity>('/entities/by-name/component/default/payments');
 */
export function createApiClient(options: { baseUrl: string; fetch: FetchFn }): ApiClient {
  const { baseUrl, fetch } = options;
  const send = async (path: string, init?: RequestInit) => {
    if (!path.startsWith('/')) {
      throw new InputError(`API path '${path}' must start with '/'; it is relative to ${baseUrl}`);
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await fromErrorResponse(response);
    }
    return response;
  };
  return {
    baseUrl,
    fetch: send,
    async json<T>(path: string, init: JsonRequestInit = {}) {
      const { body, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('accept', 'application/json');
      if (body !== undefined) {
        headers.set('content-type', 'application/json');
      }
      const response = await send(path, {
        ...rest,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 204) {
        return undefined as T;
      }
      return (await response.json()) as T;
    },
  };
}
