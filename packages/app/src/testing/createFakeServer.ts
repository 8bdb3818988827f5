import type { FetchFn } from '@atrium/plugin-api/frontend';
import { jsonResponse } from './jsonResponse';

/** One request the fake server saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** Answers a request of the fake server; `undefined` means 404. */
export type FakeRoute = (request: SeenRequest) => Response | Promise<Response> | undefined;

/**
 * A `fetch` answering from `routes` (`METHOD /path`, query string ignored; anything
 * else is a 404 in the Atrium error shape), recording every request it sees.
 */
export function createFakeServer(routes: Record<string, FakeRoute>): {
  serve: FetchFn;
  requests: SeenRequest[];
} {
  const requests: SeenRequest[] = [];
  const serve: FetchFn = async (input, init) => {
    const url = new URL(input, 'http://portal.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const request: SeenRequest = {
      method,
      url: `${url.pathname}${url.search}`,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const answer = await routes[`${method} ${url.pathname}`]?.(request);
    return (
      answer ??
      jsonResponse({ error: { name: 'NotFoundError', message: `no route ${method} ${url.pathname}` } }, 404)
    );
  };
  return { serve, requests };
}
